/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

/**
 * Assertions on RESTCONF answers shared by the model tests.
 */
public final class RestAssertions {
    private RestAssertions() {
        // utility class
    }

    public static void assertStatus(final int expected, final RestconfClient.Response response) {
        assertEquals(expected, response.status(), () -> "unexpected answer " + response);
    }

    /** A refused write: 400 whose error-message contains the expected words. */
    public static void assertRefused(final RestconfClient.Response response, final String expectedMessage) {
        assertStatus(400, response);
        final var message = response.errorMessage();
        assertTrue(message.contains(expectedMessage),
            () -> "error-message '" + message + "' does not mention '" + expectedMessage + "'");
    }

    /** The configuration at a path is exactly the given JSON (key order ignored). */
    public static void assertConfig(final RestconfClient client, final String path, final String expectedJson)
            throws IOException, InterruptedException {
        final var response = client.getConfig(path);
        assertStatus(200, response);
        assertEquals(canonical(JsonParser.parseString(expectedJson)), canonical(response.json()), path);
    }

    /** The same JSON with the elements of every array sorted, since YANG lists keep no order. */
    private static JsonElement canonical(final JsonElement json) {
        if (json.isJsonObject()) {
            final var sorted = new JsonObject();
            json.getAsJsonObject().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.add(entry.getKey(), canonical(entry.getValue())));
            return sorted;
        }
        if (json.isJsonArray()) {
            final var sorted = new JsonArray();
            json.getAsJsonArray().asList().stream()
                .map(RestAssertions::canonical)
                .sorted(Comparator.comparing(JsonElement::toString))
                .forEach(sorted::add);
            return sorted;
        }
        return json;
    }

    /** Nothing is configured at the path. */
    public static void assertAbsent(final RestconfClient client, final String path)
            throws IOException, InterruptedException {
        assertStatus(409, client.getConfig(path));
    }
}
