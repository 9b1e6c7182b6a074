/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.nodes.NodeCheck;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Member;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;

/**
 * Checks load balancers beyond what YANG expresses: the node exists, health checks time out before the next
 * one starts, members are distinct servers, and each VIP belongs to one load balancer.
 */
final class LoadBalancerValidator {
    private LoadBalancerValidator() {
        // utility class
    }

    static List<Violation> validate(final @Nullable LoadBalancers before, final LoadBalancers after,
            final Set<String> nodes) {
        final var changed = ChangedEntries.names(before == null ? null : before.getLoadBalancer(),
            after.getLoadBalancer(), LoadBalancerValidator::name);
        final var violations = new ArrayList<Violation>();
        final var vips = new HashMap<String, LoadBalancer>();
        after.nonnullLoadBalancer().values().stream()
            .sorted(Comparator.comparing(LoadBalancerValidator::name))
            .forEach(lb -> {
                if (changed.contains(name(lb))) {
                    NodeCheck.requireKnown(path(lb) + "/node", lb.getNode(), nodes, violations);
                }
                checkVip(lb, vips, violations);
                checkMembers(lb, violations);
                checkHealthMonitor(lb, violations);
            });
        return violations;
    }

    private static void checkVip(final LoadBalancer lb, final Map<String, LoadBalancer> vips,
            final List<Violation> violations) {
        final var vip = lb.getVip();
        if (vip == null || vip.getAddress() == null) {
            violations.add(Violation.missing(path(lb) + "/vip/address"));
        }
        if (vip == null || vip.getPort() == null) {
            violations.add(Violation.missing(path(lb) + "/vip/port"));
        }
        if (vip == null) {
            return;
        }
        final var endpoint = endpoint(vip.getAddress(), vip.getPort());
        if (endpoint == null) {
            return;
        }
        final var owner = vips.putIfAbsent(endpoint, lb);
        if (owner != null) {
            violations.add(new Violation(path(lb) + "/vip",
                "VIP " + endpoint + " is already used by load balancer '" + name(owner) + "'"));
        }
    }

    private static void checkMembers(final LoadBalancer lb, final List<Violation> violations) {
        final var members = lb.getMember();
        if (members == null) {
            return;
        }
        final var owners = new HashMap<String, Member>();
        members.values().stream()
            .sorted(Comparator.comparing(member -> member.requireName().getValue()))
            .forEach(member -> {
                final var memberPath = path(lb) + "/member=" + member.requireName().getValue();
                if (member.getAddress() == null) {
                    violations.add(Violation.missing(memberPath + "/address"));
                }
                if (member.getPort() == null) {
                    violations.add(Violation.missing(memberPath + "/port"));
                }
                final var endpoint = endpoint(member.getAddress(), member.getPort());
                if (endpoint == null) {
                    return;
                }
                final var owner = owners.putIfAbsent(endpoint, member);
                if (owner != null) {
                    violations.add(new Violation(path(lb) + "/member=" + member.requireName().getValue(),
                        "address and port " + endpoint + " are already used by member '"
                            + owner.requireName().getValue() + "'"));
                }
            });
    }

    private static void checkHealthMonitor(final LoadBalancer lb, final List<Violation> violations) {
        final var monitor = LoadBalancerIntent.Monitor.of(lb.getHealthMonitor());
        final var interval = monitor.intervalSeconds();
        final var timeout = monitor.timeoutSeconds();
        if (timeout >= interval) {
            violations.add(new Violation(path(lb) + "/health-monitor/timeout",
                "health-monitor timeout " + timeout + " s must be below the interval " + interval + " s"));
        }
    }

    private static @Nullable String endpoint(final @Nullable Ipv4Address address, final @Nullable PortNumber port) {
        return address == null || port == null ? null : address.getValue() + ":" + port.getValue();
    }

    private static String name(final LoadBalancer lb) {
        return lb.requireName().getValue();
    }

    private static String path(final LoadBalancer lb) {
        return "load-balancers/load-balancer=" + name(lb);
    }
}
