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
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.OutputPortValues;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;

/**
 * A firewall rule becomes flows in the firewall table of its direction, one per port/mask match
 * of its port range (one when it has no ports). Only the first packet of a connection reaches a rule
 * (see {@link Pipeline}). Accept commits the connection and continues to forwarding, drop discards,
 * reject sends the packet's headers to the controller, which answers with a TCP reset or an ICMP
 * port unreachable.
 */
public final class FirewallFlows {
    private FirewallFlows() {
        // utility
    }

    public static List<Flow> of(final RuleIntent rule) {
        final var table = rule.inbound() ? Pipeline.TABLE_FIREWALL_IN : Pipeline.TABLE_FIREWALL_OUT;
        final var priority = Pipeline.PRIORITY_RULE_BASE + rule.priority();
        final var cookie = Cookies.of(Kind.FIREWALL_RULE, rule.name());
        final var instructions = instructions(rule);
        final var matches = matches(rule);
        final var flows = new ArrayList<Flow>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            flows.add(FlowParts.flow("cnsmo-fw-" + rule.name() + "-" + i, table, priority, cookie)
                .setMatch(matches.get(i).build())
                .setInstructions(instructions)
                .build());
        }
        return flows;
    }

    private static List<MatchBuilder> matches(final RuleIntent rule) {
        if (rule.protocol() != Protocol.Tcp && rule.protocol() != Protocol.Udp || rule.ports().isEmpty()) {
            return List.of(l3(rule));
        }
        final var matches = new ArrayList<MatchBuilder>(rule.ports().size());
        for (var port : rule.ports()) {
            final var match = l3(rule);
            if (rule.protocol() == Protocol.Tcp) {
                FlowParts.tcpDestination(match, port);
            } else {
                FlowParts.udpDestination(match, port);
            }
            matches.add(match);
        }
        return matches;
    }

    private static MatchBuilder l3(final RuleIntent rule) {
        final var match = FlowParts.ipv4();
        switch (rule.protocol()) {
            case Tcp -> FlowParts.protocol(match, FlowParts.PROTOCOL_TCP);
            case Udp -> FlowParts.protocol(match, FlowParts.PROTOCOL_UDP);
            case Icmp -> FlowParts.protocol(match, FlowParts.PROTOCOL_ICMP);
            default -> {
                // any IPv4 protocol
            }
        }
        if (rule.range().length() > 0) {
            if (rule.matchSource()) {
                FlowParts.source(match, rule.range());
            } else {
                FlowParts.destination(match, rule.range());
            }
        }
        return match;
    }

    private static Instructions instructions(final RuleIntent rule) {
        return switch (rule.action()) {
            case Accept -> FlowParts.goTo(Pipeline.TABLE_FIREWALL_COMMIT);
            case Drop -> FlowParts.drop();
            // ct_clear: the packet-in then carries no connection tracking fields for the plugin to decode
            case Reject -> FlowParts.meteredOutput(Pipeline.REJECT_METER_ID, OutputPortValues.CONTROLLER.getName(),
                Pipeline.REJECT_PACKET_IN_BYTES, ConntrackParts.clear(0));
        };
    }
}
