/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import java.util.ArrayList;
import java.util.Optional;
import org.cnsmo.lb.haproxy.HaproxyRenderer.Observation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.status.MemberStatus;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.status.MemberStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.ZeroBasedCounter64;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * A load balancer's observed state from what HAProxy says: up when every member is healthy, degraded when
 * some are (naming the others and their last check), down when none is or HAProxy does not serve it. Pure;
 * {@code since} is left to the writer.
 */
final class LoadBalancerStatus {
    private LoadBalancerStatus() {
        // utility class
    }

    static Status of(final LoadBalancerIntent lb, final Observation observation) {
        final var status = new StatusBuilder();
        if (observation.problem().isPresent()) {
            return status.setState(ServiceState.Down).setReason(observation.problem().orElseThrow()).build();
        }
        final var served = observation.balancers().get(lb.name());
        if (served == null) {
            return status.setState(ServiceState.Down).setReason("HAProxy does not serve it (yet)").build();
        }
        final var members = new ArrayList<MemberStatus>();
        final var unhealthy = new ArrayList<String>();
        for (var member : lb.members()) {
            final var stats = served.members().get(member.name());
            final var entry = new MemberStatusBuilder().setName(new ObjectName(member.name()));
            if (stats == null) {
                entry.setHealthy(false);
                unhealthy.add(member.name() + " (not loaded yet)");
            } else {
                entry.setHealthy(stats.healthy())
                    .setCurrentSessions(Uint64.valueOf(stats.currentSessions()))
                    .setTotalSessions(counter(stats.totalSessions()))
                    .setBytesIn(counter(stats.bytesIn()))
                    .setBytesOut(counter(stats.bytesOut()))
                    .setLastCheck(stats.lastCheck().orElse(null));
                if (!stats.healthy()) {
                    unhealthy.add(member.name() + stats.lastCheck().map(check -> " (" + check + ")").orElse(""));
                }
            }
            members.add(entry.build());
        }
        status.setMemberStatus(members.isEmpty() ? null : BindingMap.of(members));
        if (lb.members().isEmpty()) {
            return status.setState(ServiceState.Down).setReason("it has no members").build();
        }
        if (unhealthy.isEmpty()) {
            return status.setState(ServiceState.Up).build();
        }
        final var reason = Optional.of(String.join(", ", unhealthy));
        return unhealthy.size() == lb.members().size()
            ? status.setState(ServiceState.Down).setReason("no member is healthy: " + reason.orElseThrow()).build()
            : status.setState(ServiceState.Degraded).setReason("unhealthy: " + reason.orElseThrow()).build();
    }

    private static ZeroBasedCounter64 counter(final long value) {
        return new ZeroBasedCounter64(Uint64.valueOf(value));
    }
}
