/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Checks of v1 request bodies with the original API's wording (Joi's): {@code "\"x\" is required"},
 * {@code "\"x\" must be a number"}, {@code "\"x\" is not allowed"}, answered as 400 {@code {"errors": ...}}.
 */
final class Bodies {
    private Bodies() {
        // utility class
    }

    /** The body as an object whose members are all among {@code allowed}. */
    static JsonObject object(final @Nullable JsonElement body, final Set<String> allowed) throws V1Error {
        if (body == null || !body.isJsonObject()) {
            throw V1Error.badBody("\"value\" must be an object");
        }
        final var object = body.getAsJsonObject();
        for (var member : object.keySet()) {
            if (!allowed.contains(member)) {
                throw V1Error.badBody("\"" + member + "\" is not allowed");
            }
        }
        return object;
    }

    /** A required string member. */
    static String string(final JsonObject object, final String member) throws V1Error {
        final var value = optionalString(object, member);
        if (value == null) {
            throw V1Error.badBody("\"" + member + "\" is required");
        }
        return value;
    }

    /** An optional string member, null when absent. */
    static @Nullable String optionalString(final JsonObject object, final String member) throws V1Error {
        final var value = object.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw V1Error.badBody("\"" + member + "\" must be a string");
        }
        return value.getAsString();
    }

    /** A required integer member, given as a JSON number or a numeric string (as Joi's number() took). */
    static long integer(final JsonObject object, final String member) throws V1Error {
        final var value = object.get(member);
        if (value == null || value.isJsonNull()) {
            throw V1Error.badBody("\"" + member + "\" is required");
        }
        final var text = value.isJsonPrimitive() ? value.getAsString().strip() : "";
        if (!text.matches("-?[0-9]{1,10}")) {
            throw V1Error.badBody("\"" + member + "\" must be a number");
        }
        return Long.parseLong(text);
    }
}
