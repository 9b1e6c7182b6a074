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
import org.cnsmo.api.firewall.RuleDefaults;
import org.cnsmo.api.names.NameHash;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.nodes.NodeCheck;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.AddressMatch;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRange;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;

/**
 * Checks firewall rules beyond what YANG expresses: the node exists, ports go with tcp or udp, port ranges
 * and address ranges are well formed, no two rules have the same match and priority, and no two rules at
 * the same priority have overlapping matches but different actions.
 */
final class FirewallValidator {
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

    /** Rules that can be ambiguous with each other: same direction, same priority. */
    private record Group(Direction direction, int priority) {
        // value type only
    }

    /**
     * A rule without violations of its own, ready to be compared with the rules of its group. At most one of
     * source and destination is set; neither when the rule's address-range is 0.0.0.0/0.
     */
    private record Candidate(Rule rule, Action action, Match match, @Nullable Ipv4Network source,
            @Nullable Ipv4Network destination) {
        // value type only
    }

    /** The rules of a group seen so far, all of them and those the transaction creates or changes. */
    private record Seen(List<Candidate> all, List<Candidate> changed) {
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
        final var groups = new HashMap<Group, Seen>();
        after.nonnullRule().values().stream()
            .sorted(Comparator.comparing(FirewallValidator::name))
            .forEach(rule -> {
                final var isChanged = changed.contains(name(rule));
                if (isChanged) {
                    NodeCheck.requireKnown(() -> path(rule) + "/node", rule.getNode(), nodes, violations);
                }
                final var own = violations.size();
                checkRequired(rule, violations);
                final var ports = checkPorts(rule, violations);
                final var range = RuleDefaults.addressRange(rule);
                final var network = checkAddressRange(rule, range, violations);
                final var match = match(rule, ports, network == null ? range : network.toString());
                final var valid = violations.size() == own;
                checkUnique(rule, match, matches, violations);
                if (valid && network != null) {
                    checkOverlaps(candidate(rule, match, network), isChanged, groups, violations);
                }
            });
        violations.addAll(NameHash.collisions(after.nonnullRule().values().stream().map(FirewallValidator::name)
            .toList(), changed, name -> "firewall/rule=" + name, "rule"));
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
        final var protocol = RuleDefaults.protocol(rule);
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
     * Checks the address range and returns it in canonical form, for comparing rules, or {@code null} if it does not
     * parse.
     */
    private static @Nullable Ipv4Network checkAddressRange(final Rule rule, final String text,
            final List<Violation> violations) {
        final Ipv4Network network;
        try {
            network = Ipv4Network.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(path(rule) + "/address-range", "address-range " + e.getMessage()));
            return null;
        }
        final var canonical = network.canonical();
        if (!network.isCanonical()) {
            violations.add(new Violation(path(rule) + "/address-range",
                "address-range " + text + " has host bits set; use " + canonical));
        }
        return canonical;
    }

    private static Match match(final Rule rule, final Ports ports, final String addressRange) {
        // 0.0.0.0/0 matches any address, whichever side it is compared with.
        final var side = RuleDefaults.ADDRESS_RANGE.equals(addressRange) ? AddressMatch.Destination
            : RuleDefaults.addressMatch(rule);
        return new Match(rule.getDirection(), RuleDefaults.protocol(rule), ports, side, addressRange,
            RuleDefaults.priority(rule));
    }

