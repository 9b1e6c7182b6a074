/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.HealthMonitorBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Member;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.MemberBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.VipBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;

class LoadBalancerValidatorTest {
    private static final Set<String> NODES = Set.of("Agent.1", "Agent.2");

    @Test
    void acceptsDistinctLoadBalancers() {
        assertEquals(List.of(), LoadBalancerValidator.validate(null, lbs(
            lb("web", 80, member("a", "10.8.0.2", 8080), member("b", "10.8.0.3", 8080)).build(),
            lb("api", 443, member("a", "10.8.0.2", 8443)).setNode(new NodeName("Agent.1")).build()), NODES));
    }

    @Test
    void refusesLoadBalancerOnUnknownNode() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/node",
                "node 'Agent.9' does not exist")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setNode(new NodeName("Agent.9")).build()),
                NODES));
    }

    @Test
    void keepsUnchangedLoadBalancerOfNodeThatLeft() {
        final var dormant = lb("web", 80).setNode(new NodeName("Agent.9")).build();
        assertEquals(List.of(), LoadBalancerValidator.validate(lbs(dormant), lbs(dormant, lb("api", 443).build()),
            NODES));
    }

    @Test
    void refusesChangedLoadBalancerOfNodeThatLeft() {
        final var dormant = lb("web", 80).setNode(new NodeName("Agent.9"));
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/node",
                "node 'Agent.9' does not exist")),
            LoadBalancerValidator.validate(lbs(dormant.build()),
                lbs(dormant.setMember(BindingMap.of(member("a", "10.8.0.2", 80))).build()), NODES));
    }

    @Test
    void refusesTimeoutNotBelowDefaultInterval() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/health-monitor/timeout",
                "health-monitor timeout 5 s must be below the interval 5 s")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setHealthMonitor(new HealthMonitorBuilder()
                .setTimeout(Uint16.valueOf(5)).build()).build()), NODES));
    }

    @Test
    void acceptsLongTimeoutWithLongerInterval() {
        assertEquals(List.of(), LoadBalancerValidator.validate(null, lbs(lb("web", 80)
            .setHealthMonitor(new HealthMonitorBuilder().setTimeout(Uint16.valueOf(10))
                .setInterval(Uint16.valueOf(30)).build()).build()), NODES));
    }

    @Test
    void refusesMembersOnSameAddressAndPort() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/member=b",
                "address and port 10.8.0.2:8080 are already used by member 'a'")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80, member("b", "10.8.0.2", 8080),
                member("a", "10.8.0.2", 8080)).build()), NODES));
    }

    @Test
    void refusesSharedVip() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/vip",
                "VIP 10.8.0.100:80 is already used by load balancer 'api'")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).build(), lb("api", 80).build()), NODES));
    }

    @Test
    void refusesLoadBalancerWithoutVipOrMemberAddressNamingTheLeaf() {
        assertEquals(List.of(
                new Violation("load-balancers/load-balancer=web/vip/address", "is required"),
                new Violation("load-balancers/load-balancer=web/vip/port", "is required"),
                new Violation("load-balancers/load-balancer=web/member=a/port", "is required")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setVip(null)
                .setMember(BindingMap.of(new MemberBuilder().setName(new ObjectName("a"))
                    .setAddress(new Ipv4Address("10.8.0.11")).build())).build()), NODES));
    }

    private static LoadBalancers lbs(final LoadBalancer... lbs) {
        return new LoadBalancersBuilder().setLoadBalancer(BindingMap.of(lbs)).build();
    }

    private static LoadBalancerBuilder lb(final String name, final int vipPort, final Member... members) {
        return new LoadBalancerBuilder().setName(new ObjectName(name))
            .setVip(new VipBuilder().setAddress(new Ipv4Address("10.8.0.100")).setPort(port(vipPort)).build())
            .setMember(members.length == 0 ? null : BindingMap.of(members));
    }

    private static Member member(final String name, final String address, final int port) {
        return new MemberBuilder().setName(new ObjectName(name)).setAddress(new Ipv4Address(address))
            .setPort(port(port)).build();
    }

    private static PortNumber port(final int port) {
        return new PortNumber(Uint16.valueOf(port));
    }
}
