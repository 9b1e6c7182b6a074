/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import java.util.ArrayList;
import java.util.Collection;
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
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;

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

    static List<Violation> validate(final @Nullable TrafficFilters before, final TrafficFilters after,
            final Set<String> nodes) {
        final var changed = ChangedEntries.names(before == null ? null : before.getFilter(), after.getFilter(),
            FilterValidator::name);
        final var violations = new ArrayList<Violation>();
        final var matches = new HashMap<Match, Filter>();
        after.nonnullFilter().values().stream()
            .sorted(Comparator.comparing(FilterValidator::name))
            .forEach(filter -> {
                final var node = checkNode(filter, changed.contains(name(filter)), nodes, violations);
                final var port = checkPort(filter, violations);
                final var destination = checkDestination(filter, violations);
                if (node != null && port != null && destination != null) {
                    checkUnique(filter, new Match(node, port, destination), matches, violations);
                }
            });
        violations.addAll(collisions(after.nonnullFilter().values(), changed));
        return violations;
    }

    /**
     * Checks only the filters a transaction wrote: their node, port and destination, and that none duplicates
     * another filter, written or not. The filters already committed passed these checks when they were
     * written, and deleting a filter cannot make another one invalid, so a commit of a few filters costs a
     * few filters however many exist.
     */
    static List<Violation> validateWritten(final TrafficFilters after, final Set<String> written,
            final Set<String> nodes) {
        final var all = after.nonnullFilter();
        final var violations = new ArrayList<Violation>();
        final var matches = new HashMap<Match, Filter>();
        for (var name : written.stream().sorted().toList()) {
            final var filter = all.get(new FilterKey(new ObjectName(name)));
            if (filter == null) {
                continue;
            }
            final var node = checkNode(filter, true, nodes, violations);
            final var port = checkPort(filter, violations);
            final var destination = checkDestination(filter, violations);
            if (node != null && port != null && destination != null) {
                checkUnique(filter, new Match(node, port, destination), matches, violations);
            }
        }
        if (!matches.isEmpty()) {
            checkAgainstUnwritten(all.values(), written, matches, violations);
        }
        violations.addAll(collisions(all.values(), written));
        return violations;
    }

    private static List<Violation> collisions(final Collection<Filter> all, final Set<String> written) {
        return NameHash.collisions(all.stream().map(FilterValidator::name).toList(), written,
            name -> "traffic-filters/filter=" + name, "filter");
    }

    /**
     * Reports written filters that duplicate one the transaction did not write; decodes only the filters on
     * the written filters' ports.
     */
    private static void checkAgainstUnwritten(final Collection<Filter> all, final Set<String> written,
            final Map<Match, Filter> matches, final List<Violation> violations) {
        final var ports = matches.keySet().stream().map(Match::port).collect(Collectors.toUnmodifiableSet());
        for (var other : all) {
            final var port = other.getTcpDestinationPort();
            if (port == null || !ports.contains(port.getValue().intValue()) || written.contains(name(other))) {
                continue;
            }
            final var node = other.getNode();
            final var prefix = other.getIpv4Destination();
            if (node == null || prefix == null) {
                continue;
            }
            final Ipv4Network network;
            try {
                network = Ipv4Network.parse(prefix.getValue());
            } catch (IllegalArgumentException e) {
                continue;
            }
            final var mine = matches.get(new Match(node.getValue(), port.getValue().intValue(),
                network.canonical().toString()));
            if (mine != null) {
                violations.add(new Violation(path(mine), "duplicates filter '" + name(other) + "'"));
            }
        }
    }

    private static @Nullable String checkNode(final Filter filter, final boolean changed, final Set<String> nodes,
            final List<Violation> violations) {
        final var node = filter.getNode();
        if (node == null) {
            violations.add(new Violation(path(filter) + "/node", "a filter needs a node"));
            return null;
        }
        if (changed) {
            NodeCheck.requireKnown(() -> path(filter) + "/node", node, nodes, violations);
        }
        return node.getValue();
    }

    private static @Nullable Integer checkPort(final Filter filter, final List<Violation> violations) {
        final var port = filter.getTcpDestinationPort();
        if (port == null) {
            violations.add(new Violation(path(filter) + "/tcp-destination-port",
                "a filter needs a tcp-destination-port"));
            return null;
        }
        return port.getValue().intValue();
    }

    /**
     * Checks the destination prefix and returns its canonical text, for comparing filters.
     */
    private static @Nullable String checkDestination(final Filter filter, final List<Violation> violations) {
        final var prefix = filter.getIpv4Destination();
        if (prefix == null) {
            violations.add(new Violation(path(filter) + "/ipv4-destination", "a filter needs an ipv4-destination"));
            return null;
        }
        final var text = prefix.getValue();
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

    private static void checkUnique(final Filter filter, final Match match, final Map<Match, Filter> matches,
            final List<Violation> violations) {
        final var other = matches.putIfAbsent(match, filter);
        if (other != null) {
            violations.add(new Violation(path(filter), "duplicates filter '" + name(other) + "'"));
        }
    }

    private static String name(final Filter filter) {
        return filter.requireName().getValue();
    }

    private static String path(final Filter filter) {
        return "traffic-filters/filter=" + name(filter);
    }
}
