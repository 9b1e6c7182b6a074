/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CounterHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final CounterHistory history = new CounterHistory();

    @Test
    void firstReadingIsSampled() {
        assertTrue(history.record(T0, new FlowCounters(1, 0, 0)));
        assertEquals(1, history.samples().size());
        assertEquals(T0, history.readAt());
    }

    @Test
    void unchangedCountersPublishNothing() {
        history.record(T0, new FlowCounters(1, 5, 500));
        assertFalse(history.record(T0.plusSeconds(10), new FlowCounters(1, 5, 500)));
        assertEquals(1, history.samples().size());
        assertEquals(T0, history.readAt(), "the time of the reading that produced the counters");
    }

    @Test
    void changeInsideTheIntervalIsSampledWhenItEnds() {
        history.record(T0, new FlowCounters(1, 0, 0));
        assertTrue(history.record(T0.plusSeconds(2), new FlowCounters(1, 2, 120)));
        assertEquals(1, history.samples().size(), "too soon for a sample");
        assertTrue(history.record(T0.plusSeconds(6), new FlowCounters(1, 2, 120)), "the pending change is sampled");
        assertEquals(2, history.samples().size());
        assertEquals(2, history.samples().get(1).counters().packets());
    }

    @Test
    void historyIsBounded() {
        for (int i = 0; i < CounterHistory.MAX_SAMPLES + 10; i++) {
            history.record(T0.plusSeconds(5L * i), new FlowCounters(1, i, i));
        }
        assertEquals(CounterHistory.MAX_SAMPLES, history.samples().size());
        assertEquals(10, history.samples().get(0).counters().packets(), "the oldest go first");
    }
}
