/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognizes and parses the JSON bodies RESTCONF reads.
 */
final class JsonBodies {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);

    private JsonBodies() {
        // utility class
    }

    /**
     * Whether a {@code Content-Type} is JSON: {@code application/json} or any {@code application/...+json}, such
     * as {@code application/yang-data+json} and {@code application/yang.patch+json}.
     *
     * @param contentType the header, possibly {@code null} or with parameters
     * @return {@code true} for JSON
     */
    static boolean isJson(final String contentType) {
        if (contentType == null) {
            return false;
        }
        final int semicolon = contentType.indexOf(';');
        final var type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
            .toLowerCase(Locale.ROOT);
        return "application/json".equals(type) || type.startsWith("application/") && type.endsWith("+json");
    }

    /**
     * Parses a body as RESTCONF does: UTF-8, Gson's default (not lenient) reader, one value and nothing after it.
     *
     * @param body the body
     * @return the value, or empty if the body is not JSON
     */
    static Optional<JsonElement> parse(final byte[] body) {
        try (var reader = new JsonReader(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            final var value = ELEMENT.read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(value) : Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
