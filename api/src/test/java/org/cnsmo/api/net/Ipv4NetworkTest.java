/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4NetworkTest {
    @Test
    void parsesAndFormatsPrefix() {
        final var net = Ipv4Network.parse("10.8.0.0/24");
        assertEquals("10.8.0.0/24", net.toString());
        assertEquals("10.8.0.255", Ipv4Network.formatAddress(net.broadcastAddress()));
        assertTrue(net.isCanonical());
    }

    @Test
    void hostBitsMakePrefixNonCanonical() {
        final var net = Ipv4Network.parse("10.8.0.7/24");
        assertFalse(net.isCanonical());
        assertEquals("10.8.0.0/24", net.canonical().toString());
    }

    @Test
    void containsOnlyAddressesOfTheNetwork() {
        final var net = Ipv4Network.parse("192.168.10.0/28");
        assertTrue(net.contains(Ipv4Network.parseAddress("192.168.10.15")));
        assertFalse(net.contains(Ipv4Network.parseAddress("192.168.10.16")));
    }

    @Test
    void zeroLengthPrefixContainsEverything() {
        final var any = Ipv4Network.parse("0.0.0.0/0");
        assertTrue(any.contains(Ipv4Network.parseAddress("255.255.255.255")));
        assertTrue(any.overlaps(Ipv4Network.parse("10.0.0.0/8")));
    }

    @Test
    void disjointNetworksDoNotOverlap() {
        assertFalse(Ipv4Network.parse("10.0.0.0/24").overlaps(Ipv4Network.parse("10.0.1.0/24")));
        assertTrue(Ipv4Network.parse("10.0.0.0/16").overlaps(Ipv4Network.parse("10.0.1.0/24")));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse("10.0.0.300/8"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse("10.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse("10.0.0.0/33"));
    }

    @Test
    void anAddressIsFourDecimalOctetsAndNothingElse() {
        assertEquals(0x0A00_00FF, Ipv4Network.parseAddress("10.0.0.255"));
        assertEquals(0xC0A8_0A0F, Ipv4Network.parseAddress("192.168.010.15"));
        for (var bad : List.of("", "1.2.3", "1.2.3.4.", "1.2.3.4.5", "1..2.3", "1.2.3.256", "1.2.3.1000", "-0.1.2.3",
                "+1.2.3.4", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.0x1")) {
            final var thrown = assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parseAddress(bad), bad);
            assertEquals("'" + bad + "' is not an IPv4 address", thrown.getMessage());
        }
    }
}
