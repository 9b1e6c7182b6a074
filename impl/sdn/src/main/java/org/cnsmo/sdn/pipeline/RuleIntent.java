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
import org.cnsmo.api.firewall.RuleDefaults;
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

    public RuleIntent {
        requireNonNull(name);
        requireNonNull(node);
        requireNonNull(protocol);
        ports = List.copyOf(ports);
        range = range.canonical();
        requireNonNull(action);
    }

    /** The intent of a validated rule from the configuration datastore, with the defaults of {@link RuleDefaults}. */
    public static RuleIntent of(final Rule rule) {
        return new RuleIntent(rule.requireName().getValue(),
            Optional.ofNullable(rule.getNode()).map(node -> node.getValue()),
            rule.requireDirection() == Rule.Direction.In,
            RuleDefaults.protocol(rule),
            ports(rule),
            RuleDefaults.addressMatch(rule) == Rule.AddressMatch.Source,
            RuleDefaults.addressNetwork(rule),
            rule.requireAction(),
            RuleDefaults.priority(rule));
    }

    /**
     * Whether the rule may apply on a node: it names that node or none. Whether it does is
     * {@link #appliesTo(SwitchBinding)}, which also asks whether the node lists the firewall service.
     */
    public boolean mayApplyTo(final String nodeName) {
        return node.map(nodeName::equals).orElse(true);
    }

    /**
     * Whether the rule applies on a node's switch: it names that node, or it names none and the node lists the
     * {@code firewall} service.
     */
    public boolean appliesTo(final SwitchBinding binding) {
        return node.map(binding.node()::equals).orElse(binding.firewall());
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
