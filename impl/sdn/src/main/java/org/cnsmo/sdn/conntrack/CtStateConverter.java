/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import java.util.Optional;
import java.util.stream.Stream;
import org.opendaylight.openflowplugin.extension.api.ConvertorFromOFJava;
import org.opendaylight.openflowplugin.extension.api.ConvertorToOFJava;
import org.opendaylight.openflowplugin.extension.api.ExtensionAugment;
import org.opendaylight.openflowplugin.extension.api.path.MatchPath;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateNodesNodeTableFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateNodesNodeTableFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcGetFlowStats;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcGetFlowStatsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcRemoveFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtState;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.CtStateCaseValue;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.Extension;
import org.opendaylight.yangtools.binding.Augmentation;

/**
 * Converts the ct_state match between the flow model (an entry of the general extension list) and the
 * OpenFlow Java model, both ways.
 */
final class CtStateConverter implements ConvertorToOFJava<MatchEntry>, ConvertorFromOFJava<MatchEntry, MatchPath> {
    @Override
    public MatchEntry convert(final Extension extension) {
        final var ctState = Stream.of(extension.augmentation(CnsmoCtStateRpcAddFlow.class),
                extension.augmentation(CnsmoCtStateRpcRemoveFlow.class),
                extension.augmentation(CnsmoCtStateNodesNodeTableFlow.class),
                extension.augmentation(CnsmoCtStateRpcGetFlowStats.class))
            .map(aug -> Optional.ofNullable((CtStateGrouping) aug).map(CtStateGrouping::getCtState).orElse(null))
            .filter(value -> value != null)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No ct_state in " + extension));
        return CtStateCodec.entry(ctState.requireState().toJava(), ctState.requireMask().toJava());
    }

    @Override
    public ExtensionAugment<? extends Augmentation<Extension>> convert(final MatchEntry input, final MatchPath path) {
        final var values = ((CtStateCaseValue) input.getMatchEntryValue()).nonnullCtStateValues();
        final CtState ctState = new CtStateBuilder().setState(values.getCtState()).setMask(values.getMask()).build();
        return switch (path) {
            case FLOWS_STATISTICS_RPC_MATCH -> new ExtensionAugment<>(CnsmoCtStateRpcGetFlowStats.class,
                new CnsmoCtStateRpcGetFlowStatsBuilder().setCtState(ctState).build(), CtStateKey.VALUE);
            // statistics notifications and every other path: the inventory flow's shape
            default -> new ExtensionAugment<>(CnsmoCtStateNodesNodeTableFlow.class,
                new CnsmoCtStateNodesNodeTableFlowBuilder().setCtState(ctState).build(), CtStateKey.VALUE);
        };
    }
}
