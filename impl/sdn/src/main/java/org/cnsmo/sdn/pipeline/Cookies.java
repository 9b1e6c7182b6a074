/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import org.cnsmo.api.names.NameHash;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Cookies of CNSMO flows: {@code 0xCA} in the top byte marks a CNSMO flow, the next byte says
 * which kind of intent produced it, and the low 48 bits are a hash of the intent's name. The
 * cookie is therefore the same after a restart without any stored allocation, distinct per
 * filter and per rule ({@link NameHash}: validation refuses a name whose hash another name of its kind has),
 * and {@link #MARKER_MASK} selects every CNSMO flow and nothing else.
 */
public final class Cookies {
    public static final long MARKER = 0xCAL << 56;
    public static final long MARKER_MASK = 0xFFL << 56;
    public static final long KIND_MASK = 0xFFFFL << 48;

    /** What produced a flow. */
    public enum Kind {
        /** The per-node base pipeline (classification, defaults, forwarding). */
        NODE(1),
        /** A traffic filter. */
        FILTER(2),
        /** A firewall rule. */
        FIREWALL_RULE(3),
        /** A QoS policy. */
        QOS_POLICY(4);

        private final long tag;

        Kind(final int tag) {
            this.tag = (long) tag << 48;
        }
    }

    private Cookies() {
        // utility
    }

    public static Uint64 of(final Kind kind, final String name) {
        return Uint64.fromLongBits(MARKER | kind.tag | NameHash.of(name));
    }

    public static boolean isCnsmo(final long cookie) {
        return (cookie & MARKER_MASK) == MARKER;
    }

    public static boolean isKind(final long cookie, final Kind kind) {
        return (cookie & KIND_MASK) == (MARKER | kind.tag);
    }
}
