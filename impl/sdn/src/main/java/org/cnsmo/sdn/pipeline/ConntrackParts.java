/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcAddFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.conntrack.grouping.ConntrackBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.clear.grouping.CtClearBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.ExtensionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The connection tracking parts of CNSMO flows, in the flow model of cnsmo-conntrack (which
 * {@link org.cnsmo.sdn.conntrack.ConntrackExtension} teaches the OpenFlow plugin to encode): ct_state
 * matches and the ct and ct_clear actions.
 */
final class ConntrackParts {
    /** ct_state bits (ovs-fields(7)). */
    static final long NEW = 0x01;
    static final long EST = 0x02;
    static final long REL = 0x04;
    static final long INV = 0x10;
    static final long TRK = 0x20;

    private ConntrackParts() {
        // utility
    }

    /**
     * Adds a ct_state match: the bits of {@code set} must be set and those of {@code clear} clear, as
     * {@code ct_state=+set-clear} in ovs-ofctl.
     */
    static MatchBuilder ctState(final MatchBuilder match, final long set, final long clear) {
        final var extension = new ExtensionListBuilder()
            .setExtensionKey(CtStateKey.VALUE)
            .setExtension(new ExtensionBuilder()
                .addAugmentation(new CnsmoCtStateRpcAddFlowBuilder()
                    .setCtState(new CtStateBuilder()
                        .setState(Uint32.valueOf(set))
                        .setMask(Uint32.valueOf(set | clear))
                        .build())
                    .build())
                .build())
            .build();
        return match.addAugmentation(new GeneralAugMatchRpcAddFlowBuilder()
            .setExtensionList(BindingMap.of(extension))
            .build());
    }

    /** {@code ct(zone=zone,table=table)}: the packet is tracked and resubmitted to a table. */
    static Action track(final int order, final int zone, final Uint8 table) {
        return new ActionBuilder().setOrder(order)
            .setAction(new CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder()
                .setConntrack(new ConntrackBuilder()
                    .setCommit(Boolean.FALSE)
                    .setZone(Uint16.valueOf(zone))
                    .setRecircTable(table)
                    .build())
                .build())
            .build();
    }

    /** {@code ct(commit,zone=zone)}: the packet's connection is committed and the packet goes on. */
    static Action commit(final int order, final int zone) {
        return new ActionBuilder().setOrder(order)
            .setAction(new CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder()
                .setConntrack(new ConntrackBuilder()
                    .setCommit(Boolean.TRUE)
                    .setZone(Uint16.valueOf(zone))
                    .build())
                .build())
            .build();
    }

    /** {@code ct_clear}: the packet forgets its connection tracking state. */
    static Action clear(final int order) {
        return new ActionBuilder().setOrder(order)
            .setAction(new CnsmoCtClearRpcAddFlowApplyActionsCaseBuilder()
                .setCtClear(new CtClearBuilder().build())
                .build())
            .build();
    }
}
