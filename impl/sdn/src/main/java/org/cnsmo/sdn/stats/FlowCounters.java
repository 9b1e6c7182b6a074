/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

/**
 * Counters summed over a set of flows.
 *
 * @param flows how many flows
 * @param packets packets they matched
 * @param bytes bytes they matched
 */
public record FlowCounters(int flows, long packets, long bytes) {
    public static final FlowCounters NONE = new FlowCounters(0, 0, 0);

    public FlowCounters plus(final FlowCounters other) {
        return new FlowCounters(flows + other.flows, packets + other.packets, bytes + other.bytes);
    }
}
