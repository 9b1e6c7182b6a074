/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original CNSMO REST API v1 (see {@code /work/shared/reference/cnsmo-v1-contract.md} of the project and
 * the README's "CNSMO API v1"): paths matched case-insensitively and with or without a trailing slash, bare
 * JSON bodies, {@code POST /authenticate} for a token and {@code Authorization: Bearer <token>} on every other
 * call. Authentication comes first: without a valid token every path, known or not, answers exactly
 * {@code 401 {"errors":"Invalid Token"}}, without a {@code WWW-Authenticate} challenge.
 */
public final class V1Servlet implements Servlet {
    private static final Logger LOG = LoggerFactory.getLogger(V1Servlet.class);
    private static final int MAX_BODY = 64 * 1024;
    private static final String BAD_LOGIN = "Username or password not valid!";

    private final TokenSigner signer;
    private final AaaUsers users;
    private final V1Calls calls;
    private final Clock clock;

    V1Servlet(final TokenSigner signer, final AaaUsers users, final V1Calls calls, final Clock clock) {
        this.signer = requireNonNull(signer);
        this.users = requireNonNull(users);
        this.calls = requireNonNull(calls);
        this.clock = requireNonNull(clock);
    }

    private ServletConfig config;

    @Override
    public void init(final ServletConfig servletConfig) {
        config = servletConfig;
    }

    @Override
    public ServletConfig getServletConfig() {
        return config;
    }

    @Override
    public String getServletInfo() {
        return "CNSMO API v1";
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void service(final ServletRequest req, final ServletResponse res) throws IOException {
        service((HttpServletRequest) req, (HttpServletResponse) res);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void service(final HttpServletRequest request, final HttpServletResponse response)
            throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "no-store");
        final var method = request.getMethod().toUpperCase(Locale.ROOT);
        if ("OPTIONS".equals(method)) {
            preflight(response);
            return;
        }
        final var path = segments(request.getPathInfo());
        V1Answer answer;
        try {
            answer = answer(method, path, request);
        } catch (V1Error e) {
            answer = e.answer();
        } catch (RuntimeException e) {
            LOG.warn("CNSMO v1: {} {} failed", method, request.getPathInfo(), e);
            answer = V1Error.message(500, "Error!").answer();
        }
        send(response, answer);
    }

    private V1Answer answer(final String method, final List<String> path, final HttpServletRequest request)
            throws V1Error, IOException {
        if (path.size() == 1 && "authenticate".equals(lower(path.get(0)))) {
            if (!"POST".equals(method)) {
                throw V1Error.message(405, "Use POST /authenticate");
            }
            return authenticate(body(request));
        }
        final var claims = holder(request.getHeader("Authorization"));
        final var call = calls.find(method, path);
        if (call.write() && !claims.mayWrite()) {
            throw V1Error.message(403, "User '" + claims.user() + "' may only read: this call needs the "
                + TokenClaims.WRITER_ROLE + " role");
        }
        return call.handler().handle(call.parameters(), call.readsBody() ? body(request) : null);
    }

    private V1Answer authenticate(final @Nullable JsonElement body) throws V1Error {
        if (body == null || !body.isJsonObject()) {
            throw V1Error.message(401, BAD_LOGIN);
        }
        final var object = body.getAsJsonObject();
        final var user = object.get("username");
        final var password = object.get("password");
        if (!isString(user) || !isString(password)) {
            throw V1Error.message(401, BAD_LOGIN);
        }
        final var claim = users.login(user.getAsString(), password.getAsString())
            .orElseThrow(() -> V1Error.message(401, BAD_LOGIN));
        final var stored = users.storedPassword(claim.userId()).orElseThrow(() -> V1Error.message(401, BAD_LOGIN));
        final var token = signer.issue(new TokenClaims(claim.user(), claim.userId(), claim.roles(),
            signer.fingerprint(stored), clock.instant()), clock.instant());
        final var json = new JsonObject();
        json.addProperty("token", token);
        return V1Answer.ok(json);
    }

    /** The checked claims of the request's token: signed by us, not expired, its user unchanged in AAA. */
    private TokenClaims holder(final @Nullable String authorization) throws V1Error {
        if (authorization == null) {
            throw V1Error.invalidToken();
        }
        // As the original: "<scheme> <token>", the scheme word (Bearer) is not looked at.
        final var words = authorization.strip().split(" +");
        if (words.length != 2) {
            throw V1Error.invalidToken();
        }
        final var claims = signer.verify(words[1], clock.instant()).orElseThrow(V1Error::invalidToken);
        final var stored = users.storedPassword(claims.userId()).orElseThrow(V1Error::invalidToken);
        if (!MessageDigest.isEqual(signer.fingerprint(stored).getBytes(StandardCharsets.UTF_8),
                claims.passwordFingerprint().getBytes(StandardCharsets.UTF_8))) {
            throw V1Error.invalidToken();
        }
        // What the user may do is what AAA grants now: a role taken away applies to tokens already issued.
        final var roles = users.currentRoles(claims.userId()).orElseThrow(V1Error::invalidToken);
        return new TokenClaims(claims.user(), claims.userId(), roles, claims.passwordFingerprint(), claims.expires());
    }

    private static @Nullable JsonElement body(final HttpServletRequest request) throws V1Error, IOException {
        final var type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            // Express's JSON body parser ignores other bodies, and so does the original.
            return null;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw V1Error.message(413, "The body is larger than " + MAX_BODY + " bytes");
        }
        final byte[] bytes;
        try (var in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw V1Error.message(413, "The body is larger than " + MAX_BODY + " bytes");
        }
        final var text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw V1Error.badBody("The body is not JSON", e);
        }
    }

    private static void preflight(final HttpServletResponse response) {
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE");
        // The headers the GUI sends; a fixed list rather than the request's, mirrored, in a response header.
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
    }

    private static void send(final HttpServletResponse response, final V1Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.body() == null || answer.status() == 204) {
            return;
        }
        final var bytes = answer.body().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The path's segments, without empty ones (so a trailing slash does not matter). */
    static List<String> segments(final @Nullable String pathInfo) {
        if (pathInfo == null) {
            return List.of();
        }
        return Arrays.stream(pathInfo.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    private static boolean isString(final @Nullable JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    private static String lower(final String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
