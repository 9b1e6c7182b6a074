/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Cookies of CNSMO flows: {@code 0xCA} in the top byte marks a CNSMO flow, the next byte says
 * which kind of intent produced it, and the low 48 bits are a hash of the intent's name. The
 * cookie is therefore the same after a restart without any stored allocation, distinct per
 * filter and per rule (a 48-bit hash: a collision among 100,000 names has a chance of about
 * 2e-5), and {@link #MARKER_MASK} selects every CNSMO flow and nothing else.
 */
public final class Cookies {
    public static final long MARKER = 0xCAL << 56;
    public static final long MARKER_MASK = 0xFFL << 56;
    public static final long KIND_MASK = 0xFFFFL << 48;

    private static final long NAME_MASK = (1L << 48) - 1;

    /** What produced a flow. */
    public enum Kind {
        /** The per-node base pipeline (classification, defaults, forwarding). */
        NODE(1),
        /** A traffic filter. */
        FILTER(2),
        /** A firewall rule. */
        FIREWALL_RULE(3);

        private final long tag;

        Kind(final int tag) {
            this.tag = (long) tag << 48;
        }
    }

    private Cookies() {
        // utility
    }

    public static Uint64 of(final Kind kind, final String name) {
        return Uint64.fromLongBits(MARKER | kind.tag | nameHash(name));
    }

    public static boolean isCnsmo(final long cookie) {
        return (cookie & MARKER_MASK) == MARKER;
    }

    public static boolean isKind(final long cookie, final Kind kind) {
        return (cookie & KIND_MASK) == (MARKER | kind.tag);
    }

    private static long nameHash(final String name) {
        final byte[] digest = sha256().digest(name.getBytes(UTF_8));
        long hash = 0;
        for (int i = 0; i < 6; i++) {
            hash = hash << 8 | digest[i] & 0xFF;
        }
        return hash & NAME_MASK;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
