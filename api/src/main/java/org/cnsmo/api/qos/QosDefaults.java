/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.qos;

import java.util.EnumSet;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.BandwidthLimit;

/**
 * The defaults of a QoS policy, written once next to the model ({@code cnsmo-qos}): the validator, the SDN
 * renderer and the documentation all take them from here.
 */
public final class QosDefaults {
    /** A bandwidth limit without a direction limits what the node sends, as in Neutron. */
    public static final Direction DIRECTION = Direction.Egress;
    /**
     * Without max-burst-kbits the bucket holds this fraction of a second at the rate: a fifth (200 ms) let one TCP
     * connection reach 92% of a 10,000 kbps meter on Open vSwitch 3.1's userspace datapath, a tenth only 49%.
     */
    public static final int BURST_FRACTION_OF_RATE = 5;
    /** The smallest default burst, kbit: one full-size (1,500 byte) packet and some. */
    public static final long MIN_BURST_KBITS = 16;

    private QosDefaults() {
        // constants and functions only
    }

    /** The direction a bandwidth limit applies to. */
    public static Direction direction(final BandwidthLimit limit) {
        final var direction = limit.getDirection();
        return direction == null ? DIRECTION : direction;
    }

    /**
     * The burst of a bandwidth limit, kbit: max-burst-kbits, or without it a fifth of max-kbps, at least
     * {@link #MIN_BURST_KBITS}.
     *
     * @param limit a validated limit (max-kbps present)
     * @return the burst
     */
    public static long burstKbits(final BandwidthLimit limit) {
        final var burst = limit.getMaxBurstKbits();
        if (burst != null) {
            return burst.toJava();
        }
        return Math.max(MIN_BURST_KBITS, limit.requireMaxKbps().toJava() / BURST_FRACTION_OF_RATE);
    }

    /**
     * The directions of a node's traffic a policy acts on: the direction of its bandwidth limit, and egress
     * when it marks (DSCP marking applies to what the node sends). A node has at most one policy per direction.
     */
    public static Set<Direction> directions(final Policy policy) {
        final var directions = EnumSet.noneOf(Direction.class);
        final var limit = policy.getBandwidthLimit();
        if (limit != null) {
            directions.add(direction(limit));
        }
        if (policy.getDscpMarking() != null) {
            directions.add(Direction.Egress);
        }
        return directions;
    }
}
