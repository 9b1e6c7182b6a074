/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnsmo.api.names.NameHash;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.nodes.NodeCheck;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Checks traffic filters beyond what YANG expresses: the node exists, the destination is a network
 * address, and no two filters block the same traffic on the same node.
 */
final class FilterValidator {
    /**
     * The traffic a filter blocks; two filters with equal matches duplicate each other.
     */
    private record Match(String node, int port, String destination) {
        // value type only
    }

    private FilterValidator() {
        // utility class
    }

    /**
     * Checks every filter; a filter's node must exist only when the transaction created or changed the filter
     * (a node that left keeps its filters, dormant).
     *
     * @param before the filters before the transaction, by name
     * @param after the filters after it, by name
     * @param nodes the configured nodes
     * @return the violations, in the order of the filters' names
     */
    static List<Violation> validate(final Map<String, FilterFacts> before, final Map<String, FilterFacts> after,
            final Set<String> nodes) {
        final var changed = ChangedEntries.names(before, after, FilterFacts::name);
        final var violations = new ArrayList<Violation>();
        final var matches = new HashMap<Match, FilterFacts>();
        for (var filter : sorted(after.values())) {
            check(filter, changed.contains(filter.name()), nodes, matches, violations);
        }
        violations.addAll(collisions(after, changed));
        return violations;
    }

    /**
     * Checks only the filters a transaction wrote: their node, port and destination, and that none duplicates
     * another filter, written or not. The filters already committed passed these checks when they were
     * written, and deleting a filter cannot make another one invalid, so a commit of a few filters costs a
     * few filters however many exist.
     *
     * @param all the filters after the transaction, by name
     * @param written the names of the filters it wrote (those it deleted are ignored)
     * @param nodes the configured nodes
     * @return the violations, in the order of the written filters' names
     */
    static List<Violation> validateWritten(final Map<String, FilterFacts> all, final Set<String> written,
            final Set<String> nodes) {
        final var violations = new ArrayList<Violation>();
        final var matches = new HashMap<Match, FilterFacts>();
        for (var name : written.stream().sorted().toList()) {
            final var filter = all.get(name);
            if (filter != null) {
                check(filter, true, nodes, matches, violations);
            }
        }
        if (!matches.isEmpty()) {
            checkAgainstUnwritten(all, written, matches, violations);
        }
        violations.addAll(collisions(all, written));
        return violations;
    }

    private static List<FilterFacts> sorted(final Iterable<FilterFacts> filters) {
        final var list = new ArrayList<FilterFacts>();
        filters.forEach(list::add);
        list.sort(Comparator.comparing(FilterFacts::name));
        return list;
    }

    /** Checks one filter, and records its match for finding the filters that duplicate it. */
    private static void check(final FilterFacts filter, final boolean changed, final Set<String> nodes,
            final Map<Match, FilterFacts> matches, final List<Violation> violations) {
        final var node = checkNode(filter, changed, nodes, violations);
        final var port = checkPort(filter, violations);
        final var destination = checkDestination(filter, violations);
        if (node != null && port != null && destination != null) {
            final var other = matches.putIfAbsent(new Match(node, port, destination), filter);
            if (other != null) {
                violations.add(new Violation(path(filter), "duplicates filter '" + other.name() + "'"));
            }
        }
    }

    private static List<Violation> collisions(final Map<String, FilterFacts> all, final Set<String> written) {
        return NameHash.collisions(all.keySet(), written, name -> "traffic-filters/filter=" + name, "filter");
    }

    /** Reports written filters that duplicate one the transaction did not write. */
    private static void checkAgainstUnwritten(final Map<String, FilterFacts> all, final Set<String> written,
            final Map<Match, FilterFacts> matches, final List<Violation> violations) {
        final var ports = matches.keySet().stream().map(Match::port).collect(Collectors.toUnmodifiableSet());
        for (var other : all.values()) {
            final var port = other.port();
            if (port == null || !ports.contains(port) || written.contains(other.name()) || other.node() == null
                    || other.destination() == null) {
                continue;
            }
            final Ipv4Network network;
            try {
                network = Ipv4Network.parse(other.destination());
            } catch (IllegalArgumentException e) {
                continue;
            }
            final var mine = matches.get(new Match(other.node(), port, network.canonical().toString()));
            if (mine != null) {
                violations.add(new Violation(path(mine), "duplicates filter '" + other.name() + "'"));
            }
        }
    }

    private static @Nullable String checkNode(final FilterFacts filter, final boolean changed,
            final Set<String> nodes, final List<Violation> violations) {
        final var node = filter.node();
        if (node == null) {
            violations.add(new Violation(path(filter) + "/node", "a filter needs a node"));
            return null;
        }
        if (changed) {
            NodeCheck.requireKnown(() -> path(filter) + "/node", node, nodes, violations);
        }
        return node;
    }

    private static @Nullable Integer checkPort(final FilterFacts filter, final List<Violation> violations) {
        final var port = filter.port();
        if (port == null) {
            violations.add(new Violation(path(filter) + "/tcp-destination-port",
                "a filter needs a tcp-destination-port"));
        }
        return port;
    }

    /**
     * Checks the destination prefix and returns its canonical text, for comparing filters.
     */
    private static @Nullable String checkDestination(final FilterFacts filter, final List<Violation> violations) {
        final var text = filter.destination();
        if (text == null) {
            violations.add(new Violation(path(filter) + "/ipv4-destination", "a filter needs an ipv4-destination"));
            return null;
        }
        final Ipv4Network network;
        try {
            network = Ipv4Network.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(path(filter) + "/ipv4-destination", "ipv4-destination " + e.getMessage()));
            return null;
        }
        final var canonical = network.canonical();
        if (!network.isCanonical()) {
            violations.add(new Violation(path(filter) + "/ipv4-destination",
                "ipv4-destination " + text + " has host bits set; use " + canonical));
        }
        return canonical.toString();
    }

    private static String path(final FilterFacts filter) {
        return "traffic-filters/filter=" + filter.name();
    }
}
