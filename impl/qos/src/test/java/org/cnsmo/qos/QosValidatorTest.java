/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Dscp;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Qos;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.QosBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.BandwidthLimitBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.DscpMarkingBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

class QosValidatorTest {
    private static final Set<String> NODES = Set.of("Agent.1", "Agent.2");

    @Test
    void acceptsOnePolicyPerDirectionOnOneNode() {
        assertEquals(List.of(), QosValidator.validate(null, qos(
            limit("slow", "Agent.1", "Agent.2").build(),
            limit("download", "Agent.1").setBandwidthLimit(new BandwidthLimitBuilder()
                .setMaxKbps(Uint32.valueOf(1000)).setDirection(Direction.Ingress).build()).build(),
            mark("voice", "Agent.3").build(),
            limit("unassigned").setNode(null).build()), Set.of("Agent.1", "Agent.2", "Agent.3")));
    }

    @Test
    void refusesPolicyThatDoesNothing() {
        assertEquals(List.of(new Violation("qos/policy=empty", "a policy needs a bandwidth-limit or a dscp-marking")),
            QosValidator.validate(null, qos(policy("empty", "Agent.1").build()), NODES));
    }

    @Test
    void refusesPolicyOnUnknownNode() {
        assertEquals(List.of(new Violation("qos/policy=slow/node=Agent.9", "node 'Agent.9' does not exist")),
            QosValidator.validate(null, qos(limit("slow", "Agent.1", "Agent.9").build()), NODES));
    }

    @Test
    void keepsUnchangedPolicyOfNodeThatLeft() {
        final var dormant = limit("slow", "Agent.9").build();
        assertEquals(List.of(), QosValidator.validate(qos(dormant), qos(dormant, mark("voice", "Agent.1").build()),
            NODES));
    }

    @Test
    void refusesChangedPolicyOfNodeThatLeft() {
        final var dormant = limit("slow", "Agent.9").build();
        assertEquals(List.of(new Violation("qos/policy=slow/node=Agent.9", "node 'Agent.9' does not exist")),
            QosValidator.validate(qos(dormant), qos(limit("slow", "Agent.9", "Agent.1").build()), NODES));
    }

    @Test
    void refusesSecondBandwidthLimitOfNode() {
        assertEquals(List.of(new Violation("qos/policy=b/node=Agent.1",
                "node 'Agent.1' already has policy 'a' on its egress traffic; policy 'b' would be a second egress "
                + "policy (at most one per direction: combine them in one policy)")),
            QosValidator.validate(null, qos(limit("b", "Agent.1").build(), limit("a", "Agent.2", "Agent.1").build()),
                NODES));
    }

    @Test
    void refusesMarkingBesideEgressLimitOfAnotherPolicy() {
        assertEquals(List.of(new Violation("qos/policy=b/node=Agent.2",
                "node 'Agent.2' already has policy 'a' on its egress traffic; policy 'b' would be a second egress "
                + "policy (at most one per direction: combine them in one policy)")),
            QosValidator.validate(null, qos(mark("b", "Agent.2").build(), limit("a", "Agent.2").build()), NODES));
    }

    @Test
    void refusesLimitWithoutRateNamingTheLeaf() {
        assertEquals(List.of(new Violation("qos/policy=gold/bandwidth-limit/max-kbps", "is required")),
            QosValidator.validate(null, qos(policy("gold", "Agent.1")
                .setBandwidthLimit(new BandwidthLimitBuilder().build()).build()), NODES));
    }

    private static Qos qos(final Policy... policies) {
        return new QosBuilder().setPolicy(BindingMap.of(policies)).build();
    }

    private static PolicyBuilder policy(final String name, final String... nodes) {
        return new PolicyBuilder().setName(new ObjectName(name))
            .setNode(Arrays.stream(nodes).map(NodeName::new).collect(Collectors.toSet()));
    }

    private static PolicyBuilder limit(final String name, final String... nodes) {
        return policy(name, nodes).setBandwidthLimit(new BandwidthLimitBuilder()
            .setMaxKbps(Uint32.valueOf(1000)).build());
    }

    private static PolicyBuilder mark(final String name, final String... nodes) {
        return policy(name, nodes).setDscpMarking(new DscpMarkingBuilder()
            .setDscpMark(new Dscp(Uint8.valueOf(46))).build());
    }
}
