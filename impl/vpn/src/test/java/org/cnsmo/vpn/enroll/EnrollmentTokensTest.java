/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final EnrollmentTokens tokens = new EnrollmentTokens(new SecureRandom(), clock);

    @Test
    void tokenWorksOnceThenIsRefusedAsUsed() throws Exception {
        final var issued = tokens.create("Agent.1", Optional.of("10.8.0.50"), Duration.ofHours(1));

        final var token = tokens.redeem(issued.text());
        assertEquals("Agent.1", token.node());
        assertEquals(Optional.of("10.8.0.50"), token.staticAddress());
        final var again = assertThrows(EnrollmentTokens.RefusedException.class, () -> tokens.redeem(issued.text()));
        assertTrue(again.getMessage().contains("has already been used"), again.getMessage());
        assertTrue(tokens.list().getFirst().used());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        final var issued = tokens.create("Agent.1", Optional.empty(), Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));

        final var refused = assertThrows(EnrollmentTokens.RefusedException.class, () -> tokens.redeem(issued.text()));
        assertTrue(refused.getMessage().contains("expired at 2026-11-21T12:01:00Z"), refused.getMessage());
    }

    @Test
    void wrongSecretWithAKnownIdIsRefusedAsUnknown() throws Exception {
        final var issued = tokens.create("Agent.1", Optional.empty(), Duration.ofHours(1));
        final var forged = issued.token().id() + ".not-the-secret";

        final var refused = assertThrows(EnrollmentTokens.RefusedException.class, () -> tokens.redeem(forged));
        assertTrue(refused.getMessage().contains("not valid"), refused.getMessage());
        assertFalse(tokens.list().getFirst().used());
    }

    @Test
    void givenBackTokenWorksAgain() throws Exception {
        final var issued = tokens.create("Agent.1", Optional.empty(), Duration.ofHours(1));
        tokens.giveBack(tokens.redeem(issued.text()).id());
        assertEquals("Agent.1", tokens.redeem(issued.text()).node());
    }

    @Test
    void oldTokensAreForgotten() throws Exception {
        tokens.create("Agent.1", Optional.empty(), Duration.ofSeconds(60));
        clock.advance(EnrollmentTokens.KEEP_EXPIRED.plusMinutes(2));
        assertEquals(0, tokens.list().size());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(final Instant now) {
            this.now = now;
        }

        void advance(final Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