    /**
     * Refuses a rule whose match and priority equal another rule's on a node both apply to (a rule
     * without node applies to every node): on the switch both would be one flow.
     */
    private static void checkUnique(final Rule rule, final Match match, final Map<Match, List<Rule>> matches,
            final List<Violation> violations) {
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

    private static Candidate candidate(final Rule rule, final Match match, final Ipv4Network network) {
        final var constrained = network.length() == 0 ? null : network;
        final var source = match.addressMatch() == AddressMatch.Source;
        return new Candidate(rule, rule.requireAction(), match, source ? constrained : null,
            source ? null : constrained);
    }

    /**
     * Refuses a rule whose match overlaps, at the same direction and priority, that of an earlier rule (by name)
     * with a different action on a node both apply to: OpenFlow leaves undefined which of two overlapping flows
     * of equal priority a packet hits, so the outcome would depend on the switch. Rules with the same action
     * may overlap (one is redundant, not ambiguous); rules with the same match are left to checkUnique.
     *
     * <p>Unlike checkUnique, which looks at every rule (a duplicate has always been refused, so committed rules
     * have none), this compares only pairs of which at least one rule the transaction creates or changes: rules
     * committed before this check existed may overlap, and refusing them here would block every later commit,
     * even one that does not touch them, until someone fixes them. Grouping by direction and priority and
     * comparing a changed rule with its group, and an unchanged one with the changed rules of its group only,
     * keeps a small change to a large rule set linear. As in checkUnique, the later rule of a pair (by name) is
     * the one reported, naming the earlier one, and only its first overlap.
     */
    private static void checkOverlaps(final Candidate candidate, final boolean isChanged,
            final Map<Group, Seen> groups, final List<Violation> violations) {
        final var rule = candidate.rule();
        final var seen = groups.computeIfAbsent(
            new Group(rule.requireDirection(), candidate.match().priority()),
            key -> new Seen(new ArrayList<>(), new ArrayList<>()));
        for (var other : isChanged ? seen.all() : seen.changed()) {
            if (other.action() == candidate.action() || other.match().equals(candidate.match())
                    || !shareANode(rule, other.rule())) {
                continue;
            }
            final var overlap = overlap(candidate, other);
            if (overlap != null) {
                violations.add(new Violation(path(rule), "overlaps rule '" + name(other.rule()) + "' at priority "
                    + candidate.match().priority() + " with a different action (" + other.action().getName()
                    + "): both match " + overlap + "; give one of them another priority"));
                break;
            }
        }
        seen.all().add(candidate);
        if (isChanged) {
            seen.changed().add(candidate);
        }
    }

    /**
     * What both rules match, as in {@code tcp port 7010 from 10.8.0.0/28}, or {@code null} if no packet matches
     * both.
     */
    private static @Nullable String overlap(final Candidate one, final Candidate other) {
        final var oneProtocol = one.match().protocol();
        final var otherProtocol = other.match().protocol();
        final Protocol protocol;
        if (oneProtocol == Protocol.Any) {
            protocol = otherProtocol;
        } else if (otherProtocol == Protocol.Any || otherProtocol == oneProtocol) {
            protocol = oneProtocol;
        } else {
            return null;
        }
        // A rule other than tcp or udp has no port (else it has a violation and is no candidate): every port.
        final var lower = Math.max(one.match().ports().lower(), other.match().ports().lower());
        final var upper = Math.min(one.match().ports().upper(), other.match().ports().upper());
        if (lower > upper) {
            return null;
        }
        // The source and the destination are independent fields: rules on different sides always overlap.
        final var source = narrower(one.source(), other.source());
        final var destination = narrower(one.destination(), other.destination());
        if (source == null && one.source() != null || destination == null && one.destination() != null) {
            return null;
        }
        final var text = new StringBuilder(protocol == Protocol.Any ? "any protocol" : protocol.getName());
        if (lower != FIRST_PORT || upper != LAST_PORT) {
            text.append(lower == upper ? " port " + lower : " ports " + lower + "-" + upper);
        }
        if (source != null) {
            text.append(" from ").append(source);
        }
        if (destination != null) {
            text.append(" to ").append(destination);
        }
        return text.toString();
    }

    /**
     * The addresses two ranges on the same side both match: the narrower of two nested prefixes, the one set
     * if only one is, {@code null} if neither is or they are disjoint (canonical prefixes are either nested or
     * disjoint).
     */
    private static @Nullable Ipv4Network narrower(final @Nullable Ipv4Network one,
            final @Nullable Ipv4Network other) {
        if (one == null) {
            return other;
        }
        if (other == null) {
            return one;
        }
        if (!one.overlaps(other)) {
            return null;
        }
        return one.length() >= other.length() ? one : other;
    }

    private static boolean shareANode(final Rule rule, final Rule other) {
        return rule.getNode() == null || other.getNode() == null || rule.getNode().equals(other.getNode());
    }

    private static String name(final Rule rule) {
        return rule.requireName().getValue();
    }

    private static String path(final Rule rule) {
        return "firewall/rule=" + name(rule);
    }
}
