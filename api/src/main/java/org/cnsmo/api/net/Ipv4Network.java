/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.net;

/**
 * An IPv4 network (address and prefix length), with the arithmetic the services need to validate
 * and render address ranges.
 *
 * @param address the address as an unsigned 32-bit value held in an int
 * @param length the prefix length, 0 to 32
 */
public record Ipv4Network(int address, int length) {
    public Ipv4Network {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is not between 0 and 32");
        }
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @param prefix the prefix text
     * @return the network
     * @throws IllegalArgumentException if the text is not an IPv4 prefix
     */
    public static Ipv4Network parse(final String prefix) {
        final int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + prefix + "' is not an IPv4 prefix (a.b.c.d/n)");
        }
        final int length;
        try {
            length = Integer.parseInt(prefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + prefix + "' has no valid prefix length", e);
        }
        return new Ipv4Network(parseAddress(prefix.substring(0, slash)), length);
    }

    /**
     * Parses a dotted-quad IPv4 address.
     *
     * @param text the address
     * @return the address as an int
     * @throws IllegalArgumentException if the text is not an IPv4 address
     */
    public static int parseAddress(final String text) {
        // by hand: the renderer and the validators parse every filter of a bulk write, and a split allocates
        // five objects per address
        int value = 0;
        int at = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at == text.length() || text.charAt(at) != '.') {
                    throw notAnAddress(text);
                }
                at++;
            }
            int number = 0;
            final int from = at;
            while (at < text.length() && at - from < 3 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                number = number * 10 + text.charAt(at++) - '0';
            }
            if (at == from || number > 255) {
                throw notAnAddress(text);
            }
            value = value << 8 | number;
        }
        if (at != text.length()) {
            throw notAnAddress(text);
        }
        return value;
    }

    private static IllegalArgumentException notAnAddress(final String text) {
        return new IllegalArgumentException("'" + text + "' is not an IPv4 address");
    }

    /**
     * Formats an address as a dotted quad.
     *
     * @param address the address
     * @return its text
     */
    public static String formatAddress(final int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "."
            + (address & 0xFF);
    }

    /**
     * The network mask as an int.
     *
     * @return the mask
     */
    public int mask() {
        return length == 0 ? 0 : -1 << 32 - length;
    }

    /**
     * Whether the address has no bits set beyond the prefix length, as in {@code 10.8.0.0/24}.
     *
     * @return true for a canonical prefix
     */
    public boolean isCanonical() {
        return (address & ~mask()) == 0;
    }

    /**
     * The same prefix with the host bits cleared.
     *
     * @return the canonical network
     */
    public Ipv4Network canonical() {
        return new Ipv4Network(address & mask(), length);
    }

    /**
     * The network address.
     *
     * @return the first address of the network
     */
    public int networkAddress() {
        return address & mask();
    }

    /**
     * The broadcast address.
     *
     * @return the last address of the network
     */
    public int broadcastAddress() {
        return networkAddress() | ~mask();
    }

    /**
     * Whether an address lies inside the network.
     *
     * @param other the address
     * @return true if it is inside
     */
    public boolean contains(final int other) {
        return (other & mask()) == networkAddress();
    }

    /**
     * Whether two networks share any address.
     *
     * @param other the other network
     * @return true if they overlap
     */
    public boolean overlaps(final Ipv4Network other) {
        return contains(other.networkAddress()) || other.contains(networkAddress());
    }

    @Override
    public String toString() {
        return formatAddress(address) + "/" + length;
    }
}
