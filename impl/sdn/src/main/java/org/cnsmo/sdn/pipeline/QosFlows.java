/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Dscp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.SetFieldCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.set.field._case.SetFieldBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.MeterCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.go.to.table._case.GoToTableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.meter._case.MeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.IpMatchBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * A QoS policy on one node's switch becomes at most two flows in the QoS table (see {@link Pipeline}): IPv4 from
 * the uplink through the ingress meter, and IPv4 from the node's ports through the egress meter and/or marked with
 * the policy's DSCP. Every other packet passes the table's defaults ({@link NodeFlows}) unchanged.
 */
public final class QosFlows {
    private QosFlows() {
        // utility
    }

    public static List<Flow> of(final QosIntent policy, final SwitchBinding binding) {
        final var flows = new ArrayList<Flow>(2);
        final var limit = policy.limit();
        final var cookie = Cookies.of(Kind.QOS_POLICY, policy.name());
        final String id = "cnsmo-qos-" + policy.name() + "-" + binding.node();
        if (limit != null && limit.direction() == Direction.Ingress) {
            flows.add(FlowParts.flow(id + "-ingress", Pipeline.TABLE_QOS, Pipeline.PRIORITY_QOS_INGRESS, cookie)
                .setMatch(FlowParts.ipv4().setInPort(binding.portId(binding.uplinkPort())).build())
                .setInstructions(instructions(limit.meterId(), -1))
                .build());
        }
        final boolean meterEgress = limit != null && limit.direction() == Direction.Egress;
        if (meterEgress || policy.dscp().isPresent()) {
            flows.add(FlowParts.flow(id + "-egress", Pipeline.TABLE_QOS, Pipeline.PRIORITY_QOS_EGRESS, cookie)
                .setMatch(FlowParts.ipv4().build())
                .setInstructions(instructions(meterEgress ? limit.meterId() : -1, policy.dscp().orElse(-1)))
                .build());
        }
        return List.copyOf(flows);
    }

    /** Meter (when meterId is not negative), then set the DSCP (when not negative), then go to forwarding. */
    private static org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions instructions(
            final long meterId, final int dscp) {
        final var instructions = new ArrayList<Instruction>(3);
        if (meterId >= 0) {
            instructions.add(new InstructionBuilder().setOrder(instructions.size())
                .setInstruction(new MeterCaseBuilder()
                    .setMeter(new MeterBuilder().setMeterId(new MeterId(Uint32.valueOf(meterId))).build())
                    .build())
                .build());
        }
        if (dscp >= 0) {
            instructions.add(new InstructionBuilder().setOrder(instructions.size())
                .setInstruction(new ApplyActionsCaseBuilder().setApplyActions(new ApplyActionsBuilder()
                    .setAction(BindingMap.of(new ActionBuilder().setOrder(0)
                        .setAction(new SetFieldCaseBuilder().setSetField(new SetFieldBuilder()
                            .setIpMatch(new IpMatchBuilder().setIpDscp(new Dscp(Uint8.valueOf(dscp))).build())
                            .build()).build())
                        .build()))
                    .build()).build())
                .build());
        }
        instructions.add(new InstructionBuilder().setOrder(instructions.size())
            .setInstruction(new GoToTableCaseBuilder()
                .setGoToTable(new GoToTableBuilder().setTableId(Pipeline.TABLE_FORWARD).build())
                .build())
            .build());
        return new InstructionsBuilder().setInstruction(BindingMap.ordered(instructions)).build();
    }
}
