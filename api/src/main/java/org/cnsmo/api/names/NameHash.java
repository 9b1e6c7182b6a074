/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.names;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.cnsmo.api.validation.Violation;

/**
 * The 48-bit hash of an intent's name that the low bits of its flows' cookies carry, so that a cookie is the
 * same after a restart without any stored allocation. Two names with the same hash could not be told apart on
 * a switch (their counters would merge and a repair would delete one's flows), so validation refuses a name
 * whose hash another name of the same kind already has ({@link #collisions}). Finding such a pair takes about
 * 2^24 tries: rare by chance, easy on purpose.
 */
public final class NameHash {
    /** The bits a hash occupies. */
    public static final long MASK = (1L << 48) - 1;

    private NameHash() {
        // utility class
    }

    /**
     * The hash of a name: the first 48 bits of its UTF-8 SHA-256.
     *
     * @param name the name
     * @return its hash, within {@link #MASK}
     */
    public static long of(final String name) {
        return of(sha256(), name);
    }

    /** The hash of a name with a digest the caller reuses: looking one up costs several times the hash. */
    private static long of(final MessageDigest sha256, final String name) {
        final byte[] digest = sha256.digest(name.getBytes(UTF_8));
        long hash = 0;
        for (int i = 0; i < 6; i++) {
            hash = hash << 8 | digest[i] & 0xFF;
        }
        return hash & MASK;
    }

    /**
     * Refuses each written name whose hash another name of the same list has.
     *
     * @param all every name of the list after the transaction
     * @param written the names the transaction writes; those it deletes (absent from {@code all}) are ignored
     * @param path the error path of a name's entry
     * @param kind what the names name, for the message ("rule", "filter")
     * @return a violation per written name that collides, naming both
     */
    public static List<Violation> collisions(final Collection<String> all, final Set<String> written,
            final Function<String, String> path, final String kind) {
        if (written.isEmpty()) {
            return List.of();
        }
        // One hash per name and one digest for them all: a commit of one entry among 10,000 hashes all of them,
        // and a load of 10,000 entries writes them all.
        final var sha256 = sha256();
        final var firstByHash = new HashMap<Long, String>();
        final var clashes = new LinkedHashMap<Long, List<String>>();
        for (var name : all) {
            final long hash = of(sha256, name);
            final var first = firstByHash.putIfAbsent(hash, name);
            if (first != null && !first.equals(name)) {
                clashes.computeIfAbsent(hash, key -> new ArrayList<>(List.of(first))).add(name);
            }
        }
        final var violations = new ArrayList<Violation>();
        for (var names : clashes.values()) {
            // the written name reported is the last of them in order, against each other name of its hash
            final var mine = names.stream().filter(written::contains).max(Comparator.naturalOrder()).orElse(null);
            if (mine == null) {
                continue;
            }
            final var cookie = String.format("%012x", of(mine));
            for (var other : names) {
                if (!other.equals(mine)) {
                    violations.add(new Violation(path.apply(mine), kind + " name '" + mine + "' cannot be told apart "
                        + "from " + kind + " '" + other + "' on the switches (the names hash to the same flow cookie "
                        + cookie + "); choose another name"));
                }
            }
        }
        return violations;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
