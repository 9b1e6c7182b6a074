/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    private static final TokenSigner SIGNER = new TokenSigner(key((byte) 7), Duration.ofHours(1));
    private static final TokenClaims VIEWER = new TokenClaims("viewer", "viewer@sdn", Set.of("user"), "fp", NOW);

    @Test
    void aTokenItIssuedVerifiesWithTheUsersRolesUntilItExpires() {
        final var token = SIGNER.issue(VIEWER, NOW);
        final var claims = SIGNER.verify(token, NOW.plusSeconds(3599)).orElseThrow();
        assertEquals("viewer", claims.user());
        assertEquals("viewer@sdn", claims.userId());
        assertEquals(Set.of("user"), claims.roles());
        assertEquals("fp", claims.passwordFingerprint());
        assertEquals(NOW.plusSeconds(3600), claims.expires());
        assertTrue(SIGNER.verify(token, NOW.plusSeconds(3600)).isEmpty(), "expired at exp");
    }

    @Test
    void anotherKeyOrAChangedPayloadIsRefused() {
        final var token = SIGNER.issue(VIEWER, NOW);
        assertTrue(new TokenSigner(key((byte) 8), Duration.ofHours(1)).verify(token, NOW).isEmpty());
        final var parts = token.split("\\.");
        final var admin = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
            Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"user\"", "\"admin\"")
            .getBytes(StandardCharsets.UTF_8));
        assertTrue(SIGNER.verify(parts[0] + '.' + admin + '.' + parts[2], NOW).isEmpty(), "roles raised");
        assertTrue(SIGNER.verify(parts[0] + '.' + parts[1] + '.', NOW).isEmpty(), "no signature");
        assertTrue(SIGNER.verify(parts[0] + '.' + parts[1], NOW).isEmpty(), "two parts");
        assertTrue(SIGNER.verify("garbage", NOW).isEmpty());
        assertTrue(SIGNER.verify(token + "x", NOW).isEmpty());
    }

    @Test
    void anAlgorithmOtherThanHs256IsRefusedEvenWhenSignedWithTheKey() {
        final var token = SIGNER.issue(VIEWER, NOW);
        final var parts = token.split("\\.");
        final var encoder = Base64.getUrlEncoder().withoutPadding();
        final var headers = List.of("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
            "{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        for (var header : headers) {
            final var forged = encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + '.' + parts[1];
            assertTrue(SIGNER.verify(forged + '.', NOW).isEmpty(), header);
            assertTrue(SIGNER.verify(forged + '.' + parts[2], NOW).isEmpty(), header);
        }
    }

    @Test
    void theFingerprintDependsOnTheKeyAndTheStoredHash() {
        assertEquals(SIGNER.fingerprint("salt$hash"), SIGNER.fingerprint("salt$hash"));
        assertTrue(!SIGNER.fingerprint("salt$hash").equals(SIGNER.fingerprint("salt$hash2")));
        assertTrue(!SIGNER.fingerprint("salt$hash").equals(
            new TokenSigner(key((byte) 8), Duration.ofHours(1)).fingerprint("salt$hash")));
        assertTrue(!SIGNER.fingerprint("salt$hash").contains("hash"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[16], Duration.ofHours(1)));
    }

    private static byte[] key(final byte fill) {
        final var key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
