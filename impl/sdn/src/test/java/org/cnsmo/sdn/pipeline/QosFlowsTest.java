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
import java.util.OptionalInt;
import java.util.Set;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Dscp;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.BandwidthLimitBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.DscpMarkingBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.MeterCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

class QosFlowsTest {
    private static final SwitchBinding NODE_A = new SwitchBinding("A", Uint64.valueOf(10), 3);

    @Test
    void policyFromConfigurationGetsItsDefaults() {
        final var intent = QosIntent.of(new PolicyBuilder().setName(new ObjectName("slow"))
            .setNode(Set.of(new NodeName("A")))
            .setBandwidthLimit(new BandwidthLimitBuilder().setMaxKbps(Uint32.valueOf(10_000)).build())
            .setDscpMarking(new DscpMarkingBuilder().setDscpMark(new Dscp(Uint8.valueOf(46))).build())
            .build());
        assertEquals(new QosIntent("slow", Set.of("A"), new QosIntent.Limit(Direction.Egress, 10_000, 2_000),
            OptionalInt.of(46)), intent);
    }

    @Test
    void egressLimitAndMarkingShareOneFlowFromTheNode() {
        final var flows = QosFlows.of(new QosIntent("slow", Set.of("A"),
            new QosIntent.Limit(Direction.Egress, 10_000, 2_000), OptionalInt.of(46)), NODE_A);
        assertEquals(1, flows.size());
        final var flow = flows.get(0);
        assertEquals("cnsmo-qos-slow-A-egress", flow.getId().getValue());
        assertEquals(Pipeline.TABLE_QOS, flow.getTableId());
        assertEquals(Cookies.of(Kind.QOS_POLICY, "slow"), flow.getCookie().getValue());
        assertEquals(0x0800L, flow.getMatch().getEthernetMatch().getEthernetType().getType().getValue().longValue());
        assertNull(flow.getMatch().getInPort(), "what is not from the uplink: a higher flow takes the uplink's");
        assertTrue(flow.getPriority().intValue() < Pipeline.PRIORITY_QOS_RECEIVED);
        final var instructions = instructions(flow);
        assertEquals(3, instructions.size());
        assertEquals(Uint32.valueOf(Pipeline.QOS_EGRESS_METER_ID),
            ((MeterCase) instructions.get(0)).getMeter().getMeterId().getValue());
        final var setField = (SetFieldCase) ((ApplyActionsCase) instructions.get(1)).getApplyActions()
            .nonnullAction().values().iterator().next().getAction();
        assertEquals(46, setField.getSetField().getIpMatch().getIpDscp().getValue().intValue());
        assertEquals(Pipeline.TABLE_FORWARD, ((GoToTableCase) instructions.get(2)).getGoToTable().getTableId());
    }

    @Test
    void ingressLimitMetersWhatComesFromTheUplink() {
        final var flows = QosFlows.of(new QosIntent("down", Set.of("A"),
            new QosIntent.Limit(Direction.Ingress, 20_000, 4_000), OptionalInt.empty()), NODE_A);
        assertEquals(1, flows.size());
        final var flow = flows.get(0);
        assertEquals("cnsmo-qos-down-A-ingress", flow.getId().getValue());
        assertEquals("openflow:10:3", flow.getMatch().getInPort().getValue());
        assertTrue(flow.getPriority().intValue() > Pipeline.PRIORITY_QOS_RECEIVED, "outranks the unmarked pass");
        final var instructions = instructions(flow);
        assertEquals(2, instructions.size(), "a meter and the way on; no marking of received traffic");
        assertEquals(Uint32.valueOf(Pipeline.QOS_INGRESS_METER_ID),
            ((MeterCase) instructions.get(0)).getMeter().getMeterId().getValue());
        assertTrue(instructions.get(1) instanceof GoToTableCase);
    }

    @Test
    void ingressLimitWithMarkingGetsTwoFlows() {
        final var flows = QosFlows.of(new QosIntent("both", Set.of("A"),
            new QosIntent.Limit(Direction.Ingress, 20_000, 4_000), OptionalInt.of(10)), NODE_A);
        assertEquals(List.of("cnsmo-qos-both-A-ingress", "cnsmo-qos-both-A-egress"),
            flows.stream().map(flow -> flow.getId().getValue()).toList());
        final var egress = instructions(flows.get(1));
        assertEquals(2, egress.size(), "marked, not metered");
        assertTrue(egress.get(0) instanceof ApplyActionsCase);
    }

    @Test
    void meterIsKbpsWithBurstAndOneDropBand() {
        final var meter = QosMeter.of("slow", new QosIntent.Limit(Direction.Egress, 10_000, 2_000));
        assertEquals(Uint32.valueOf(Pipeline.QOS_EGRESS_METER_ID), meter.getMeterId().getValue());
        assertTrue(meter.getFlags().getMeterKbps());
        assertTrue(meter.getFlags().getMeterBurst());
        final var band = meter.getMeterBandHeaders().nonnullMeterBandHeader().values().iterator().next();
        assertEquals(Uint32.valueOf(10_000), band.getBandRate());
        assertEquals(Uint32.valueOf(2_000), band.getBandBurstSize());
        assertTrue(band.getMeterBandTypes().getFlags().getOfpmbtDrop());
        assertTrue(Pipeline.QOS_EGRESS_METER_ID != Pipeline.REJECT_METER_ID
            && Pipeline.QOS_INGRESS_METER_ID != Pipeline.REJECT_METER_ID
            && Pipeline.QOS_INGRESS_METER_ID != Pipeline.QOS_EGRESS_METER_ID, "meter ids never collide");
    }

    private static List<Object> instructions(final Flow flow) {
        return flow.getInstructions().nonnullInstruction().values().stream()
            .sorted(java.util.Comparator.comparing(Instruction::getOrder))
            .map(instruction -> (Object) instruction.getInstruction()).toList();
    }
}
