/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer.Algorithm;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.HealthMonitor;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Member;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Vip;

/**
 * A load balancer as CNSMO enforces it, with the model's defaults applied: the one place where they are
 * written in Java (they repeat the YANG defaults of {@code cnsmo-load-balancers}), read by the validator and
 * the HAProxy renderer alike.
 *
 * @param name the load balancer's name
 * @param vipAddress the VIP, dotted quad
 * @param vipPort the VIP's port
 * @param http whether HTTP requests are balanced (else TCP connections)
 * @param algorithm how members are chosen
 * @param members the members, by name
 * @param monitor the health monitor
 */
public record LoadBalancerIntent(String name, String vipAddress, int vipPort, boolean http, Algorithm algorithm,
        List<MemberIntent> members, Monitor monitor) {
    static final Algorithm DEFAULT_ALGORITHM = Algorithm.RoundRobin;
    static final int DEFAULT_WEIGHT = 1;
    static final int DEFAULT_INTERVAL = 5;
    static final int DEFAULT_TIMEOUT = 2;
    static final int DEFAULT_RETRIES = 3;
    static final String DEFAULT_HTTP_PATH = "/";

    public LoadBalancerIntent {
        requireNonNull(name);
        requireNonNull(vipAddress);
        requireNonNull(algorithm);
        members = List.copyOf(members);
        requireNonNull(monitor);
    }

    /**
     * A member.
     *
     * @param name its name
     * @param address its address, dotted quad
     * @param port its port
     * @param weight its relative share, 1..100
     */
    public record MemberIntent(String name, String address, int port, int weight) {
        public MemberIntent {
            requireNonNull(name);
            requireNonNull(address);
        }
    }

    /**
     * The health monitor.
     *
     * @param http whether a check is an HTTP GET of {@code httpPath} (else a TCP connect)
     * @param intervalSeconds time between checks
     * @param timeoutSeconds how long a check may take
     * @param retries failed checks before a member is down
     * @param httpPath the path HTTP checks request
     */
    public record Monitor(boolean http, int intervalSeconds, int timeoutSeconds, int retries, String httpPath) {
        public Monitor {
            requireNonNull(httpPath);
        }

        /** The monitor of an entry, defaults applied. */
        static Monitor of(final HealthMonitor monitor) {
            if (monitor == null) {
                return new Monitor(false, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_HTTP_PATH);
            }
            final var interval = monitor.getInterval();
            final var timeout = monitor.getTimeout();
            final var retries = monitor.getMaxRetries();
            final var path = monitor.getHttpPath();
            return new Monitor(monitor.getType() == HealthMonitor.Type.Http,
                interval == null ? DEFAULT_INTERVAL : interval.toJava(),
                timeout == null ? DEFAULT_TIMEOUT : timeout.toJava(),
                retries == null ? DEFAULT_RETRIES : retries.toJava(),
                path == null ? DEFAULT_HTTP_PATH : path);
        }
    }

    /**
     * The intent of an entry, or empty when a leaf it needs is missing (the validator reports which).
     *
     * @param lb the configuration entry
     * @return the intent
     */
    public static Optional<LoadBalancerIntent> of(final LoadBalancer lb) {
        final Vip vip = lb.getVip();
        if (vip == null || vip.getAddress() == null || vip.getPort() == null) {
            return Optional.empty();
        }
        final var found = lb.nonnullMember().values().stream()
            .sorted(Comparator.comparing(member -> member.requireName().getValue()))
            .map(LoadBalancerIntent::member)
            .toList();
        if (found.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        final var members = found.stream().map(Optional::orElseThrow).toList();
        final var algorithm = lb.getAlgorithm();
        return Optional.of(new LoadBalancerIntent(lb.requireName().getValue(), vip.getAddress().getValue(),
            vip.getPort().getValue().toJava(), vip.getProtocol() == Vip.Protocol.Http,
            algorithm == null ? DEFAULT_ALGORITHM : algorithm, members, Monitor.of(lb.getHealthMonitor())));
    }

    private static Optional<MemberIntent> member(final Member member) {
        if (member.getAddress() == null || member.getPort() == null) {
            return Optional.empty();
        }
        final var weight = member.getWeight();
        return Optional.of(new MemberIntent(member.requireName().getValue(), member.getAddress().getValue(),
            member.getPort().getValue().toJava(), weight == null ? DEFAULT_WEIGHT : weight.toJava()));
    }
}
