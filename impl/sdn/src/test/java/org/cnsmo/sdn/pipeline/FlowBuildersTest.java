/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DropActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.MeterCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yangtools.yang.common.Uint64;

class FlowBuildersTest {
    private static final SwitchBinding NODE_A = new SwitchBinding("A", Uint64.valueOf(10), 1);

    @Test
    void filterDropsTcpToPortAndPrefixWithPrerequisites() {
        final var flows = FilterFlows.of(new FilterIntent("web", "A", 8080, Ipv4Network.parse("10.8.0.6/32")));
        assertEquals(1, flows.size());
        final var flow = flows.get(0);
        assertEquals("cnsmo-filter-web", flow.getId().getValue());
        assertEquals(Pipeline.TABLE_INGRESS, flow.getTableId());
        assertEquals(Pipeline.PRIORITY_FILTER, flow.getPriority().intValue());
        assertEquals(Cookies.of(Kind.FILTER, "web"), flow.getCookie().getValue());
        final var match = flow.getMatch();
        assertEquals(0x0800L, match.getEthernetMatch().getEthernetType().getType().getValue().longValue());
        assertEquals(6, match.getIpMatch().getIpProtocol().intValue());
        assertEquals("10.8.0.6/32", ((Ipv4Match) match.getLayer3Match()).getIpv4Destination().getValue());
        final var tcp = (TcpMatch) match.getLayer4Match();
        assertEquals(8080, tcp.getTcpDestinationPort().getValue().intValue());
        assertNull(tcp.getTcpDestinationPortMask());
        assertTrue(action(flow) instanceof DropActionCase);
    }

    @Test
    void filterPrefixIsCanonical() {
        final var filter = new FilterIntent("net", "A", 22, Ipv4Network.parse("10.8.1.7/24"));
        assertEquals("10.8.1.0/24",
            ((Ipv4Match) FilterFlows.of(filter).get(0).getMatch().getLayer3Match()).getIpv4Destination().getValue());
    }

    @Test
    void rejectRangeBecomesOneMaskedFlowPerBlockSendingHeadersToTheController() {
        final var rule = rule(true, Protocol.Tcp, PortMask.cover(7000, 7010), false, "0.0.0.0/0", Action.Reject, 100);
        final var flows = FirewallFlows.of(rule);
        assertEquals(3, flows.size());
        for (var flow : flows) {
            assertEquals(Pipeline.TABLE_FIREWALL_IN, flow.getTableId());
            assertEquals(1100, flow.getPriority().intValue());
            assertEquals(Cookies.of(Kind.FIREWALL_RULE, "r"), flow.getCookie().getValue());
            assertNull(flow.getMatch().getLayer3Match(), "0.0.0.0/0 needs no address match");
            final var output = ((OutputActionCase) action(flow)).getOutputAction();
            assertEquals("CONTROLLER", output.getOutputNodeConnector().getValue());
            assertEquals(Pipeline.REJECT_PACKET_IN_BYTES, output.getMaxLength().intValue());
            // The packet-in goes through the reject meter first, so a flood reaches the controller rate-limited.
            final var first = flow.getInstructions().nonnullInstruction().values().stream()
                .min(java.util.Comparator.comparing(instruction -> instruction.getOrder())).orElseThrow();
            assertEquals(Pipeline.REJECT_METER_ID, ((MeterCase) first.getInstruction()).getMeter().getMeterId()
                .getValue().longValue());
        }
        final var first = (TcpMatch) flows.get(0).getMatch().getLayer4Match();
        assertEquals(7000, first.getTcpDestinationPort().getValue().intValue());
        assertEquals(0xFFF8, first.getTcpDestinationPortMask().getValue().intValue());
        assertEquals(List.of("cnsmo-fw-r-0", "cnsmo-fw-r-1", "cnsmo-fw-r-2"),
            flows.stream().map(flow -> flow.getId().getValue()).toList());
    }

    @Test
    void outboundUdpRuleMatchesSourceRangeInTheOutboundTable() {
        final var flows = FirewallFlows.of(rule(false, Protocol.Udp, List.of(PortMask.exact(53)), true,
            "10.8.0.0/28", Action.Drop, 7));
        assertEquals(1, flows.size());
        final var flow = flows.get(0);
        assertEquals(Pipeline.TABLE_FIREWALL_OUT, flow.getTableId());
        assertEquals(1007, flow.getPriority().intValue());
        assertEquals(17, flow.getMatch().getIpMatch().getIpProtocol().intValue());
        assertEquals("10.8.0.0/28", ((Ipv4Match) flow.getMatch().getLayer3Match()).getIpv4Source().getValue());
        assertEquals(53, ((UdpMatch) flow.getMatch().getLayer4Match()).getUdpDestinationPort().getValue().intValue());
    }

    @Test
    void acceptContinuesToForwardingAndAnyProtocolMatchesAllIpv4() {
        final var flow = FirewallFlows.of(rule(true, Protocol.Any, List.of(), false, "10.9.0.0/16", Action.Accept,
            100)).get(0);
        assertNull(flow.getMatch().getIpMatch());
        assertEquals(0x0800L, flow.getMatch().getEthernetMatch().getEthernetType().getType().getValue().longValue());
        assertEquals(Pipeline.TABLE_FORWARD, ((GoToTableCase) flow.getInstructions().nonnullInstruction().values()
            .iterator().next().getInstruction()).getGoToTable().getTableId());
    }

    @Test
    void nodeBaseFlowsClassifyByUplinkAndForwardNormally() {
        final var flows = NodeFlows.of(NODE_A);
        assertEquals(5, flows.size());
        final var uplink = flows.get(0);
        assertEquals("openflow:10:1", uplink.getMatch().getInPort().getValue());
        assertEquals(Pipeline.TABLE_FIREWALL_IN, ((GoToTableCase) uplink.getInstructions().nonnullInstruction()
            .values().iterator().next().getInstruction()).getGoToTable().getTableId());
        final var forward = flows.get(4);
        assertEquals(Pipeline.TABLE_FORWARD, forward.getTableId());
        assertEquals("NORMAL", ((OutputActionCase) action(forward)).getOutputAction().getOutputNodeConnector()
            .getValue());
        assertEquals(5, flows.stream().map(Flow::key).distinct().count(), "flow ids are distinct");
        assertTrue(flows.stream().allMatch(flow -> flow.getId().getValue().startsWith("cnsmo-A-")));
    }

    private static RuleIntent rule(final boolean inbound, final Protocol protocol, final List<PortMask> ports,
            final boolean matchSource, final String range, final Action action, final int priority) {
        return new RuleIntent("r", Optional.of("A"), inbound, protocol, ports, matchSource, Ipv4Network.parse(range),
            action, priority);
    }

    private static Object action(final Flow flow) {
        final var apply = flow.getInstructions().nonnullInstruction().values().stream()
            .map(instruction -> instruction.getInstruction())
            .filter(ApplyActionsCase.class::isInstance).map(ApplyActionsCase.class::cast).findFirst().orElseThrow();
        return apply.getApplyActions().nonnullAction().values().iterator().next().getAction();
    }
}
