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
import org.cnsmo.api.net.Ipv4Network;
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

    @Test
    void acceptsDistinctLoadBalancers() {
        assertEquals(List.of(), LoadBalancerValidator.validate(null, lbs(
            lb("web", 80, member("a", "10.8.0.2", 8080), member("b", "10.8.0.3", 8080)).build(),
            lb("api", 443, member("a", "10.8.0.2", 8443)).build())));
    }

    @Test
    void refusesANodeUntilNodeHostedLoadBalancersExist() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/node", "a load balancer runs on the "
                + "controller host, which holds its VIP on the overlay; node-hosted load balancers do not exist yet, "
                + "so leave 'node' out")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setNode(new NodeName("Agent.1")).build())));
        final var older = lb("web", 80).setNode(new NodeName("Agent.1")).build();
        assertEquals(List.of(), LoadBalancerValidator.validate(lbs(older), lbs(older, lb("api", 443).build())));
    }

    @Test
    void vipIsAFreeHostAddressOfTheVpnSubnet() {
        final var overlay = new LoadBalancerValidator.Overlay(Ipv4Network.parse("10.9.0.0/24"), Set.of("10.9.0.50"));
        assertEquals(List.of(), LoadBalancerValidator.validate(null, lbs(vip("10.9.0.100")), overlay));
        assertEquals(List.of(new Violation(VIP, "VIP 10.8.0.100 is not a host address of the VPN subnet "
                + "10.9.0.0/24: the VIP lives on the overlay")),
            LoadBalancerValidator.validate(null, lbs(vip("10.8.0.100")), overlay));
        assertEquals(List.of(new Violation(VIP, "VIP 10.9.0.255 is not a host address of the VPN subnet "
                + "10.9.0.0/24: the VIP lives on the overlay")),
            LoadBalancerValidator.validate(null, lbs(vip("10.9.0.255")), overlay));
        assertEquals(List.of(new Violation(VIP, "VIP 10.9.0.1 is the VPN server's own address")),
            LoadBalancerValidator.validate(null, lbs(vip("10.9.0.1")), overlay));
        assertEquals(List.of(new Violation(VIP, "VIP 10.9.0.50 is the overlay address of a VPN client (a node or a "
                + "bundle holder)")), LoadBalancerValidator.validate(null, lbs(vip("10.9.0.50")), overlay));
    }

    @Test
    void refusesTimeoutNotBelowDefaultInterval() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/health-monitor/timeout",
                "health-monitor timeout 5 s must be below the interval 5 s")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setHealthMonitor(new HealthMonitorBuilder()
                .setTimeout(Uint16.valueOf(5)).build()).build())));
    }

    @Test
    void acceptsLongTimeoutWithLongerInterval() {
        assertEquals(List.of(), LoadBalancerValidator.validate(null, lbs(lb("web", 80)
            .setHealthMonitor(new HealthMonitorBuilder().setTimeout(Uint16.valueOf(10))
                .setInterval(Uint16.valueOf(30)).build()).build())));
    }

    @Test
    void refusesMembersOnSameAddressAndPort() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/member=b",
                "address and port 10.8.0.2:8080 are already used by member 'a'")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80, member("b", "10.8.0.2", 8080),
                member("a", "10.8.0.2", 8080)).build())));
    }

    @Test
    void refusesSharedVip() {
        assertEquals(List.of(new Violation("load-balancers/load-balancer=web/vip",
                "VIP 10.8.0.100:80 is already used by load balancer 'api'")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).build(), lb("api", 80).build())));
    }

    @Test
    void refusesLoadBalancerWithoutVipOrMemberAddressNamingTheLeaf() {
        assertEquals(List.of(
                new Violation("load-balancers/load-balancer=web/vip/address", "is required"),
                new Violation("load-balancers/load-balancer=web/vip/port", "is required"),
                new Violation("load-balancers/load-balancer=web/member=a/port", "is required")),
            LoadBalancerValidator.validate(null, lbs(lb("web", 80).setVip(null)
                .setMember(BindingMap.of(new MemberBuilder().setName(new ObjectName("a"))
                    .setAddress(new Ipv4Address("10.8.0.11")).build())).build())));
    }

    private static final String VIP = "load-balancers/load-balancer=web/vip/address";

    private static LoadBalancer vip(final String address) {
        return lb("web", 80).setVip(new VipBuilder().setAddress(new Ipv4Address(address)).setPort(port(80)).build())
            .build();
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
