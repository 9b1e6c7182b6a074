/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.status.MemberStatus;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;

/**
 * The {@code lb} service state of each node that is a member of a load balancer: a member is on a node when its
 * address is the node's overlay address. Green when every member on the node is healthy, amber when some are,
 * red when none is; the reason names the unhealthy members as {@code <load balancer>/<member>} with their last
 * check, or why their load balancer is not served at all. Pure.
 */
final class MemberNodes {
    /**
     * The state of one node.
     *
     * @param state up, degraded or down
     * @param reason why it is not up
     */
    record NodeState(ServiceState state, Optional<String> reason) {
        NodeState {
            requireNonNull(state);
            requireNonNull(reason);
        }
    }

    private MemberNodes() {
        // utility class
    }

    /**
     * The nodes that hold members, with their state.
     *
     * @param balancers the load balancers being enforced
     * @param statuses each load balancer's observed state, by name
     * @param nodeAddresses the overlay address of each configured node, by node name
     * @return the state of each node that holds at least one member, by node name
     */
    static Map<String, NodeState> of(final Collection<LoadBalancerIntent> balancers,
            final Map<String, Status> statuses, final Map<String, String> nodeAddresses) {
        final var nodeOf = new TreeMap<String, String>();
        nodeAddresses.forEach((node, address) -> nodeOf.put(address, node));
        final var healthy = new TreeMap<String, Integer>();
        final var unhealthy = new TreeMap<String, List<String>>();
        balancers.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(lb -> {
            final var status = statuses.get(lb.name());
            for (var member : lb.members()) {
                final var node = nodeOf.get(member.address());
                if (node == null) {
                    continue;
                }
                final var problem = problem(lb.name(), member.name(), status);
                if (problem.isEmpty()) {
                    healthy.merge(node, 1, Integer::sum);
                    unhealthy.computeIfAbsent(node, key -> new ArrayList<>());
                } else {
                    healthy.putIfAbsent(node, 0);
                    unhealthy.computeIfAbsent(node, key -> new ArrayList<>()).add(problem.orElseThrow());
                }
            }
        });
        final var result = new TreeMap<String, NodeState>();
        unhealthy.forEach((node, problems) -> {
            if (problems.isEmpty()) {
                result.put(node, new NodeState(ServiceState.Up, Optional.empty()));
            } else {
                final var text = String.join(", ", problems);
                result.put(node, healthy.get(node) == 0
                    ? new NodeState(ServiceState.Down, Optional.of("no member here is healthy: " + text))
                    : new NodeState(ServiceState.Degraded, Optional.of("unhealthy: " + text)));
            }
        });
        return result;
    }

    /** Why a member is not serving, or empty when it is healthy. */
    private static Optional<String> problem(final String lb, final String member, final Status status) {
        final var name = lb + "/" + member;
        if (status == null) {
            return Optional.of(name + " (not observed yet)");
        }
        final MemberStatus entry = status.nonnullMemberStatus().values().stream()
            .filter(candidate -> member.equals(candidate.requireName().getValue())).findFirst().orElse(null);
        if (entry == null) {
            // No member entry: HAProxy does not serve the load balancer, and its reason says why.
            return Optional.of(name + " (" + Optional.ofNullable(status.getReason()).orElse("not served") + ")");
        }
        if (Boolean.TRUE.equals(entry.getHealthy())) {
            return Optional.empty();
        }
        return Optional.of(name + Optional.ofNullable(entry.getLastCheck()).map(check -> " (" + check + ")")
            .orElse(""));
    }
}
