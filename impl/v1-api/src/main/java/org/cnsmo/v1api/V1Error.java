/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonObject;

/**
 * A refusal, with the status and the body shape the original API used for it: {@code {"code", "message"}} from
 * its controllers, {@code {"errors": text}} from its authentication and body validation.
 */
public final class V1Error extends Exception {
    /** The exact body the original GUI takes as "session expired". */
    public static final String INVALID_TOKEN = "Invalid Token";
    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean errorsShape;

    private V1Error(final int status, final String message, final boolean errorsShape) {
        super(message);
        this.status = status;
        this.errorsShape = errorsShape;
    }

    /** A refusal with the controllers' shape {@code {"code": status, "message": message}}. */
    public static V1Error message(final int status, final String message) {
        return new V1Error(status, message, false);
    }

    /** As {@link #message(int, String)}, for a refusal caused by another exception. */
    public static V1Error message(final int status, final String message, final Throwable cause) {
        final var error = new V1Error(status, message, false);
        error.initCause(cause);
        return error;
    }

    /** As {@link #badBody(String)}, for a refusal caused by another exception. */
    public static V1Error badBody(final String message, final Throwable cause) {
        final var error = new V1Error(400, message, true);
        error.initCause(cause);
        return error;
    }

    /** A refusal of the request body with the shape {@code {"errors": message}}, status 400. */
    public static V1Error badBody(final String message) {
        return new V1Error(400, message, true);
    }

    /** The 401 for a missing, forged or expired token. */
    public static V1Error invalidToken() {
        return new V1Error(401, INVALID_TOKEN, true);
    }

    /** The answer to send. */
    public V1Answer answer() {
        final var body = new JsonObject();
        if (errorsShape) {
            body.addProperty("errors", getMessage());
        } else {
            body.addProperty("code", status);
            body.addProperty("message", getMessage());
        }
        return new V1Answer(status, body);
    }

    public int status() {
        return status;
    }
}
