/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.nodes.NodeCheck;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.AddressMatch;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRange;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;

/**
 * Checks firewall rules beyond what YANG expresses: the node exists, ports go with tcp or udp, port ranges
 * and address ranges are well formed, and no two rules have the same match and priority.
 */
final class FirewallValidator {
    private static final String DEFAULT_ADDRESS_RANGE = "0.0.0.0/0";
    private static final int DEFAULT_PRIORITY = 100;
    private static final int FIRST_PORT = 1;
    private static final int LAST_PORT = 65535;
    private static final Ports ALL_PORTS = new Ports(FIRST_PORT, LAST_PORT);

    /**
     * What a rule matches and at which priority; two rules with equal matches are ambiguous.
     */
    /** What a rule matches on a switch; rules of equal Match become the same OpenFlow flow. */
    private record Match(@Nullable Direction direction, Protocol protocol, Ports ports, AddressMatch addressMatch,
            String addressRange, int priority) {
        // value type only
    }

    /**
     * An inclusive range of destination ports.
     */
    private record Ports(int lower, int upper) {
        // value type only
    }

    private FirewallValidator() {
        // utility class
    }

    static List<Violation> validate(final @Nullable Firewall before, final Firewall after,
            final Set<String> nodes) {
        final var changed = ChangedEntries.names(before == null ? null : before.getRule(), after.getRule(),
            FirewallValidator::name);
        final var violations = new ArrayList<Violation>();
        final var matches = new HashMap<Match, List<Rule>>();
        after.nonnullRule().values().stream()
            .sorted(Comparator.comparing(FirewallValidator::name))
            .forEach(rule -> {
                if (changed.contains(name(rule))) {
                    NodeCheck.requireKnown(path(rule) + "/node", rule.getNode(), nodes, violations);
                }
                checkRequired(rule, violations);
                final var ports = checkPorts(rule, violations);
                final var range = checkAddressRange(rule, violations);
                checkUnique(rule, ports, range, matches, violations);
            });
        return violations;
    }

    private static void checkRequired(final Rule rule, final List<Violation> violations) {
        if (rule.getDirection() == null) {
            violations.add(Violation.missing(path(rule) + "/direction"));
        }
        if (rule.getAction() == null) {
            violations.add(Violation.missing(path(rule) + "/action"));
        }
        if (rule.getPort() instanceof DestinationPortRange rangeCase) {
            final var range = rangeCase.nonnullDestinationPortRange();
            if (range.getLower() == null) {
                violations.add(Violation.missing(path(rule) + "/destination-port-range/lower"));
            }
            if (range.getUpper() == null) {
                violations.add(Violation.missing(path(rule) + "/destination-port-range/upper"));
            }
        }
    }

    /**
     * Checks the destination ports and returns them as an inclusive range, every port when absent.
     */
    private static Ports checkPorts(final Rule rule, final List<Violation> violations) {
        final var port = rule.getPort();
        final String field;
        final Ports ports;
        if (port instanceof DestinationPort single) {
            field = "destination-port";
            final var value = portValue(single.getDestinationPort(), FIRST_PORT);
            ports = new Ports(value, value);
        } else if (port instanceof DestinationPortRange rangeCase) {
            field = "destination-port-range";
            final var range = rangeCase.nonnullDestinationPortRange();
            ports = new Ports(portValue(range.getLower(), FIRST_PORT), portValue(range.getUpper(), LAST_PORT));
            if (ports.lower() > ports.upper()) {
                violations.add(new Violation(path(rule) + "/" + field,
                    "destination-port-range lower " + ports.lower() + " is above upper " + ports.upper()));
            }
        } else {
            return ALL_PORTS;
        }
        final var protocol = protocol(rule);
        if (protocol != Protocol.Tcp && protocol != Protocol.Udp) {
            violations.add(new Violation(path(rule) + "/" + field,
                "a " + field + " needs protocol tcp or udp, not " + protocol.getName()));
        }
        return ports;
    }

    private static int portValue(final @Nullable PortNumber port, final int absent) {
        return port == null ? absent : port.getValue().intValue();
    }

    /**
     * Checks the address range and returns its canonical text, for comparing rules.
     */
    private static String checkAddressRange(final Rule rule, final List<Violation> violations) {
        final var prefix = rule.getAddressRange();
        final var text = prefix == null ? DEFAULT_ADDRESS_RANGE : prefix.getValue();
        final Ipv4Network network;
        try {
            network = Ipv4Network.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(path(rule) + "/address-range", "address-range " + e.getMessage()));
            return text;
        }
        final var canonical = network.canonical();
        if (!network.isCanonical()) {
            violations.add(new Violation(path(rule) + "/address-range",
                "address-range " + text + " has host bits set; use " + canonical));
        }
        return canonical.toString();
    }

    /**
     * Refuses a rule whose match and priority equal another rule's on a node both apply to (a rule
     * without node applies to every node): on the switch both would be one flow.
     */
    private static void checkUnique(final Rule rule, final Ports ports, final String addressRange,
            final Map<Match, List<Rule>> matches, final List<Violation> violations) {
        final var addressMatch = rule.getAddressMatch();
        final var priority = rule.getPriority();
        // 0.0.0.0/0 matches any address, whichever side it is compared with.
        final var side = DEFAULT_ADDRESS_RANGE.equals(addressRange) || addressMatch == null ? AddressMatch.Destination
            : addressMatch;
        final var match = new Match(rule.getDirection(), protocol(rule), ports, side, addressRange,
            priority == null ? DEFAULT_PRIORITY : priority.intValue());
        final var sameMatch = matches.computeIfAbsent(match, key -> new ArrayList<>());
        final var other = sameMatch.stream().filter(candidate -> shareANode(rule, candidate)).findFirst();
        sameMatch.add(rule);
        if (other.isEmpty()) {
            return;
        }
        final var otherAction = other.orElseThrow().getAction();
        if (rule.getAction() == otherAction) {
            violations.add(new Violation(path(rule),
                "has the same match and priority as rule '" + name(other.orElseThrow()) + "'"));
        } else {
            violations.add(new Violation(path(rule), "conflicts with rule '" + name(other.orElseThrow())
                + "', which has the same match and priority but action "
                + (otherAction == null ? "none" : otherAction.getName())));
        }
    }

    private static boolean shareANode(final Rule rule, final Rule other) {
        return rule.getNode() == null || other.getNode() == null || rule.getNode().equals(other.getNode());
    }

    private static Protocol protocol(final Rule rule) {
        final var protocol = rule.getProtocol();
        return protocol == null ? Protocol.Any : protocol;
    }

    private static String name(final Rule rule) {
        return rule.requireName().getValue();
    }

    private static String path(final Rule rule) {
        return "firewall/rule=" + name(rule);
    }
}
