/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Map;

/**
 * The message for an RPC input that RESTCONF 9.0.1 refused with a bare 500: a value outside its YANG type, an unknown
 * leaf. Without the schema it can only point at the leaves that look wrong: an empty string, a negative number, or an
 * object or array where CNSMO's operations expect single values.
 */
final class RpcInputHints {
    private RpcInputHints() {
        // utility class
    }

    /**
     * The error-message.
     *
     * @param rpc the operation, as named in the URL ({@code cnsmo-vpn:create-enrollment-token})
     * @param body the parsed body, or {@code null} if it is not JSON
     * @return the message
     */
    static String message(final String rpc, final JsonElement body) {
        final var message = new StringBuilder("RPC input refused: the input of ").append(rpc)
            .append(" does not match its YANG definition (unknown leaf, or a value outside its type)");
        final var input = input(body);
        if (input != null) {
            final var suspects = new ArrayList<String>();
            for (Map.Entry<String, JsonElement> leaf : input.entrySet()) {
                final var why = suspicion(leaf.getValue());
                if (why != null) {
                    suspects.add(leaf.getKey() + " (" + why + ")");
                }
            }
            if (!suspects.isEmpty()) {
                message.append("; check ").append(String.join(", ", suspects));
            }
        }
        return message.toString();
    }

    /** The {@code input} (or {@code module:input}) object of a body, if that is all the body holds. */
    private static JsonObject input(final JsonElement body) {
        if (body == null || !body.isJsonObject() || body.getAsJsonObject().size() != 1) {
            return null;
        }
        final var member = body.getAsJsonObject().entrySet().iterator().next();
        final var name = member.getKey();
        return ("input".equals(name) || name.endsWith(":input")) && member.getValue().isJsonObject()
            ? member.getValue().getAsJsonObject() : null;
    }

    private static String suspicion(final JsonElement value) {
        if (value.isJsonObject()) {
            return "an object, not a single value";
        }
        if (value.isJsonArray()) {
            return "an array, not a single value";
        }
        if (value.isJsonPrimitive()) {
            final var primitive = value.getAsJsonPrimitive();
            if (primitive.isString() && primitive.getAsString().isEmpty()) {
                return "an empty string";
            }
            if (primitive.isNumber() && primitive.getAsString().startsWith("-")) {
                return "a negative number";
            }
        }
        return null;
    }
}
