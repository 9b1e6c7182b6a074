/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.sdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A seeded random policy as RESTCONF bodies: firewall rules with overlapping port ranges, priorities drawn from a
 * small pool (so that several rules share one), address matches around the nodes' addresses, some on every node,
 * and a few traffic filters.
 *
 * <p>Every policy is one the controller accepts: a rule that the firewall's validation would refuse next to an
 * earlier one (same direction and priority on a node both apply to, overlapping matches and different actions, or
 * the same match) gets another priority, and address ranges are canonical prefixes. Rules of equal priority that
 * overlap with the same action, or do not overlap, stay: they are what the verifier has to order exactly.
 */
final class RandomPolicy {
    /**
     * A firewall rule.
     *
     * @param node its node, or null for every node
     * @param addressMatch source or destination
     */
    record Rule(String name, @Nullable String node, String direction, String protocol, String action, int priority,
            int lower, int upper, String addressMatch, String addressRange) {
        String json() {
            final var ports = lower == upper ? "\"destination-port\":" + lower
                : "\"destination-port-range\":{\"lower\":%d,\"upper\":%d}".formatted(lower, upper);
            return """
                {"cnsmo-firewall:rule":[{"name":"%s",%s"direction":"%s","protocol":"%s",%s,
                  "address-match":"%s","address-range":"%s","action":"%s","priority":%d}]}""".formatted(name,
                node == null ? "" : "\"node\":\"" + node + "\",", direction, protocol, ports, addressMatch,
                addressRange, action, priority);
        }
    }

    /** A traffic filter: TCP to a port and a destination prefix, dropped on one node's switch. */
    record Filter(String name, String node, int port, String destination) {
        String json() {
            return """
                {"cnsmo-traffic-filters:filter":[{"name":"%s","node":"%s","tcp-destination-port":%d,
                  "ipv4-destination":"%s"}]}""".formatted(name, node, port, destination);
        }
    }

    /** Priorities are multiples of this, from one pool of {@link #PRIORITIES}: 30 rules share some. */
    static final int PRIORITY_STEP = 10;
    static final int PRIORITIES = 30;

    private final List<Rule> rules;
    private final List<Filter> filters;

    private RandomPolicy(final List<Rule> rules, final List<Filter> filters) {
        this.rules = List.copyOf(rules);
        this.filters = List.copyOf(filters);
    }

    /**
     * A policy.
     *
     * @param seed the seed
     * @param nodes the node names
     * @param addresses each node's address, in the same order
     * @param ruleCount how many rules
     * @param filterCount how many filters
     * @param everyNode the share of rules on every node
     * @return the policy
     */
    static RandomPolicy of(final long seed, final List<String> nodes, final List<String> addresses,
            final int ruleCount, final int filterCount, final double everyNode) {
        final var random = new Random(seed);
        final var rules = new ArrayList<Rule>();
        for (int i = 0; i < ruleCount; i++) {
            final var node = random.nextDouble() < everyNode ? null : nodes.get(random.nextInt(nodes.size()));
            final var direction = random.nextBoolean() ? "in" : "out";
            final var protocol = random.nextInt(4) == 0 ? "udp" : "tcp";
            final var action = switch (random.nextInt(3)) {
                case 0 -> "accept";
                case 1 -> "drop";
                default -> "reject";
            };
            final int lower = 1 + random.nextInt(9000);
            final int upper = lower + random.nextInt(random.nextBoolean() ? 10 : 2000);
            final var peer = addresses.get(random.nextInt(addresses.size()));
            final int length = 28 + random.nextInt(5);
            final var match = random.nextBoolean() ? "source" : "destination";
            Rule rule;
            do {
                rule = new Rule("rp" + i, node, direction, protocol, action, PRIORITY_STEP * (1 + random.nextInt(
                    PRIORITIES)), lower, upper, match, canonical(peer, length));
            } while (refusedNextTo(rule, rules));
            rules.add(rule);
        }
        final var filters = new ArrayList<Filter>();
        for (int i = 0; i < filterCount; i++) {
            final var node = nodes.get(random.nextInt(nodes.size()));
            filters.add(new Filter("fp" + i, node, 1 + random.nextInt(9000),
                addresses.get(random.nextInt(addresses.size())) + "/32"));
        }
        return new RandomPolicy(rules, filters);
    }

    /**
     * Whether the firewall's validation refuses a rule next to others: one of them has the same direction and
     * priority, applies to a node the rule applies to, and matches some packet the rule matches, with another
     * action or the very same match. Conservative where the validator is exact: two prefixes on the same side
     * overlap when one holds the other, prefixes on different sides always do.
     */
    static boolean refusedNextTo(final Rule rule, final List<Rule> others) {
        for (var other : others) {
            if (!rule.direction().equals(other.direction()) || rule.priority() != other.priority()
                    || rule.node() != null && other.node() != null && !rule.node().equals(other.node())
                    || !rule.protocol().equals(other.protocol())
                    || Math.max(rule.lower(), other.lower()) > Math.min(rule.upper(), other.upper())) {
                continue;
            }
            final boolean sameMatch = rule.lower() == other.lower() && rule.upper() == other.upper()
                && rule.addressMatch().equals(other.addressMatch())
                && rule.addressRange().equals(other.addressRange());
            if (sameMatch || !rule.action().equals(other.action()) && (!rule.addressMatch().equals(
                    other.addressMatch()) || nested(rule.addressRange(), other.addressRange()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of two canonical prefixes holds the other. */
    static boolean nested(final String one, final String other) {
        final int length = Math.min(length(one), length(other));
        return canonical(one.substring(0, one.indexOf('/')), length)
            .equals(canonical(other.substring(0, other.indexOf('/')), length));
    }

    private static int length(final String prefix) {
        return Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1));
    }

    List<Rule> rules() {
        return rules;
    }

    List<Filter> filters() {
        return filters;
    }

    /** The network of an address's prefix of a length, as "a.b.c.d/length". */
    static String canonical(final String address, final int length) {
        final var octets = address.split("\\.");
        int value = 0;
        for (var octet : octets) {
            value = value << 8 | Integer.parseInt(octet);
        }
        final int network = length == 0 ? 0 : value & -1 << 32 - length;
        return "%d.%d.%d.%d/%d".formatted(network >>> 24, network >>> 16 & 0xff, network >>> 8 & 0xff,
            network & 0xff, length);
    }
}
