/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the v1 API's bearer tokens: JSON Web Tokens signed with HMAC-SHA256 by a key only the
 * controller knows. The header is fixed: a token whose header is not byte for byte the one this class writes
 * (another {@code alg}, {@code none}, extra fields) is refused before anything else is read, so no algorithm
 * confusion is possible. The signature is compared in constant time. A token names the user, carries the
 * user's roles and a fingerprint of the user's stored password (never the password), and expires.
 */
public final class TokenSigner {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
        "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final Duration validity;

    /**
     * A signer.
     *
     * @param key the secret key, at least 32 bytes
     * @param validity how long a token stays valid
     */
    public TokenSigner(final byte[] key, final Duration validity) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The token key has " + key.length + " bytes, at least "
                + MIN_KEY_BYTES + " are needed");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("The token validity must be positive");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
        this.validity = requireNonNull(validity);
    }

    /**
     * A signed token for a user.
     *
     * @param claims who the token is for (its expiry is ignored: it is set from now)
     * @param now the current time
     * @return the token
     */
    public String issue(final TokenClaims claims, final Instant now) {
        final var payload = new JsonObject();
        payload.addProperty("sub", claims.user());
        payload.addProperty("uid", claims.userId());
        final var roles = new JsonArray();
        claims.roles().forEach(roles::add);
        payload.add("roles", roles);
        payload.addProperty("pwf", claims.passwordFingerprint());
        payload.addProperty("iat", now.getEpochSecond());
        payload.addProperty("exp", now.plus(validity).getEpochSecond());
        final var signed = HEADER + '.' + ENCODER.encodeToString(payload.toString()
            .getBytes(StandardCharsets.UTF_8));
        return signed + '.' + ENCODER.encodeToString(mac(signed));
    }

    /**
     * The claims of a token this signer issued, if its signature is right and it has not expired.
     *
     * @param token the token as the client sent it
     * @param now the current time
     * @return the claims, or empty for a token that is malformed, forged or expired
     */
    public Optional<TokenClaims> verify(final String token, final Instant now) {
        final var parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        final byte[] signature;
        final byte[] payloadBytes;
        try {
            signature = DECODER.decode(parts[2]);
            payloadBytes = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(parts[0] + '.' + parts[1]), signature)) {
            return Optional.empty();
        }
        try {
            return claims(JsonParser.parseString(new String(payloadBytes, StandardCharsets.UTF_8)), now);
        } catch (JsonParseException e) {
            // Signed by us, so only a bug could get here; refuse rather than guess.
            return Optional.empty();
        }
    }

    private static Optional<TokenClaims> claims(final JsonElement parsed, final Instant now) {
        if (!parsed.isJsonObject()) {
            return Optional.empty();
        }
        final var payload = parsed.getAsJsonObject();
        final var user = text(payload, "sub");
        final var userId = text(payload, "uid");
        final var fingerprint = text(payload, "pwf");
        final var exp = payload.get("exp");
        final var roleList = payload.get("roles");
        if (user == null || userId == null || fingerprint == null || exp == null || !exp.isJsonPrimitive()
                || !exp.getAsJsonPrimitive().isNumber() || roleList == null || !roleList.isJsonArray()) {
            return Optional.empty();
        }
        final var expires = Instant.ofEpochSecond(exp.getAsLong());
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        final var roles = new LinkedHashSet<String>();
        for (var role : roleList.getAsJsonArray()) {
            if (!role.isJsonPrimitive() || !role.getAsJsonPrimitive().isString()) {
                return Optional.empty();
            }
            roles.add(role.getAsString());
        }
        return Optional.of(new TokenClaims(user, userId, roles, fingerprint, expires));
    }

    private static String text(final JsonObject object, final String member) {
        final var value = object.get(member);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
            ? value.getAsString() : null;
    }

    /**
     * The fingerprint of a stored password hash, under this signer's key: equal for equal hashes, and useless
     * to anyone without the key.
     *
     * @param storedHash the password hash and salt as AAA stores them
     * @return the fingerprint
     */
    public String fingerprint(final String storedHash) {
        final var digest = mac("password:" + storedHash);
        return ENCODER.encodeToString(Arrays.copyOf(digest, 16));
    }

    private byte[] mac(final String text) {
        try {
            final var mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
