/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.junit.jupiter.api.Test;

class CookiesTest {
    @Test
    void cookieIsStableAndMarked() {
        final long cookie = Cookies.of(Kind.FILTER, "block-web").longValue();
        assertEquals(cookie, Cookies.of(Kind.FILTER, "block-web").longValue());
        assertTrue(Cookies.isCnsmo(cookie));
        assertTrue(Cookies.isKind(cookie, Kind.FILTER));
        assertFalse(Cookies.isKind(cookie, Kind.FIREWALL_RULE));
    }

    @Test
    void sameNameOfAnotherKindGetsAnotherCookie() {
        assertNotEquals(Cookies.of(Kind.FILTER, "x"), Cookies.of(Kind.FIREWALL_RULE, "x"));
    }

    @Test
    void otherApplicationsCookiesAreNotOurs() {
        assertFalse(Cookies.isCnsmo(0));
        assertFalse(Cookies.isCnsmo(0x1234_5678L));
    }

    @Test
    void tenThousandNamesGetDistinctCookies() {
        final var cookies = new HashSet<Long>();
        for (int i = 0; i < 10_000; i++) {
            cookies.add(Cookies.of(Kind.FILTER, "filter-" + i).longValue());
        }
        assertEquals(10_000, cookies.size());
    }
}
