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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Member;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;

/**
 * Checks load balancers beyond what YANG expresses: no node (they run on the controller host), the VIP is a
 * free address of the VPN subnet, health checks time out before the next
 * one starts, members are distinct servers, and each VIP belongs to one load balancer.
 */
final class LoadBalancerValidator {
    private LoadBalancerValidator() {
        // utility class
    }

    /**
     * Where VIPs may live: the VPN subnet, minus the addresses the server and the clients hold.
     *
     * @param subnet the VPN subnet
     * @param taken the addresses of the VPN clients (joined nodes and bundle holders)
     */
    record Overlay(Ipv4Network subnet, Set<String> taken) {
        static final String DEFAULT_SUBNET = "10.8.0.0/24";

        Overlay {
            taken = Set.copyOf(taken);
        }

        static Overlay of(final @Nullable Vpn vpn) {
            final var server = vpn == null ? null : vpn.getServer();
            final var subnet = server == null || server.getSubnet() == null ? DEFAULT_SUBNET
                : server.getSubnet().getValue();
            final var taken = new HashSet<String>();
            if (vpn != null) {
                vpn.nonnullClient().values().stream().map(client -> client.getStaticAddress())
                    .filter(Objects::nonNull).forEach(address -> taken.add(address.getValue()));
            }
            return new Overlay(Ipv4Network.parse(subnet).canonical(), taken);
        }
    }

    static List<Violation> validate(final @Nullable LoadBalancers before, final LoadBalancers after) {
        return validate(before, after, Overlay.of(null));
    }

    static List<Violation> validate(final @Nullable LoadBalancers before, final LoadBalancers after,
            final Overlay overlay) {
        final var changed = ChangedEntries.names(before == null ? null : before.getLoadBalancer(),
            after.getLoadBalancer(), LoadBalancerValidator::name);
        final var violations = new ArrayList<Violation>();
        final var vips = new HashMap<String, LoadBalancer>();
        after.nonnullLoadBalancer().values().stream()
            .sorted(Comparator.comparing(LoadBalancerValidator::name))
            .forEach(lb -> {
                if (changed.contains(name(lb))) {
                    if (lb.getNode() != null) {
                        violations.add(new Violation(path(lb) + "/node", "a load balancer runs on the controller "
                            + "host, which holds its VIP on the overlay; node-hosted load balancers do not exist "
                            + "yet, so leave 'node' out"));
                    }
                    checkVipAddress(lb, overlay, violations);
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

    private static void checkVipAddress(final LoadBalancer lb, final Overlay overlay,
            final List<Violation> violations) {
        final var vip = lb.getVip();
        if (vip == null || vip.getAddress() == null) {
            return;
        }
        final var text = vip.getAddress().getValue();
        final int address;
        try {
            address = Ipv4Network.parseAddress(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        final var subnet = overlay.subnet();
        final var where = path(lb) + "/vip/address";
        if (!subnet.contains(address) || address == subnet.networkAddress() || address == subnet.broadcastAddress()) {
            violations.add(new Violation(where, "VIP " + text + " is not a host address of the VPN subnet " + subnet
                + ": the VIP lives on the overlay"));
        } else if (address == subnet.networkAddress() + 1) {
            violations.add(new Violation(where, "VIP " + text + " is the VPN server's own address"));
        } else if (overlay.taken().contains(text)) {
            violations.add(new Violation(where, "VIP " + text + " is the overlay address of a VPN client (a node "
                + "or a bundle holder)"));
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
