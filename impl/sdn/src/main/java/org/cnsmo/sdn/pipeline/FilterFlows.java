/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import java.util.List;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;

/**
 * A traffic filter becomes one flow in the ingress table: drop TCP to the port and destination
 * prefix, whatever port the packet came in on.
 */
public final class FilterFlows {
    private FilterFlows() {
        // utility
    }

    public static List<Flow> of(final FilterIntent filter) {
        final var match = FlowParts.protocol(FlowParts.ipv4(), FlowParts.PROTOCOL_TCP);
        FlowParts.destination(match, filter.destination());
        FlowParts.tcpDestination(match, PortMask.exact(filter.tcpPort()));
        return List.of(FlowParts.flow("cnsmo-filter-" + filter.name(), Pipeline.TABLE_INGRESS,
                Pipeline.PRIORITY_FILTER, Cookies.of(Kind.FILTER, filter.name()))
            .setMatch(match.build())
            .setInstructions(FlowParts.drop())
            .build());
    }
}
