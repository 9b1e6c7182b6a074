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
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;

class DatastoreTokenStoreTest extends AbstractConcurrentDataBrokerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    private DatastoreTokenStore store;

    @BeforeEach
    void start() throws Exception {
        // The base class is a JUnit 4 test: its set-up is called here.
        setup();
        store = new DatastoreTokenStore(getDataBroker());
    }

    @Test
    void tokensSurviveARestartAndAUsedOneStaysUsed() throws Exception {
        final var before = new EnrollmentTokens(new SecureRandom(), CLOCK, store, store.load());
        final var used = before.create("web-1", Optional.of("10.8.0.50"), Duration.ofHours(1)).text();
        final var unused = before.create("web-2", Optional.empty(), Duration.ofHours(1)).text();
        before.redeem(used);

        // A new start reads the records: the controller's memory of the tokens is gone.
        final var after = new EnrollmentTokens(new SecureRandom(), CLOCK, store, store.load());
        final var refused = assertThrows(EnrollmentTokens.RefusedException.class, () -> after.redeem(used));
        assertTrue(refused.getMessage().contains("already been used"), refused.getMessage());
        final var redeemed = after.redeem(unused);
        assertEquals("web-2", redeemed.node());
        assertEquals(2, after.list().size());
        assertTrue(after.list().stream().allMatch(EnrollmentTokens.Token::used));
    }

    @Test
    void recordsHoldDigestsNotTokens() throws Exception {
        final var tokens = new EnrollmentTokens(new SecureRandom(), CLOCK, store, store.load());
        final var text = tokens.create("web-1", Optional.empty(), Duration.ofHours(1)).text();
        final var secret = text.substring(text.indexOf('.') + 1);
        final var records = getDataBroker().newReadOnlyTransaction().read(
            org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION,
            org.opendaylight.yangtools.binding.DataObjectIdentifier.builder(
                org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.EnrollmentTokenRecords.class).build())
            .get().orElseThrow();
        assertFalse(records.toString().contains(secret), "the secret is never recorded");
        assertEquals(1, records.nonnullToken().size());
    }
}
