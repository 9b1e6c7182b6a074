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
import org.eclipse.jdt.annotation.Nullable;

/**
 * One answer of the v1 API: a status and a bare JSON body (no envelope), or no body at all for a 204.
 *
 * @param status the HTTP status
 * @param body the JSON body, null for a 204
 */
public record V1Answer(int status, @Nullable JsonElement body) {
    /** 204 with no body, which the original GUI reads as {@code null}. */
    public static final V1Answer NO_CONTENT = new V1Answer(204, null);

    /** 200 with a JSON body. */
    public static V1Answer ok(final JsonElement body) {
        return new V1Answer(200, body);
    }

    /** 200 with the original's "nothing" body, {@code {}}. */
    public static V1Answer empty() {
        return new V1Answer(200, new JsonObject());
    }
}
