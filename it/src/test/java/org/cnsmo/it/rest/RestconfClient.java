/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A RESTCONF (RFC 8040) client speaking JSON to the controller under test.
 */
public final class RestconfClient {
    private static final String JSON = "application/yang-data+json";

    private final HttpClient http;
    private final String base;
    private final String authorization;

    RestconfClient(final HttpClient http, final String base, final String user, final String password) {
        this.http = http;
        this.base = base;
        authorization = user == null ? null : "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpClient plainHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same controller, as another user. */
    public RestconfClient as(final String user, final String password) {
        return new RestconfClient(http, base, user, password);
    }

    /** The same controller, without credentials. */
    public RestconfClient anonymous() {
        return new RestconfClient(http, base, null, null);
    }

    /**
     * A RESTCONF answer.
     *
     * @param status HTTP status
     * @param body response body, possibly empty
     */
    public record Response(int status, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** The error-message of the first RESTCONF error in the body. */
        public String errorMessage() {
            final JsonElement error = json().getAsJsonObject("errors").getAsJsonArray("error").get(0);
            return error.getAsJsonObject().get("error-message").getAsString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(final String path) throws IOException, InterruptedException {
        return send(request("data/" + path).GET());
    }

    /** The configuration only, without the observed state RESTCONF adds by default. */
    public Response getConfig(final String path) throws IOException, InterruptedException {
        return send(request("data/" + path + "?content=config").GET());
    }

    public Response getOperational(final String path) throws IOException, InterruptedException {
        return send(request("data/" + path + "?content=nonconfig").GET());
    }

    public Response put(final String path, final String json) throws IOException, InterruptedException {
        return send(request("data/" + path).PUT(BodyPublishers.ofString(json)));
    }

    public Response patch(final String path, final String json) throws IOException, InterruptedException {
        return send(request("data/" + path).method("PATCH", BodyPublishers.ofString(json)));
    }

    public Response post(final String path, final String json) throws IOException, InterruptedException {
        return send(request("data/" + path).POST(BodyPublishers.ofString(json)));
    }

    public Response delete(final String path) throws IOException, InterruptedException {
        return send(request("data/" + path).DELETE());
    }

    public Response invoke(final String rpc, final String json) throws IOException, InterruptedException {
        return send(request("operations/" + rpc).POST(BodyPublishers.ofString(json)));
    }

    /** A request to any path of the web server, such as AAA's {@code auth/v1/users}. */
    public Response request(final String method, final String path, final String contentType, final String body)
            throws IOException, InterruptedException {
        final var request = HttpRequest.newBuilder(URI.create(base + "/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpRequest.Builder request(final String path) {
        final var request = HttpRequest.newBuilder(URI.create(base + "/rests/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", JSON)
            .header("Accept", JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Response send(final HttpRequest.Builder request) throws IOException, InterruptedException {
        final var response = http.send(request.build(), BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
