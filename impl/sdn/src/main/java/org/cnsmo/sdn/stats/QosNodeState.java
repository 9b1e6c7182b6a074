/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatus.Installed;

/**
 * What a QoS policy does on one node, as published in its {@code status/node-status} entry.
 *
 * @param node the node
 * @param installed whether the node's switch enforces the policy
 * @param reason why it does not, or null
 * @param meterId the meter of the policy's bandwidth limit, or null without one
 * @param passed what the meter let through, or null before the first reading
 * @param dropped what the meter dropped, or null before the first reading
 */
public record QosNodeState(String node, Installed installed, String reason, Long meterId, CounterHistory passed,
        CounterHistory dropped) {
    public QosNodeState {
        requireNonNull(node);
        requireNonNull(installed);
    }
}
