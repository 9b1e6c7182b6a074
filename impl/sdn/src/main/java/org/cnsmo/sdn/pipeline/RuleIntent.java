/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRange;

/**
 * A firewall rule as the pipeline needs it, with the model's defaults applied.
 *
 * @param name the rule name
 * @param node the node it applies to; empty for every node
 * @param inbound true for direction "in" (towards the node), false for "out"
 * @param protocol the IP protocol
 * @param ports destination port matches; empty for every port
 * @param matchSource true if {@code range} matches the source address, false for the destination
 * @param range the address range, canonical
 * @param action what happens to matching packets
 * @param priority the rule priority, 1..1000
 */
public record RuleIntent(String name, Optional<String> node, boolean inbound, Protocol protocol,
        List<PortMask> ports, boolean matchSource, Ipv4Network range, Rule.Action action, int priority) {
    private static final String ANY_ADDRESS = "0.0.0.0/0";
    private static final int DEFAULT_PRIORITY = 100;

    public RuleIntent {
        requireNonNull(name);
        requireNonNull(node);
        requireNonNull(protocol);
        ports = List.copyOf(ports);
        range = range.canonical();
        requireNonNull(action);
    }

    /** The intent of a validated rule from the configuration datastore. */
    public static RuleIntent of(final Rule rule) {
        final var protocol = rule.getProtocol();
        final var addressMatch = rule.getAddressMatch();
        final var range = rule.getAddressRange();
        final var priority = rule.getPriority();
        return new RuleIntent(rule.requireName().getValue(),
            Optional.ofNullable(rule.getNode()).map(node -> node.getValue()),
            rule.requireDirection() == Rule.Direction.In,
            protocol == null ? Protocol.Any : protocol,
            ports(rule),
            addressMatch == Rule.AddressMatch.Source,
            Ipv4Network.parse(range == null ? ANY_ADDRESS : range.getValue()),
            rule.requireAction(),
            priority == null ? DEFAULT_PRIORITY : priority.toJava());
    }

    /** Whether the rule applies on a node's switch. */
    public boolean appliesTo(final String nodeName) {
        return node.map(nodeName::equals).orElse(true);
    }

    private static List<PortMask> ports(final Rule rule) {
        final var port = rule.getPort();
        if (port instanceof DestinationPort single) {
            return List.of(PortMask.exact(single.requireDestinationPort().getValue().toJava()));
        }
        if (port instanceof DestinationPortRange range) {
            final var bounds = range.nonnullDestinationPortRange();
            return PortMask.cover(bounds.requireLower().getValue().toJava(), bounds.requireUpper().getValue().toJava());
        }
        return List.of();
    }
}
