/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.cnsmo.verifier.BadQueryException;
import org.cnsmo.verifier.Query;
import org.cnsmo.verifier.Range;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.CheckReachabilityInputBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.WhatIfInputBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.DestinationPortRangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.input.PutRule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.input.PutRuleBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;

class RpcInputTest {
    private static PortNumber port(final int port) {
        return new PortNumber(Uint16.valueOf(port));
    }

    @Test
    void aQueryDefaultsToTcpOnEveryPort() {
        assertEquals(new Query("A", "B", Query.TCP, new Range(1, 65_535)), CheckReachabilityRpc.query(
            new CheckReachabilityInputBuilder().setSource(" A ").setDestination("B").build()));
    }

    @Test
    void aPortRangeAndProtocolAreRead() {
        assertEquals(new Query("A", "B", Query.UDP, new Range(5000, 6000)), CheckReachabilityRpc.query(
            new CheckReachabilityInputBuilder().setSource("A").setDestination("B").setProtocol(Protocol.Udp)
                .setPort(new DestinationPortRangeBuilder().setDestinationPortRange(
                    new org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.destination.port
                        .range.DestinationPortRangeBuilder().setLower(port(5000)).setUpper(port(6000)).build())
                    .build())
                .build()));
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("source", assertThrows(BadQueryException.class, () -> CheckReachabilityRpc.query(
            new CheckReachabilityInputBuilder().setDestination("B").build())).field());
        assertEquals("destination", assertThrows(BadQueryException.class, () -> CheckReachabilityRpc.query(
            new CheckReachabilityInputBuilder().setSource("A").setDestination(" ").build())).field());
        assertEquals("destination-port-range", assertThrows(BadQueryException.class, () -> CheckReachabilityRpc.query(
            new CheckReachabilityInputBuilder().setSource("A").setDestination("B")
                .setPort(new DestinationPortRangeBuilder().setDestinationPortRange(
                    new org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.destination.port
                        .range.DestinationPortRangeBuilder().setLower(port(90)).setUpper(port(80)).build())
                    .build())
                .build())).field());
    }

    @Test
    void aProposedRuleBecomesAFirewallRule() {
        final var proposal = WhatIfRpc.proposal(new WhatIfInputBuilder()
            .setPutRule(BindingMap.of(new PutRuleBuilder().setName(new ObjectName("no-web"))
                .setNode(new NodeName("B")).setDirection(PutRule.Direction.In).setProtocol(PutRule.Protocol.Tcp)
                .setAction(PutRule.Action.Drop).build()))
            .setDeleteRule(Set.of(new ObjectName("old")))
            .build());
        final var rule = proposal.putRules().get(0);
        assertEquals(Rule.Direction.In, rule.getDirection());
        assertEquals(Rule.Action.Drop, rule.getAction());
        assertEquals(org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol.Tcp, rule.getProtocol());
        assertEquals(Set.of("old"), proposal.deleteRules());
    }
}
