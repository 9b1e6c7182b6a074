/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls the CNSMO API v1 on the test controller as the original GUI did: Content-Type application/json on
 * every request, Authorization: Bearer on every call but /authenticate. The static methods go to plain HTTP on
 * loopback (8181); {@link #https(Controller)} gives a client for HTTPS on 8443, which the controller serves on
 * every address, trusting only the controller's CA and checking the host name.
 */
public final class V1Client {
    private static final String PATH = "/api/v1";
    private static final V1Client LOOPBACK = new V1Client(HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:8181" + PATH);

    private final HttpClient http;
    private final String base;

    private V1Client(final HttpClient http, final String base) {
        this.http = http;
        this.base = base;
    }

    /** A client of the API over HTTPS on 8443. */
    public static V1Client https(final Controller controller) throws IOException, GeneralSecurityException {
        return new V1Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .sslContext(controller.trustingItsCa()).build(), Controller.httpsBase() + PATH);
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body the body, possibly empty
     * @param headers the headers
     */
    public record Answer(int status, String body, HttpHeaders headers) {
        public JsonElement json() {
            return JsonParser.parseString(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A token for a user, over plain HTTP on loopback; checks that the password is not inside it. */
    public static String login(final String user, final String password) throws Exception {
        return LOOPBACK.authenticate(user, password);
    }

    /** A call with a bearer token, over plain HTTP on loopback. */
    public static Answer call(final String method, final String path, final String token, final String body)
            throws IOException, InterruptedException {
        return LOOPBACK.request(method, path, token, body);
    }

    /** A call with any Authorization header (or none), over plain HTTP on loopback. */
    public static Answer send(final String method, final String path, final String authorization,
            final String body) throws IOException, InterruptedException {
        return LOOPBACK.exchange(method, path, authorization, body);
    }

    /** A token for a user; checks that the password is not inside it. */
    public String authenticate(final String user, final String password) throws Exception {
        final var answer = exchange("POST", "/authenticate", null, """
            {"username":"%s","password":"%s"}""".formatted(user, password));
        assertEquals(200, answer.status(), answer.toString());
        final var token = answer.json().getAsJsonObject().get("token").getAsString();
        assertFalse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)
            .contains(password), "the password is not in the token");
        return token;
    }

    /** A call with a bearer token. */
    public Answer request(final String method, final String path, final String token, final String body)
            throws IOException, InterruptedException {
        return exchange(method, path, "Bearer " + token, body);
    }

    /** A call with any Authorization header, or none when null. */
    public Answer exchange(final String method, final String path, final String authorization,
            final String body) throws IOException, InterruptedException {
        final var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        final var response = http.send(request.build(), BodyHandlers.ofString());
        final var answer = new Answer(response.statusCode(), response.body(), response.headers());
        if (answer.status() == 204) {
            assertNull(response.headers().firstValue("Content-Type").orElse(null), "no body on a 204");
        }
        return answer;
    }
}
