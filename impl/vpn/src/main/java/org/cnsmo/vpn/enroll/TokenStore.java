/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Where {@link EnrollmentTokens} keeps what it knows of each token (never the token itself), so that tokens
 * survive a controller restart and a used token stays used.
 */
public interface TokenStore {
    /**
     * A token and the digest of its text.
     *
     * @param token the token
     * @param digest the SHA-256 of its text
     */
    record Entry(EnrollmentTokens.Token token, byte[] digest) {
    }

    /**
     * Every recorded token.
     *
     * @return the entries
     * @throws IOException if they cannot be read
     */
    List<Entry> load() throws IOException;

    /**
     * Records a token's state; it is durable when this returns.
     *
     * @param entry the token
     * @throws IOException if it could not be recorded
     */
    void save(Entry entry) throws IOException;

    /**
     * Forgets tokens.
     *
     * @param ids their ids
     * @throws IOException if they could not be removed
     */
    void forget(Collection<String> ids) throws IOException;

    /** A store that keeps nothing: tokens live as long as the process. */
    TokenStore MEMORY = new TokenStore() {
        @Override
        public List<Entry> load() {
            return List.of();
        }

        @Override
        public void save(final Entry entry) {
            // nothing kept
        }

        @Override
        public void forget(final Collection<String> ids) {
            // nothing kept
        }
    };
}
