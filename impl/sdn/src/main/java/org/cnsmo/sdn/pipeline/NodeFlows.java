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
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.OutputPortValues;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The base pipeline of a node's bridge (see {@link Pipeline}): classify by direction, track IP
 * connections, pass established and related packets, accept and commit new connections no rule
 * matched, and forward as a learning switch, so that overlay traffic flows when no filter or rule exists.
 */
public final class NodeFlows {
    private static final int NO_BUFFERING = 0xFFFF;
    private static final int TCP_RST = 0x04;
    private static final short ICMP_DESTINATION_UNREACHABLE = 3;

    private NodeFlows() {
        // utility
    }

    public static List<Flow> of(final SwitchBinding binding) {
        final var flows = new ArrayList<Flow>();
        flows.add(base(binding, "classify-uplink", Pipeline.TABLE_INGRESS, Pipeline.PRIORITY_CLASSIFY_UPLINK)
            .setMatch(new MatchBuilder().setInPort(binding.portId(binding.uplinkPort())).build())
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_FIREWALL_IN))
            .build());
        flows.add(base(binding, "classify-local", Pipeline.TABLE_INGRESS, Pipeline.PRIORITY_DEFAULT)
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_FIREWALL_OUT))
            .build());
        firewall(binding, "firewall-in", Pipeline.TABLE_FIREWALL_IN, flows);
        firewall(binding, "firewall-out", Pipeline.TABLE_FIREWALL_OUT, flows);
        flows.add(base(binding, "commit", Pipeline.TABLE_FIREWALL_COMMIT, Pipeline.PRIORITY_DEFAULT)
            .setMatch(FlowParts.ipv4().build())
            .setInstructions(FlowParts.applyThenGoTo(ConntrackParts.commit(0, binding.conntrackZone()),
                Pipeline.TABLE_QOS))
            .build());
        // QoS: received traffic is never marked; QosFlows adds the metered and marked flows of a policy.
        flows.add(base(binding, "qos-received", Pipeline.TABLE_QOS, Pipeline.PRIORITY_QOS_RECEIVED)
            .setMatch(new MatchBuilder().setInPort(binding.portId(binding.uplinkPort())).build())
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_FORWARD))
            .build());
        flows.add(base(binding, "qos", Pipeline.TABLE_QOS, Pipeline.PRIORITY_DEFAULT)
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_FORWARD))
            .build());
        flows.add(base(binding, "forward", Pipeline.TABLE_FORWARD, Pipeline.PRIORITY_DEFAULT)
            .setInstructions(FlowParts.output(OutputPortValues.NORMAL.getName(), NO_BUFFERING))
            .build());
        return List.copyOf(flows);
    }

    /** The stateful frame of a firewall table, around the rules (see {@link Pipeline}). */
    private static void firewall(final SwitchBinding binding, final String stage, final Uint8 table,
            final List<Flow> flows) {
        final int zone = binding.conntrackZone();
        if (table.equals(Pipeline.TABLE_FIREWALL_IN)) {
            // Refusals pass untracked (see Pipeline): a reset, or an ICMP destination unreachable.
            flows.add(base(binding, stage + "-reset", table, Pipeline.PRIORITY_CT_UNTRACKED)
                .setMatch(FlowParts.tcpFlags(FlowParts.protocol(FlowParts.ipv4(), FlowParts.PROTOCOL_TCP), TCP_RST)
                    .build())
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_QOS))
                .build());
            flows.add(base(binding, stage + "-unreachable", table, Pipeline.PRIORITY_CT_UNTRACKED)
                .setMatch(FlowParts.icmpType(FlowParts.protocol(FlowParts.ipv4(), FlowParts.PROTOCOL_ICMP),
                    ICMP_DESTINATION_UNREACHABLE).build())
                .setInstructions(FlowParts.goTo(Pipeline.TABLE_QOS))
                .build());
        }
        flows.add(base(binding, stage + "-track", table, Pipeline.PRIORITY_CT_TRACK)
            .setMatch(ConntrackParts.ctState(FlowParts.ipv4(), 0, ConntrackParts.TRK).build())
            .setInstructions(FlowParts.apply(ConntrackParts.track(0, zone, table)))
            .build());
        flows.add(base(binding, stage + "-invalid", table, Pipeline.PRIORITY_CT_INVALID)
            .setMatch(ConntrackParts.ctState(FlowParts.ipv4(), ConntrackParts.TRK | ConntrackParts.INV, 0).build())
            .setInstructions(FlowParts.drop())
            .build());
        flows.add(base(binding, stage + "-established", table, Pipeline.PRIORITY_CT_ESTABLISHED)
            .setMatch(ConntrackParts.ctState(FlowParts.ipv4(), ConntrackParts.TRK | ConntrackParts.EST, 0).build())
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_QOS))
            .build());
        flows.add(base(binding, stage + "-related", table, Pipeline.PRIORITY_CT_ESTABLISHED)
            .setMatch(ConntrackParts.ctState(FlowParts.ipv4(), ConntrackParts.TRK | ConntrackParts.REL, 0).build())
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_QOS))
            .build());
        flows.add(base(binding, stage + "-new", table, Pipeline.PRIORITY_CT_NEW)
            .setMatch(ConntrackParts.ctState(FlowParts.ipv4(), ConntrackParts.TRK | ConntrackParts.NEW, 0).build())
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_FIREWALL_COMMIT))
            .build());
        // Not IP (ARP): neither tracked nor judged by rules, which all match IPv4.
        flows.add(base(binding, stage, table, Pipeline.PRIORITY_DEFAULT)
            .setInstructions(FlowParts.goTo(Pipeline.TABLE_QOS))
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
