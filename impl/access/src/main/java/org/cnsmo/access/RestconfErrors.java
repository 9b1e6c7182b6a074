/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/**
 * RESTCONF (RFC 8040 section 7.1) error answers in JSON, as RESTCONF itself writes them.
 */
final class RestconfErrors {
    static final String CONTENT_TYPE = "application/yang-data+json";

    private RestconfErrors() {
        // utility class
    }

    /**
     * The body of an answer with one error of type {@code protocol}.
     *
     * @param tag the error-tag, such as {@code malformed-message}
     * @param message the error-message
     * @return the JSON body
     */
    static String body(final String tag, final String message) {
        final var error = new JsonObject();
        error.addProperty("error-type", "protocol");
        error.addProperty("error-tag", tag);
        error.addProperty("error-message", message);
        final var list = new JsonArray();
        list.add(error);
        final var errors = new JsonObject();
        errors.add("error", list);
        final var root = new JsonObject();
        root.add("errors", errors);
        return root.toString();
    }

    /**
     * Answers with an error, through the response's writer if the application has already taken it, otherwise
     * through its output stream with a {@code Content-Length}.
     *
     * @param response an uncommitted response
     * @param status the HTTP status
     * @param body the body from {@link #body(String, String)}
     * @param throughWriter whether to write through {@link HttpServletResponse#getWriter()}
     * @throws IOException if the client is gone
     */
    static void send(final HttpServletResponse response, final int status, final String body,
            final boolean throughWriter) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (throughWriter) {
            response.getWriter().write(body);
        } else {
            final var bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
        response.flushBuffer();
    }
}
