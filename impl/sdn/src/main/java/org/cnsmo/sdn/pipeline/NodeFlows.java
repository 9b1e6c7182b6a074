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
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.OutputPortValues;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The base pipeline of a node's bridge (see {@link Pipeline}): classify by direction, accept what
 * no rule matched and forward everything else as a learning switch, so that overlay traffic flows
 * when no filter or rule exists.
 */
public final class NodeFlows {
    private static final int NO_BUFFERING = 0xFFFF;

    private NodeFlows() {
        // utility
    }

    public static List<Flow> of(final SwitchBinding binding) {
        return List.of(
            base(binding, "classify-uplink", Pipeline.TABLE_INGRESS, Pipeline.PRIORITY_CLASSIFY_UPLINK)
                .setMatch(new MatchBuilder().setInPort(binding.portId(binding.uplinkPort())).build())
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_FIREWALL_IN))
                .build(),
            base(binding, "classify-local", Pipeline.TABLE_INGRESS, Pipeline.PRIORITY_DEFAULT)
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_FIREWALL_OUT))
                .build(),
            base(binding, "firewall-in", Pipeline.TABLE_FIREWALL_IN, Pipeline.PRIORITY_DEFAULT)
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_FORWARD))
                .build(),
            base(binding, "firewall-out", Pipeline.TABLE_FIREWALL_OUT, Pipeline.PRIORITY_DEFAULT)
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_FORWARD))
                .build(),
            base(binding, "forward", Pipeline.TABLE_FORWARD, Pipeline.PRIORITY_DEFAULT)
                .setInstructions(FlowParts.output(OutputPortValues.NORMAL.getName(), NO_BUFFERING))
                .build());
    }

    /** A base flow matching everything; its id names the node so that ids never clash. */
    private static FlowBuilder base(final SwitchBinding binding, final String stage, final Uint8 table,
            final int priority) {
        return FlowParts.flow("cnsmo-" + binding.node() + "-" + stage, table, priority,
                Cookies.of(Kind.NODE, binding.node()))
            .setMatch(new MatchBuilder().build());
    }
}
