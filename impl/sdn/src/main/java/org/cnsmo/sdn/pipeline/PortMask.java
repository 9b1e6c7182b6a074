/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A port match with a bit mask: matches every port p with {@code (p & mask) == value}.
 *
 * @param value the port bits that must match
 * @param mask the bits that are compared; 0xFFFF is an exact port
 */
public record PortMask(int value, int mask) {
    private static final int ALL_BITS = 0xFFFF;

    /** An exact port. */
    public static PortMask exact(final int port) {
        return new PortMask(port, ALL_BITS);
    }

    /**
     * The fewest port/mask matches covering exactly the inclusive range lower..upper. OpenFlow has
     * no range match; each aligned power-of-two block of the range becomes one masked match, so a
     * range needs at most 30 of them.
     */
    public static List<PortMask> cover(final int lower, final int upper) {
        if (lower < 0 || upper > ALL_BITS || lower > upper) {
            throw new IllegalArgumentException("Bad port range " + lower + ".." + upper);
        }
        final var masks = new ArrayList<PortMask>();
        int start = lower;
        while (start <= upper) {
            int size = start == 0 ? ALL_BITS + 1 : Integer.lowestOneBit(start);
            while (start + size - 1 > upper) {
                size >>= 1;
            }
            masks.add(new PortMask(start, ALL_BITS & ~(size - 1)));
            start += size;
        }
        return masks;
    }

    /** Whether the match is a single port. */
    public boolean isExact() {
        return mask == ALL_BITS;
    }

    /** Whether the match accepts the port. */
    public boolean matches(final int port) {
        return (port & mask) == value;
    }
}
