/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * What a v1 token says about its holder.
 *
 * @param user the AAA user name
 * @param userId the AAA user id ({@code name@domain})
 * @param roles the user's roles when the token was issued
 * @param passwordFingerprint {@link TokenSigner#fingerprint(String)} of the user's stored password hash
 * @param expires when the token stops being valid
 */
public record TokenClaims(String user, String userId, Set<String> roles, String passwordFingerprint,
        Instant expires) {
    /** The role that may change intent; every other role only reads. */
    public static final String WRITER_ROLE = "admin";

    public TokenClaims {
        requireNonNull(user);
        requireNonNull(userId);
        roles = Set.copyOf(roles);
        requireNonNull(passwordFingerprint);
        requireNonNull(expires);
    }

    /** Whether the holder may write. */
    public boolean mayWrite() {
        return roles.contains(WRITER_ROLE);
    }
}
