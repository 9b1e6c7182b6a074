/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a JSON {@code null} in a request body. RESTCONF 9.0.1 hands a {@code null} leaf value to the leaf's codec,
 * which fails with a bare 500.
 *
 * <p>The one exception is {@code [null]} as a member's value: RFC 7951 section 6.9 encodes a leaf of type
 * {@code empty} that way.
 */
final class JsonNulls {
    private JsonNulls() {
        // utility class
    }

    /**
     * The path of the first {@code null} in document order: member names separated by {@code /}, array elements
     * as {@code [index]} after their member, as in {@code cnsmo-dns:record[0]/value}. A body that is {@code null}
     * itself has the empty path.
     *
     * @param json a parsed body, which Gson's reader has already limited in depth
     * @return the path of the first {@code null}, or empty when there is none
     */
    static Optional<String> findFirst(final JsonElement json) {
        return Optional.ofNullable(find(json, ""));
    }

    /**
     * Whether a body may hold a {@code null} at all: whether the four letters appear in it, in any case (Gson reads
     * {@code NULL} and {@code Null} as {@code null} too). A body without them holds none, and needs no parse: a
     * bulk write of ten thousand entries is checked without building its tree.
     *
     * @param body a body, UTF-8 (every byte of a multi-byte character is above 0x7F, so none is a letter)
     * @return false only if the body holds no {@code null}
     */
    static boolean mayHold(final byte[] body) {
        for (int i = 0; i + 3 < body.length; i++) {
            if ((body[i] | 0x20) == 'n' && (body[i + 1] | 0x20) == 'u' && (body[i + 2] | 0x20) == 'l'
                    && (body[i + 3] | 0x20) == 'l') {
                return true;
            }
        }
        return false;
    }

    private static String find(final JsonElement json, final String path) {
        if (json.isJsonNull()) {
            return path;
        }
        if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                final var value = member.getValue();
                if (isEmptyLeaf(value)) {
                    continue;
                }
                final var found = find(value, path.isEmpty() ? member.getKey() : path + "/" + member.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (json.isJsonArray()) {
            final var array = json.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                final var found = find(array.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The RFC 7951 value of a leaf of type {@code empty}. */
    private static boolean isEmptyLeaf(final JsonElement value) {
        return value instanceof JsonArray array && array.size() == 1 && array.get(0).isJsonNull();
    }
}
