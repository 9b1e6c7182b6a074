/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cnsmo.lb.LoadBalancerIntent.MemberIntent;
import org.cnsmo.lb.LoadBalancerIntent.Monitor;
import org.cnsmo.lb.MemberNodes.NodeState;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer.Algorithm;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.status.MemberStatus;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.status.MemberStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yangtools.binding.util.BindingMap;

class MemberNodesTest {
    private static final Map<String, String> NODES = Map.of("n1", "10.9.0.50", "n2", "10.9.0.2", "n3", "10.9.0.3");
    private static final LoadBalancerIntent WEB = lb("web", new MemberIntent("m1", "10.9.0.50", 8081, 1),
        new MemberIntent("m2", "10.9.0.50", 8082, 1), new MemberIntent("m3", "10.9.0.2", 8081, 1),
        new MemberIntent("elsewhere", "10.9.0.9", 80, 1));

    @Test
    void everyMemberOnANodeHealthyIsUpAndNodesWithoutMembersGetNothing() {
        final var states = MemberNodes.of(List.of(WEB), Map.of("web", status(ServiceState.Up,
            member("m1", true, null), member("m2", true, null), member("m3", true, null),
            member("elsewhere", true, null))), NODES);
        assertEquals(Map.of("n1", up(), "n2", up()), states);
    }

    @Test
    void someUnhealthyIsDegradedAndAllUnhealthyIsDownNamingTheMembers() {
        final var states = MemberNodes.of(List.of(WEB), Map.of("web", status(ServiceState.Degraded,
            member("m1", true, null), member("m2", false, "L4CON: Connection refused"),
            member("m3", false, null))), NODES);
        assertEquals(new NodeState(ServiceState.Degraded, Optional.of("unhealthy: web/m2 (L4CON: Connection refused)")),
            states.get("n1"));
        assertEquals(new NodeState(ServiceState.Down, Optional.of("no member here is healthy: web/m3")),
            states.get("n2"));
    }

    @Test
    void membersOfALoadBalancerHaproxyDoesNotServeAreDownWithItsReason() {
        final var states = MemberNodes.of(List.of(WEB), Map.of("web", new StatusBuilder()
            .setState(ServiceState.Down).setReason("HAProxy is not running").build()), NODES);
        assertEquals(new NodeState(ServiceState.Down, Optional.of("no member here is healthy: "
            + "web/m1 (HAProxy is not running), web/m2 (HAProxy is not running)")), states.get("n1"));
        assertEquals(new NodeState(ServiceState.Down, Optional.of("no member here is healthy: web/m3 (not observed "
            + "yet)")), MemberNodes.of(List.of(WEB), Map.of(), NODES).get("n2"));
    }

    @Test
    void membersOfSeveralLoadBalancersOnOneNodeCountTogether() {
        final var api = lb("api", new MemberIntent("a", "10.9.0.3", 9000, 1));
        final var other = lb("other", new MemberIntent("b", "10.9.0.3", 9001, 1));
        final var states = MemberNodes.of(List.of(other, api), Map.of(
            "api", status(ServiceState.Up, member("a", true, null)),
            "other", status(ServiceState.Down, member("b", false, "L4TOUT: Layer4 timeout"))), NODES);
        assertEquals(Map.of("n3", new NodeState(ServiceState.Degraded,
            Optional.of("unhealthy: other/b (L4TOUT: Layer4 timeout)"))), states);
    }

    private static NodeState up() {
        return new NodeState(ServiceState.Up, Optional.empty());
    }

    private static LoadBalancerIntent lb(final String name, final MemberIntent... members) {
        return new LoadBalancerIntent(name, "10.9.0.100", 80, false, Algorithm.RoundRobin, Arrays.asList(members),
            new Monitor(false, 5, 2, 3, "/"));
    }

    private static Status status(final ServiceState state, final MemberStatus... members) {
        return new StatusBuilder().setState(state).setMemberStatus(BindingMap.of(Arrays.asList(members))).build();
    }

    private static MemberStatus member(final String name, final boolean healthy, final String check) {
        return new MemberStatusBuilder().setName(new ObjectName(name)).setHealthy(healthy).setLastCheck(check)
            .build();
    }
}
