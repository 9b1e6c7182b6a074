/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

/**
 * What one meter of a switch counted since it was added: the packets and bytes it let through and those its drop
 * band dropped.
 *
 * @param passed traffic that passed (the meter's input less what was dropped)
 * @param dropped traffic the drop band dropped
 */
public record MeterCounters(FlowCounters passed, FlowCounters dropped) {
    /**
     * Counters from a meter's statistics.
     *
     * @param packetsIn packets that entered the meter
     * @param bytesIn bytes that entered the meter
     * @param packetsDropped packets its band dropped
     * @param bytesDropped bytes its band dropped
     * @return the counters
     */
    public static MeterCounters of(final long packetsIn, final long bytesIn, final long packetsDropped,
            final long bytesDropped) {
        return new MeterCounters(new FlowCounters(1, Math.max(0, packetsIn - packetsDropped),
            Math.max(0, bytesIn - bytesDropped)), new FlowCounters(1, packetsDropped, bytesDropped));
    }
}
