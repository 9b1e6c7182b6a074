/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cnsmo.lb.LoadBalancerIntent;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer.Algorithm;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.HealthMonitor;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.HealthMonitorBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.MemberBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Vip;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.VipBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint8;

class HaproxyConfigTest {
    private static final Path SOCKET = Path.of("/k/cnsmo/haproxy/runtime.sock");

    @Test
    void tcpBalancerWithDefaultsBecomesAFrontendAndABackendWithTcpChecks() {
        final var web = LoadBalancerIntent.of(new LoadBalancerBuilder().setName(new ObjectName("web"))
            .setVip(new VipBuilder().setAddress(new Ipv4Address("10.8.0.100")).setPort(port(80)).build())
            .setMember(BindingMap.of(
                new MemberBuilder().setName(new ObjectName("b")).setAddress(new Ipv4Address("10.8.0.3"))
                    .setPort(port(8080)).build(),
                new MemberBuilder().setName(new ObjectName("a")).setAddress(new Ipv4Address("10.8.0.2"))
                    .setPort(port(8080)).setWeight(Uint8.valueOf(3)).build()))
            .build()).orElseThrow();
        final var text = HaproxyConfig.render(List.of(web), SOCKET);
        assertTrue(text.contains("    stats socket /k/cnsmo/haproxy/runtime.sock mode 600 level admin\n"), text);
        assertTrue(text.contains("    master-worker\n    user nobody\n"), text);
        assertTrue(text.contains("defaults\n") && text.contains("    option redispatch 1\n"), text);
        assertTrue(text.endsWith("""
            frontend lb-web
                mode tcp
                bind 10.8.0.100:80
                option tcplog
                default_backend lb-web
            backend lb-web
                mode tcp
                balance roundrobin
                timeout check 2s
                default-server inter 5s fall 3 rise 1
                server a 10.8.0.2:8080 weight 3 check
                server b 10.8.0.3:8080 weight 1 check
            """), text);
    }

    @Test
    void httpBalancerForwardsTheClientAddressAndChecksItsPath() {
        final var api = LoadBalancerIntent.of(new LoadBalancerBuilder().setName(new ObjectName("api"))
            .setVip(new VipBuilder().setAddress(new Ipv4Address("10.8.0.101")).setPort(port(8080))
                .setProtocol(Vip.Protocol.Http).build())
            .setAlgorithm(Algorithm.LeastConnections)
            .setHealthMonitor(new HealthMonitorBuilder().setType(HealthMonitor.Type.Http)
                .setHttpPath("/health").setInterval(Uint16.valueOf(2)).setTimeout(Uint16.valueOf(1))
                .setMaxRetries(Uint8.valueOf(2)).build())
            .build()).orElseThrow();
        final var text = HaproxyConfig.render(List.of(api), SOCKET);
        assertTrue(text.endsWith("""
            frontend lb-api
                mode http
                bind 10.8.0.101:8080
                option httplog
                default_backend lb-api
            backend lb-api
                mode http
                balance leastconn
                option forwardfor
                option httpchk GET /health
                http-check expect rstatus ^[23]
                timeout check 1s
                default-server inter 2s fall 2 rise 1
            """), text);
    }

    @Test
    void algorithmsMapToHaproxysNames() {
        assertEquals("roundrobin", HaproxyConfig.balance(Algorithm.RoundRobin));
        assertEquals("leastconn", HaproxyConfig.balance(Algorithm.LeastConnections));
        assertEquals("source", HaproxyConfig.balance(Algorithm.SourceIp));
    }

    @Test
    void entryMissingARequiredLeafHasNoIntent() {
        assertEquals(Optional.empty(), LoadBalancerIntent.of(new LoadBalancerBuilder()
            .setName(new ObjectName("web")).setVip(new VipBuilder().setPort(port(80)).build()).build()));
        assertEquals(Optional.empty(), LoadBalancerIntent.of(new LoadBalancerBuilder().setName(new ObjectName("web"))
            .setVip(new VipBuilder().setAddress(new Ipv4Address("10.8.0.100")).setPort(port(80)).build())
            .setMember(BindingMap.of(new MemberBuilder().setName(new ObjectName("a")).setPort(port(1)).build()))
            .build()));
    }

    private static PortNumber port(final int port) {
        return new PortNumber(Uint16.valueOf(port));
    }
}
