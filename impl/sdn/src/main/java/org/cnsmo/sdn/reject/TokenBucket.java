/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.reject;

import java.util.function.LongSupplier;

/**
 * A token bucket: at most {@code burst} events at once, refilled at {@code ratePerSecond}. Limits
 * how many refusals the controller sends, so a flood of rejected packets cannot make it flood the
 * network in turn. Thread-safe.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double burst;
    private final double ratePerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public TokenBucket(final int burst, final int ratePerSecond, final LongSupplier nanoClock) {
        this.burst = burst;
        ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        tokens = burst;
        last = nanoClock.getAsLong();
    }

    /** Takes a token if one is left. */
    public synchronized boolean tryTake() {
        final long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
