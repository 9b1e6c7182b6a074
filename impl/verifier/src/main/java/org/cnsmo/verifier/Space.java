/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A header-space class: every packet whose source address, destination address, IP protocol and destination
 * port each lie in a range. Matches of CNSMO flows (prefixes, protocols, port/mask blocks) are such boxes, so
 * intersection and difference of boxes evaluate a flow table exactly, for every packet at once.
 *
 * @param source source addresses
 * @param destination destination addresses
 * @param protocol IP protocols
 * @param port destination ports (0 for a protocol without ports)
 */
public record Space(Range source, Range destination, Range protocol, Range port) {
    public static final Space ALL = new Space(Range.ANY_ADDRESS, Range.ANY_ADDRESS, Range.ANY_PROTOCOL,
        Range.ANY_PORT);

    public Space {
        requireNonNull(source);
        requireNonNull(destination);
        requireNonNull(protocol);
        requireNonNull(port);
    }

    /** Whether the two classes have packets in common. */
    public boolean intersects(final Space other) {
        return overlap(source, other.source) && overlap(destination, other.destination)
            && overlap(protocol, other.protocol) && overlap(port, other.port);
    }

    private static boolean overlap(final Range one, final Range two) {
        return one.lower() <= two.upper() && two.lower() <= one.upper();
    }

    /** The common part, or null when there is none. */
    public Space intersect(final Space other) {
        final var src = source.intersect(other.source);
        if (src == null) {
            return null;
        }
        final var dst = destination.intersect(other.destination);
        if (dst == null) {
            return null;
        }
        final var proto = protocol.intersect(other.protocol);
        if (proto == null) {
            return null;
        }
        final var ports = port.intersect(other.port);
        return ports == null ? null : new Space(src, dst, proto, ports);
    }

    public boolean contains(final Space other) {
        return source.contains(other.source) && destination.contains(other.destination)
            && protocol.contains(other.protocol) && port.contains(other.port);
    }

    /**
     * This class without the packets of another, as at most eight disjoint boxes: cut off, one field after
     * the other, what lies below and above the other's range.
     */
    public List<Space> minus(final Space other) {
        if (!intersects(other)) {
            return List.of(this);
        }
        final var common = intersect(other);
        final var pieces = new ArrayList<Space>(8);
        var rest = this;
        for (int field = 0; field < 4; field++) {
            final var mine = rest.field(field);
            final var cut = common.field(field);
            if (mine.lower() < cut.lower()) {
                pieces.add(rest.with(field, new Range(mine.lower(), cut.lower() - 1)));
            }
            if (cut.upper() < mine.upper()) {
                pieces.add(rest.with(field, new Range(cut.upper() + 1, mine.upper())));
            }
            rest = rest.with(field, cut);
        }
        return pieces;
    }

    /** The number of (source, destination, protocol, port) tuples in the class. */
    public double size() {
        return (double) source.size() * destination.size() * protocol.size() * port.size();
    }

    public Space withSource(final Range range) {
        return new Space(range, destination, protocol, port);
    }

    public Space withDestination(final Range range) {
        return new Space(source, range, protocol, port);
    }

    public Space withPort(final Range range) {
        return new Space(source, destination, protocol, range);
    }

    @Override
    public String toString() {
        return "src " + source.toAddresses() + " dst " + destination.toAddresses() + " proto " + protocol
            + " port " + port;
    }

    private Range field(final int index) {
        return switch (index) {
            case 0 -> source;
            case 1 -> destination;
            case 2 -> protocol;
            default -> port;
        };
    }

    private Space with(final int index, final Range range) {
        return switch (index) {
            case 0 -> new Space(range, destination, protocol, port);
            case 1 -> new Space(source, range, protocol, port);
            case 2 -> new Space(source, destination, range, port);
            default -> new Space(source, destination, protocol, range);
        };
    }
}
