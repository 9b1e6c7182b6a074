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
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ConntrackGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcAddFlowApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.conntrack.grouping.Conntrack;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.conntrack.grouping.ConntrackBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtState;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
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
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlow;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

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
            // ct_clear first, so that the packet-in carries no connection tracking fields, then the packet-in
            assertTrue(action(flow, 0) instanceof CnsmoCtClearRpcAddFlowApplyActionsCase);
            final var output = ((OutputActionCase) action(flow, 1)).getOutputAction();
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
    void acceptCommitsTheConnectionAndAnyProtocolMatchesAllIpv4() {
        final var flow = FirewallFlows.of(rule(true, Protocol.Any, List.of(), false, "10.9.0.0/16", Action.Accept,
            100)).get(0);
        assertNull(flow.getMatch().getIpMatch());
        assertEquals(0x0800L, flow.getMatch().getEthernetMatch().getEthernetType().getType().getValue().longValue());
        assertEquals(Pipeline.TABLE_FIREWALL_COMMIT, goTo(flow));
    }

    @Test
    void nodeBaseFlowsClassifyByUplinkAndForwardNormally() {
        final var flows = NodeFlows.of(NODE_A);
        assertEquals(20, flows.size());
        final var uplink = flow(flows, "classify-uplink");
        assertEquals("openflow:10:1", uplink.getMatch().getInPort().getValue());
        assertEquals(Pipeline.TABLE_FIREWALL_IN, goTo(uplink));
        final var forward = flow(flows, "forward");
        assertEquals(Pipeline.TABLE_FORWARD, forward.getTableId());
        assertEquals("NORMAL", ((OutputActionCase) action(forward, 0)).getOutputAction().getOutputNodeConnector()
            .getValue());
        assertEquals(20, flows.stream().map(Flow::key).distinct().count(), "flow ids are distinct");
        // The QoS stage passes what no policy meters or marks; received traffic is never marked.
        final var received = flow(flows, "qos-received");
        assertEquals(Pipeline.TABLE_QOS, received.getTableId());
        assertEquals("openflow:10:1", received.getMatch().getInPort().getValue());
        assertEquals(Pipeline.TABLE_FORWARD, goTo(received));
        assertEquals(Pipeline.TABLE_FORWARD, goTo(flow(flows, "qos")));
        assertTrue(flows.stream().allMatch(flow -> flow.getId().getValue().startsWith("cnsmo-A-")));
    }

    @Test
    void firewallTablesTrackConnectionsAndJudgeOnlyNewOnes() {
        final var flows = NodeFlows.of(NODE_A);
        final int zone = NODE_A.conntrackZone();
        for (var stage : List.of("firewall-in", "firewall-out")) {
            final var table = stage.equals("firewall-in") ? Pipeline.TABLE_FIREWALL_IN : Pipeline.TABLE_FIREWALL_OUT;
            // Untracked IP goes through the tracker and comes back to the same table, above every rule.
            final var track = flow(flows, stage + "-track");
            assertEquals(table, track.getTableId());
            assertTrue(track.getPriority().intValue() > Pipeline.PRIORITY_RULE_BASE + 1000);
            assertEquals(new CtStateBuilder().setState(Uint32.ZERO).setMask(Uint32.valueOf(0x20)).build(),
                ctState(track));
            final var ct = ((ConntrackGrouping) action(track, 0)).getConntrack();
            assertEquals(NxActionCase.track(zone, table), ct);
            // Replies and related packets pass before the rules; invalid ones are dropped.
            assertEquals(Pipeline.TABLE_QOS, goTo(flow(flows, stage + "-established")));
            assertEquals(Uint32.valueOf(0x22), ctState(flow(flows, stage + "-established")).getState());
            assertEquals(Pipeline.TABLE_QOS, goTo(flow(flows, stage + "-related")));
            assertEquals(Uint32.valueOf(0x24), ctState(flow(flows, stage + "-related")).getState());
            assertTrue(action(flow(flows, stage + "-invalid"), 0) instanceof DropActionCase);
            assertTrue(flow(flows, stage + "-invalid").getPriority().intValue()
                > flow(flows, stage + "-established").getPriority().intValue());
            // A new connection no rule matched is accepted: committed like an accept rule's.
            final var fresh = flow(flows, stage + "-new");
            assertEquals(Pipeline.TABLE_FIREWALL_COMMIT, goTo(fresh));
            assertEquals(Uint32.valueOf(0x21), ctState(fresh).getState());
            assertTrue(fresh.getPriority().intValue() < Pipeline.PRIORITY_RULE_BASE);
        }
        // Refusals from the overlay (reject answers of a peer) pass untracked, into forwarding.
        final var reset = flow(flows, "firewall-in-reset");
        assertEquals(Pipeline.TABLE_FIREWALL_IN, reset.getTableId());
        assertEquals(4, reset.getMatch().getTcpFlagsMatch().getTcpFlags().intValue());
        assertEquals(Pipeline.TABLE_QOS, goTo(reset));
        assertEquals(3, flow(flows, "firewall-in-unreachable").getMatch().getIcmpv4Match().getIcmpv4Type().intValue());
        assertTrue(flows.stream().noneMatch(flow -> flow.getId().getValue().equals("cnsmo-A-firewall-out-reset")));
        final var commit = flow(flows, "commit");
        assertEquals(Pipeline.TABLE_FIREWALL_COMMIT, commit.getTableId());
        assertEquals(NxActionCase.commit(zone), ((ConntrackGrouping) action(commit, 0)).getConntrack());
        assertEquals(Pipeline.TABLE_QOS, goTo(commit), "judged first, then marked and metered");
    }

    @Test
    void everySwitchTracksInAZoneOfItsOwn() {
        final var b = new SwitchBinding("B", Uint64.valueOf(11), 1);
        assertTrue(NODE_A.conntrackZone() != b.conntrackZone());
        assertTrue(new SwitchBinding("C", Uint64.MAX_VALUE, 1).conntrackZone() > 0);
        assertTrue(new SwitchBinding("D", Uint64.valueOf(0xFFFE), 1).conntrackZone() > 0);
    }

    /** The ct action values the pipeline's flows carry. */
    private static final class NxActionCase {
        static Conntrack track(final int zone, final Uint8 table) {
            return new ConntrackBuilder().setCommit(false).setZone(Uint16.valueOf(zone)).setRecircTable(table).build();
        }

        static Conntrack commit(final int zone) {
            return new ConntrackBuilder().setCommit(true).setZone(Uint16.valueOf(zone)).build();
        }
    }

    private static Flow flow(final List<Flow> flows, final String stage) {
        return flows.stream().filter(flow -> flow.getId().getValue().equals("cnsmo-A-" + stage)).findFirst()
            .orElseThrow(() -> new AssertionError("no flow " + stage));
    }

    private static CtState ctState(final Flow flow) {
        final var extensions = flow.getMatch().augmentation(GeneralAugMatchRpcAddFlow.class).nonnullExtensionList();
        assertEquals(1, extensions.size());
        final var extension = extensions.values().iterator().next();
        assertEquals(CtStateKey.VALUE, extension.getExtensionKey());
        return extension.getExtension().augmentation(CnsmoCtStateRpcAddFlow.class).getCtState();
    }

    private static Uint8 goTo(final Flow flow) {
        return flow.getInstructions().nonnullInstruction().values().stream()
            .map(instruction -> instruction.getInstruction())
            .filter(GoToTableCase.class::isInstance).map(GoToTableCase.class::cast).findFirst().orElseThrow()
            .getGoToTable().getTableId();
    }

    private static RuleIntent rule(final boolean inbound, final Protocol protocol, final List<PortMask> ports,
            final boolean matchSource, final String range, final Action action, final int priority) {
        return new RuleIntent("r", Optional.of("A"), inbound, protocol, ports, matchSource, Ipv4Network.parse(range),
            action, priority);
    }

    private static Object action(final Flow flow) {
        return action(flow, 0);
    }

    private static Object action(final Flow flow, final int order) {
        final var apply = flow.getInstructions().nonnullInstruction().values().stream()
            .map(instruction -> instruction.getInstruction())
            .filter(ApplyActionsCase.class::isInstance).map(ApplyActionsCase.class::cast).findFirst().orElseThrow();
        return apply.getApplyActions().nonnullAction().values().stream()
            .filter(action -> action.getOrder() == order).findFirst().orElseThrow().getAction();
    }
}
