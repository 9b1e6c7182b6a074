/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.cnsmo.lb.LoadBalancerIntent;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer.Algorithm;

/**
 * HAProxy's configuration for CNSMO's load balancers: one frontend on each VIP and one backend of its
 * members, both named {@code lb-<name>}, with the members' health checks. Pure.
 *
 * <p>The process runs in master-worker mode so that a reload ({@code SIGUSR2} to the master) starts new
 * workers on the new configuration while the old ones finish the connections they hold. It drops its
 * privileges to {@code nobody} once it has bound its sockets; the runtime API's socket is the controller's
 * only (mode 0600, in a 0700 directory).
 */
public final class HaproxyConfig {
    /** Prefix of the frontend and backend of a load balancer. */
    public static final String PROXY_PREFIX = "lb-";

    private HaproxyConfig() {
        // utility class
    }

    /**
     * The configuration file.
     *
     * @param balancers the load balancers, in any order
     * @param runtimeSocket the runtime API's Unix socket
     * @return its text
     */
    public static String render(final List<LoadBalancerIntent> balancers, final Path runtimeSocket) {
        final var text = new StringBuilder(512)
            .append("# Written by CNSMO from the load-balancers configuration; edits are overwritten.\n")
            .append("global\n")
            .append("    master-worker\n")
            .append("    user nobody\n")
            .append("    group nogroup\n")
            .append("    stats socket ").append(runtimeSocket).append(" mode 600 level admin\n")
            .append("    log stdout format short local0 info\n")
            // Old workers of a reload finish their connections, but never hold on for more than an hour.
            .append("    hard-stop-after 1h\n")
            .append("defaults\n")
            .append("    log global\n")
            .append("    option dontlognull\n")
            .append("    timeout connect 5s\n")
            .append("    timeout client 1h\n")
            .append("    timeout server 1h\n")
            .append("    timeout http-request 30s\n")
            // A connection a member refuses before its health check notices is retried on another member.
            .append("    option redispatch 1\n");
        balancers.stream().sorted(Comparator.comparing(LoadBalancerIntent::name))
            .forEach(lb -> proxies(lb, text));
        return text.toString();
    }

    private static void proxies(final LoadBalancerIntent lb, final StringBuilder text) {
        final var proxy = PROXY_PREFIX + lb.name();
        final var mode = lb.http() ? "http" : "tcp";
        text.append("frontend ").append(proxy).append('\n')
            .append("    mode ").append(mode).append('\n')
            .append("    bind ").append(lb.vipAddress()).append(':').append(lb.vipPort()).append('\n')
            .append("    option ").append(lb.http() ? "httplog" : "tcplog").append('\n')
            .append("    default_backend ").append(proxy).append('\n')
            .append("backend ").append(proxy).append('\n')
            .append("    mode ").append(mode).append('\n')
            .append("    balance ").append(balance(lb.algorithm())).append('\n');
        if (lb.http()) {
            text.append("    option forwardfor\n");
        }
        final var monitor = lb.monitor();
        if (monitor.http()) {
            text.append("    option httpchk GET ").append(monitor.httpPath()).append('\n')
                .append("    http-check expect rstatus ^[23]\n");
        }
        text.append("    timeout check ").append(monitor.timeoutSeconds()).append("s\n")
            .append("    default-server inter ").append(monitor.intervalSeconds()).append("s fall ")
            .append(monitor.retries()).append(" rise 1\n");
        for (var member : lb.members()) {
            text.append("    server ").append(member.name()).append(' ').append(member.address()).append(':')
                .append(member.port()).append(" weight ").append(member.weight()).append(" check\n");
        }
    }

    static String balance(final Algorithm algorithm) {
        return switch (algorithm) {
            case RoundRobin -> "roundrobin";
            case LeastConnections -> "leastconn";
            case SourceIp -> "source";
        };
    }
}
