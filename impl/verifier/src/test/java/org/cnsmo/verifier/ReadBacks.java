/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import java.util.List;
import java.util.function.Predicate;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;

/**
 * Flows as a switch reads them back: the planned flows of a node, without their names and ids, an input port as
 * its number.
 */
final class ReadBacks {
    private ReadBacks() {
        // helpers
    }

    static SwitchBinding binding(final Intent intent, final String node) {
        return intent.nodes().nonnullNode().values().stream()
            .filter(entry -> entry.requireName().getValue().equals(node))
            .map(SwitchBinding::of).findFirst().orElseThrow();
    }

    /** What the switch of a node holds when it holds what is planned. */
    static List<FlowAndStatisticsMapList> of(final Intent intent, final String node) {
        return of(intent, node, flow -> true);
    }

    /** What the switch of a node holds with only some of its planned flows. */
    static List<FlowAndStatisticsMapList> of(final Intent intent, final String node,
            final Predicate<org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow>
                kept) {
        final var overlay = Overlay.of(intent);
        return Overlay.flows(binding(intent, node), overlay.rules(), overlay.filters()).stream()
            .filter(kept)
            .map(ReadBacks::readBack)
            .toList();
    }

    static FlowAndStatisticsMapList readBack(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow flow) {
        final var builder = new FlowAndStatisticsMapListBuilder(flow).setFlowName(null);
        final var match = flow.getMatch();
        if (match != null && match.getInPort() != null) {
            final var port = match.getInPort().getValue();
            builder.setMatch(new MatchBuilder(match)
                .setInPort(new NodeConnectorId(port.substring(port.lastIndexOf(':') + 1))).build());
        }
        return builder.build();
    }
}
