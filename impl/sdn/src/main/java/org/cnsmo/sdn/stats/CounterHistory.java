/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The current counters of one filter or rule and their bounded history. Counters that changed are
 * sampled at most once per {@link #SAMPLE_INTERVAL} (a change inside the interval is sampled when
 * it ends); unchanged periods need no samples, since the dashboard draws a step line. The oldest
 * samples go first once {@link #MAX_SAMPLES} are kept. Pure and not thread-safe.
 */
public final class CounterHistory {
    /** The model's max-elements for samples. */
    public static final int MAX_SAMPLES = 720;
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    /**
     * One sample.
     *
     * @param time when it was taken
     * @param counters the counters then
     */
    public record Sample(Instant time, FlowCounters counters) {
        // a value
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private FlowCounters current;
    private Instant readAt;
    private boolean unsampled;

    /**
     * Records a reading.
     *
     * @return whether the counters or the history changed
     */
    public boolean record(final Instant now, final FlowCounters counters) {
        final boolean changed = !counters.equals(current);
        if (changed) {
            current = counters;
            readAt = now;
            unsampled = true;
        }
        final var newest = samples.peekLast();
        if (!unsampled || newest != null && now.isBefore(newest.time().plus(SAMPLE_INTERVAL))) {
            return changed;
        }
        unsampled = false;
        samples.addLast(new Sample(now, counters));
        if (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
        return true;
    }

    /** The last counters read, or null before the first reading. */
    public FlowCounters current() {
        return current;
    }

    /** When the current counters were read (the last change), or null. */
    public Instant readAt() {
        return readAt;
    }

    /** The samples, oldest first. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }
}
