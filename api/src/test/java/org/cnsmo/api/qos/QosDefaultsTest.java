/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.qos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Dscp;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.BandwidthLimitBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.DscpMarkingBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

class QosDefaultsTest {
    @Test
    void burstDefaultsToAFifthOfTheRate() {
        assertEquals(2_000, QosDefaults.burstKbits(new BandwidthLimitBuilder().setMaxKbps(Uint32.valueOf(10_000))
            .build()));
    }

    @Test
    void defaultBurstHoldsAFullPacket() {
        assertEquals(16, QosDefaults.burstKbits(new BandwidthLimitBuilder().setMaxKbps(Uint32.valueOf(8)).build()));
    }

    @Test
    void givenBurstIsKept() {
        assertEquals(5, QosDefaults.burstKbits(new BandwidthLimitBuilder().setMaxKbps(Uint32.valueOf(10_000))
            .setMaxBurstKbits(Uint32.valueOf(5)).build()));
    }

    @Test
    void limitWithoutDirectionIsEgress() {
        assertEquals(Direction.Egress, QosDefaults.direction(new BandwidthLimitBuilder().build()));
    }

    @Test
    void markingCountsAsEgress() {
        final var policy = new PolicyBuilder().setName(new ObjectName("p"))
            .setBandwidthLimit(new BandwidthLimitBuilder().setDirection(Direction.Ingress).build())
            .setDscpMarking(new DscpMarkingBuilder().setDscpMark(new Dscp(Uint8.valueOf(46))).build())
            .build();
        assertEquals(Set.of(Direction.Egress, Direction.Ingress), QosDefaults.directions(policy));
    }
}
