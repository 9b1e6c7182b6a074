/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaproxyStatsTest {
    /**
     * A real answer of HAProxy 2.6.12 (Debian 12) to {@code show stat}: lb-web has member a refused and member b
     * up after one proxied connection; lb-api's only member answers its HTTP check with 404.
     */
    private static String recorded() throws IOException {
        try (var in = HaproxyStatsTest.class.getResourceAsStream("/show-stat-haproxy-2.6.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsBalancersAndMembersFromARealAnswer() throws IOException {
        final var stats = HaproxyStats.parse(recorded());
        assertEquals(2, stats.size());

        final var web = stats.get("web");
        assertTrue(web.up());
        final var refused = web.members().get("a");
        assertFalse(refused.healthy());
        assertEquals("DOWN", refused.status());
        assertEquals(Optional.of("L4CON: Connection refused"), refused.lastCheck());
        final var b = web.members().get("b");
        assertTrue(b.healthy());
        assertEquals(1, b.totalSessions());
        assertEquals(0, b.currentSessions());
        assertEquals(79, b.bytesIn());
        assertEquals(461, b.bytesOut());
        assertEquals(Optional.of("L4OK: Layer4 check passed"), b.lastCheck());

        final var api = stats.get("api");
        assertFalse(api.up());
        assertEquals(Optional.of("L7STS: File not found"), api.members().get("a").lastCheck());
    }

    @Test
    void leavesOtherProxiesOutAndToleratesShortRows() {
        final var stats = HaproxyStats.parse("""
            # pxname,svname,scur,stot,status
            stats,FRONTEND,0,0,OPEN
            lb-x,m,1,2
            lb-x,BACKEND,0,0,UP
            """);
        assertEquals(1, stats.size());
        final var member = stats.get("x").members().get("m");
        assertFalse(member.healthy());
        assertEquals(1, member.currentSessions());
        assertEquals(Optional.empty(), member.lastCheck());
    }

    @Test
    void refusesAnAnswerWithoutHeader() {
        assertThrows(IllegalArgumentException.class, () -> HaproxyStats.parse("Unknown command.\n"));
    }
}
