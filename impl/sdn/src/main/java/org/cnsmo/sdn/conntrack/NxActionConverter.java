/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import org.opendaylight.openflowplugin.extension.api.ConvertorActionFromOFJava;
import org.opendaylight.openflowplugin.extension.api.ConvertorActionToOFJava;
import org.opendaylight.openflowplugin.extension.api.path.ActionPath;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ConntrackGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtClearGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.conntrack.grouping.Conntrack;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.conntrack.grouping.ConntrackBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.clear.grouping.CtClearBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcGetFlowStatsApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcGetFlowStatsApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.nodes.node.table.flow.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackNodesNodeTableFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.nodes.node.table.flow.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearNodesNodeTableFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.ConntrackActionCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.CtClearActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.Action;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Converts the ct and ct_clear actions between the flow model (the action cases of cnsmo-conntrack) and
 * the OpenFlow Java model, both ways. A ct read back from a switch equals the one CNSMO wrote.
 */
final class NxActionConverter implements ConvertorActionToOFJava<Action,
        org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping.Action>,
        ConvertorActionFromOFJava<
            org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping.Action,
            ActionPath> {
    private static final Uint16 NO_ZONE = Uint16.ZERO;

    /** The flow model's ct action; {@code recircTable} null for none. */
    static Conntrack conntrack(final boolean commit, final int zone, final Integer recircTable) {
        return new ConntrackBuilder()
            .setCommit(commit)
            .setZone(Uint16.valueOf(zone))
            .setRecircTable(recircTable == null ? null : Uint8.valueOf(recircTable))
            .build();
    }

    @Override
    public org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping.Action
            convert(final Action input) {
        if (input instanceof ConntrackGrouping ct) {
            final var conntrack = ct.nonnullConntrack();
            final var recirc = conntrack.getRecircTable();
            final var zone = conntrack.getZone();
            return NxActionCodec.conntrack(Boolean.TRUE.equals(conntrack.getCommit()) ? NxWire.CT_FLAG_COMMIT : 0,
                (zone == null ? NO_ZONE : zone).toJava(), recirc == null ? NxWire.RECIRC_NONE : recirc.toJava());
        }
        if (input instanceof CtClearGrouping) {
            return NxActionCodec.ctClear();
        }
        throw new IllegalArgumentException("Not a CNSMO Nicira action: " + input);
    }

    @Override
    public Action convert(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping
                .Action input, final ActionPath path) {
        final var choice = input.getActionChoice();
        if (choice instanceof ConntrackActionCase ct) {
            final var wire = ct.nonnullConntrackAction();
            final int recirc = wire.requireRecircTable().toJava();
            final var conntrack = conntrack((wire.requireFlags().toJava() & NxWire.CT_FLAG_COMMIT) != 0,
                wire.requireZone().toJava(), recirc == NxWire.RECIRC_NONE ? null : recirc);
            return switch (path) {
                case FLOWS_STATISTICS_RPC_APPLY_ACTIONS, FLOWS_STATISTICS_RPC_WRITE_ACTIONS ->
                    new CnsmoConntrackRpcGetFlowStatsApplyActionsCaseBuilder().setConntrack(conntrack).build();
                default ->
                    new CnsmoConntrackNodesNodeTableFlowApplyActionsCaseBuilder().setConntrack(conntrack).build();
            };
        }
        if (choice instanceof CtClearActionCase) {
            final var clear = new CtClearBuilder().build();
            return switch (path) {
                case FLOWS_STATISTICS_RPC_APPLY_ACTIONS, FLOWS_STATISTICS_RPC_WRITE_ACTIONS ->
                    new CnsmoCtClearRpcGetFlowStatsApplyActionsCaseBuilder().setCtClear(clear).build();
                default -> new CnsmoCtClearNodesNodeTableFlowApplyActionsCaseBuilder().setCtClear(clear).build();
            };
        }
        return null;
    }
}
