/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.Set;
import org.cnsmo.api.qos.QosDefaults;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;

/**
 * A QoS policy as the pipeline needs it, with its defaults applied ({@link QosDefaults}).
 *
 * @param name the policy name
 * @param nodes the nodes whose switches enforce it
 * @param limit the bandwidth limit, or null
 * @param dscp the DSCP value egress IPv4 packets get, or empty
 */
public record QosIntent(String name, Set<String> nodes, Limit limit, OptionalInt dscp) {
    /**
     * A bandwidth limit.
     *
     * @param direction what it limits
     * @param kbps the rate, kbit/s
     * @param burstKbits the meter's burst, kbit
     */
    public record Limit(Direction direction, long kbps, long burstKbits) {
        public Limit {
            requireNonNull(direction);
        }

        /** The meter id of the limit on every switch (one policy per direction and node). */
        public long meterId() {
            return direction == Direction.Ingress ? Pipeline.QOS_INGRESS_METER_ID : Pipeline.QOS_EGRESS_METER_ID;
        }
    }

    public QosIntent {
        requireNonNull(name);
        nodes = Set.copyOf(nodes);
        requireNonNull(dscp);
    }

    /** The intent of a validated policy from the configuration datastore. */
    public static QosIntent of(final Policy policy) {
        final var bandwidth = policy.getBandwidthLimit();
        final var marking = policy.getDscpMarking();
        final var nodes = policy.getNode();
        return new QosIntent(policy.requireName().getValue(),
            nodes == null ? Set.of() : Set.copyOf(nodes.stream().map(NodeName::getValue).toList()),
            bandwidth == null ? null : new Limit(QosDefaults.direction(bandwidth),
                bandwidth.requireMaxKbps().toJava(), QosDefaults.burstKbits(bandwidth)),
            marking == null ? OptionalInt.empty() : OptionalInt.of(marking.requireDscpMark().getValue().toJava()));
    }

    public boolean appliesTo(final String node) {
        return nodes.contains(node);
    }
}
