/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time, expiring enrollment tokens. A token reads {@code <id>.<secret>}; only the SHA-256 digest of the
 * whole token is kept, so the list of tokens (published without digests) gives nothing away. Every change is
 * recorded in a {@link TokenStore} before it is acted on, so tokens survive a controller restart and a used
 * token stays used. Thread-safe.
 */
public final class EnrollmentTokens {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentTokens.class);

    /**
     * What is known of a token.
     *
     * @param id public identifier
     * @param node name of the node it enrolls
     * @param staticAddress overlay address requested for the node
     * @param expires when it stops working
     * @param used whether it has been used
     */
    public record Token(String id, String node, Optional<String> staticAddress, Instant expires, boolean used) {
        Token spent() {
            return new Token(id, node, staticAddress, expires, true);
        }
    }

    /**
     * A new token, with the secret text shown only once.
     *
     * @param text the full token, {@code <id>.<secret>}
     * @param token what is kept of it
     */
    public record Issued(String text, Token token) {
    }

    /** Why a token was refused. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(final String message) {
            super(message);
        }
    }

    /** Expired and used tokens stay listed this long, then are forgotten. */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    private static final int ID_BYTES = 4;
    private static final int SECRET_BYTES = 24;

    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Map<String, byte[]> digests = new LinkedHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final TokenStore store;

    /** Tokens kept in memory only, for tests. */
    public EnrollmentTokens(final SecureRandom random, final Clock clock) {
        this(random, clock, TokenStore.MEMORY, List.of());
    }

    /**
     * Tokens recorded in a store, starting from what it holds.
     *
     * @param random the source of secrets
     * @param clock the clock
     * @param store where changes are recorded
     * @param recorded what the store held at start
     */
    public EnrollmentTokens(final SecureRandom random, final Clock clock, final TokenStore store,
            final List<TokenStore.Entry> recorded) {
        this.random = random;
        this.clock = clock;
        this.store = store;
        for (var entry : recorded) {
            tokens.put(entry.token().id(), entry.token());
            digests.put(entry.token().id(), entry.digest().clone());
        }
    }

    /**
     * Creates a token.
     *
     * @param node the node it enrolls
     * @param staticAddress the node's requested overlay address
     * @param validity how long it works
     * @return the token with its secret
     */
    public synchronized Issued create(final String node, final Optional<String> staticAddress,
            final Duration validity) throws IOException {
        forgetOld();
        String id;
        do {
            id = HexFormat.of().formatHex(bytes(ID_BYTES));
        } while (tokens.containsKey(id));
        final var text = id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
        final var token = new Token(id, node, staticAddress, clock.instant().plus(validity), false);
        final var digest = digest(text);
        // Recorded first: a token handed out is one the controller will still know after a restart.
        store.save(new TokenStore.Entry(token, digest));
        tokens.put(id, token);
        digests.put(id, digest);
        return new Issued(text, token);
    }

    /**
     * Uses a token: it must exist, be unused and not expired. It is then spent.
     *
     * @param text the full token
     * @return the token
     * @throws RefusedException with a message for the user when it cannot be used
     * @throws IOException if its use cannot be recorded: it is then not spent
     */
    public synchronized Token redeem(final String text) throws RefusedException, IOException {
        final int dot = text.indexOf('.');
        final var id = dot < 0 ? text : text.substring(0, dot);
        final var token = tokens.get(id);
        if (token == null || !MessageDigest.isEqual(digests.get(id), digest(text))) {
            throw new RefusedException("The enrollment token is not valid: it is unknown to this controller "
                + "(mistyped, or created before the controller restarted). Ask the administrator for a new one.");
        }
        if (token.used()) {
            throw new RefusedException("The enrollment token " + id + " has already been used. "
                + "Ask the administrator for a new one.");
        }
        if (!clock.instant().isBefore(token.expires())) {
            throw new RefusedException("The enrollment token " + id + " expired at " + token.expires()
                + ". Ask the administrator for a new one.");
        }
        final var spent = token.spent();
        // Recorded before the enrollment goes on: a used token stays used across a restart.
        store.save(new TokenStore.Entry(spent, digests.get(id)));
        tokens.put(id, spent);
        return spent;
    }

    /**
     * Makes a token usable again after an enrollment that failed on the controller's side.
     *
     * @param id the token's id
     */
    public synchronized void giveBack(final String id) {
        final var token = tokens.computeIfPresent(id, (key, spent) -> new Token(spent.id(), spent.node(),
            spent.staticAddress(), spent.expires(), false));
        if (token != null) {
            try {
                store.save(new TokenStore.Entry(token, digests.get(id)));
            } catch (IOException e) {
                LOG.warn("Cannot record that enrollment token {} is usable again; after a restart it counts as used",
                    id, e);
            }
        }
    }

    /**
     * The tokens, oldest first.
     *
     * @return the tokens
     */
    public synchronized List<Token> list() {
        forgetOld();
        return List.copyOf(tokens.values());
    }

    private void forgetOld() {
        final var horizon = clock.instant().minus(KEEP_EXPIRED);
        final var old = tokens.values().stream().filter(token -> token.expires().isBefore(horizon))
            .map(Token::id).toList();
        if (old.isEmpty()) {
            return;
        }
        try {
            store.forget(old);
        } catch (IOException e) {
            LOG.warn("Cannot forget expired enrollment tokens {}; trying again later", old, e);
            return;
        }
        old.forEach(tokens::remove);
        digests.keySet().retainAll(tokens.keySet());
    }

    private byte[] bytes(final int count) {
        final var result = new byte[count];
        random.nextBytes(result);
        return result;
    }

    private static byte[] digest(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
