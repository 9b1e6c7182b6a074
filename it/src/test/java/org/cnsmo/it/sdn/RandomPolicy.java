/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.sdn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A seeded random policy as RESTCONF bodies: firewall rules with overlapping port ranges, distinct priorities and
 * address matches around the nodes' addresses, some on every node, and a few traffic filters.
 *
 * <p>The same draws as {@code impl/verifier}'s unit-test {@code RandomPolicy} (which builds binding objects for the
 * verifier's pure tests), copied rather than shared: the it module runs alone against the built distribution and
 * cannot depend on another module's test classes without installing them. Two differences make every policy one
 * the controller accepts: priorities are distinct (the firewall refuses equal matches at one priority) and
 * address ranges are canonical prefixes.
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
        final var priorities = new HashSet<Integer>();
        for (int i = 0; i < ruleCount; i++) {
            final var node = random.nextDouble() < everyNode ? null : nodes.get(random.nextInt(nodes.size()));
            final var direction = random.nextBoolean() ? "in" : "out";
            final var protocol = random.nextInt(4) == 0 ? "udp" : "tcp";
            final var action = switch (random.nextInt(3)) {
                case 0 -> "accept";
                case 1 -> "drop";
                default -> "reject";
            };
            int priority = 1 + random.nextInt(1000);
            while (!priorities.add(priority)) {
                priority = 1 + random.nextInt(1000);
            }
            final int lower = 1 + random.nextInt(9000);
            final int upper = lower + random.nextInt(random.nextBoolean() ? 10 : 2000);
            final var peer = addresses.get(random.nextInt(addresses.size()));
            final int length = 28 + random.nextInt(5);
            final var match = random.nextBoolean() ? "source" : "destination";
            rules.add(new Rule("rp" + i, node, direction, protocol, action, priority, lower, upper, match,
                canonical(peer, length)));
        }
        final var filters = new ArrayList<Filter>();
        for (int i = 0; i < filterCount; i++) {
            final var node = nodes.get(random.nextInt(nodes.size()));
            filters.add(new Filter("fp" + i, node, 1 + random.nextInt(9000),
                addresses.get(random.nextInt(addresses.size())) + "/32"));
        }
        return new RandomPolicy(rules, filters);
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
