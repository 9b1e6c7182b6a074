/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import org.cnsmo.api.net.Ipv4Network;

/**
 * An inclusive range of values of one header field: addresses as unsigned 32-bit numbers, protocols,
 * ports. A prefix and an aligned port/mask block are both ranges, which is why the verifier works on
 * ranges instead of bit patterns.
 *
 * @param lower the first value
 * @param upper the last value, not below lower
 */
public record Range(long lower, long upper) {
    public static final long LAST_ADDRESS = 0xFFFF_FFFFL;
    public static final Range ANY_ADDRESS = new Range(0, LAST_ADDRESS);
    public static final Range ANY_PROTOCOL = new Range(0, 255);
    public static final Range ANY_PORT = new Range(0, 65_535);

    public Range {
        if (lower > upper) {
            throw new IllegalArgumentException("Empty range " + lower + ".." + upper);
        }
    }

    public static Range of(final long value) {
        return new Range(value, value);
    }

    /** The addresses of a prefix. */
    public static Range of(final Ipv4Network network) {
        final var canonical = network.canonical();
        return new Range(Integer.toUnsignedLong(canonical.networkAddress()),
            Integer.toUnsignedLong(canonical.broadcastAddress()));
    }

    /** The range of one address, given as text. */
    public static Range address(final String address) {
        return of(Integer.toUnsignedLong(Ipv4Network.parseAddress(address)));
    }

    /** The values an aligned value/mask block matches, such as a port/mask match. */
    public static Range ofMask(final long value, final long mask, final long width) {
        final long all = (1L << width) - 1;
        final long low = value & mask & all;
        return new Range(low, low | ~mask & all);
    }

    public boolean contains(final long value) {
        return lower <= value && value <= upper;
    }

    public boolean contains(final Range other) {
        return lower <= other.lower && other.upper <= upper;
    }

    /** The common part, or null when there is none. */
    public Range intersect(final Range other) {
        final long low = Math.max(lower, other.lower);
        final long high = Math.min(upper, other.upper);
        return low <= high ? new Range(low, high) : null;
    }

    public long size() {
        return upper - lower + 1;
    }

    /** The range as addresses: one address, a prefix when it is one, else first-last. */
    public String toAddresses() {
        if (lower == upper) {
            return format(lower);
        }
        final long size = size();
        if (Long.bitCount(size) == 1 && lower % size == 0) {
            return format(lower) + "/" + (32 - Long.numberOfTrailingZeros(size));
        }
        return format(lower) + "-" + format(upper);
    }

    @Override
    public String toString() {
        return lower == upper ? Long.toString(lower) : lower + "-" + upper;
    }

    private static String format(final long address) {
        return Ipv4Network.formatAddress((int) address);
    }
}
