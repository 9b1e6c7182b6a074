/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EncryptionStallTest {
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final EncryptionStall stall = new EncryptionStall(GRACE);

    @Test
    void activeConfiguratorWithoutServiceForTheGraceIsRestarted() {
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(9)).isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(10)),
            stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(10)));
    }

    @Test
    void serviceThatAppearsInTimeStopsTheClock() {
        stall.restartNeeded(OptionalLong.of(7), false, T0);
        assertTrue(stall.restartNeeded(OptionalLong.of(7), true, T0.plusSeconds(2)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(7), true, T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void serviceThatGoesAwayLaterIsTimedFromThen() {
        stall.restartNeeded(OptionalLong.of(7), true, T0);
        // A feature being reinstalled: the service goes away while the configurator stays active.
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(100)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(105)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(110)).isPresent());
    }

    @Test
    void inactiveConfiguratorIsNotRestarted() {
        assertTrue(stall.restartNeeded(OptionalLong.empty(), false, T0).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.empty(), false, T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void newActivationIsTimedAfresh() {
        stall.restartNeeded(OptionalLong.of(7), false, T0);
        assertTrue(stall.restartNeeded(OptionalLong.of(8), false, T0.plusSeconds(9)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(8), false, T0.plusSeconds(18)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(8), false, T0.plusSeconds(19)).isPresent());
    }

    @Test
    void restartIsAskedOnceThenTheNextActivationIsTimed() {
        stall.restartNeeded(OptionalLong.of(7), false, T0);
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(10)).isPresent());
        // The same id seen again, before SCR has replaced it: it starts a new wait, no second restart at once.
        assertTrue(stall.restartNeeded(OptionalLong.of(7), false, T0.plusSeconds(11)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(9), false, T0.plusSeconds(12)).isEmpty());
        assertTrue(stall.restartNeeded(OptionalLong.of(9), true, T0.plusSeconds(13)).isEmpty());
    }
}
