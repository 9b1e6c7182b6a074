/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * The response to a write or an RPC: replaces a server error without a body, which is how RESTCONF 9.0.1 answers a
 * body it fails to parse (an RPC input outside its types, an unknown leaf, an array or {@code [null]} where a single
 * value belongs), with a 400 {@code invalid-value}. Every other answer passes through unchanged.
 *
 * <p>Jersey answers an exception that escapes RESTCONF with {@code sendError(500, ...)}, possibly from another thread
 * once the request has gone asynchronous, so the replacement happens there. {@link #replaceEmptyServerError()}
 * covers a 5xx status set without any body by the time the filter chain returns.
 */
final class ParseErrorResponse extends HttpServletResponseWrapper {
    private final String message;
    private boolean bodyStarted;
    private boolean writerTaken;
    private boolean replaced;

    ParseErrorResponse(final HttpServletResponse response, final String message) {
        super(response);
        this.message = message;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        bodyStarted = true;
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        bodyStarted = true;
        writerTaken = true;
        return super.getWriter();
    }

    @Override
    public void sendError(final int status) throws IOException {
        if (!replace(status)) {
            super.sendError(status);
        }
    }

    @Override
    public void sendError(final int status, final String reason) throws IOException {
        if (!replace(status)) {
            super.sendError(status, reason);
        }
    }

    /**
     * Replaces the answer if it is a 5xx without a body and nothing has been sent yet.
     *
     * @return whether it replaced the answer
     * @throws IOException if the client is gone
     */
    boolean replaceEmptyServerError() throws IOException {
        return !bodyStarted && replace(getStatus());
    }

    /** Whether this response now holds the 400. */
    boolean replaced() {
        return replaced;
    }

    /** Whether the application has not begun an answer of its own, so that the 400 may still take its place. */
    boolean untouched() {
        return !bodyStarted && !isCommitted();
    }

    private boolean replace(final int status) throws IOException {
        if (replaced) {
            return true;
        }
        if (status < SC_INTERNAL_SERVER_ERROR || isCommitted()) {
            return false;
        }
        replaced = true;
        RestconfErrors.send((HttpServletResponse) getResponse(), SC_BAD_REQUEST,
            RestconfErrors.body("invalid-value", message), writerTaken);
        return true;
    }
}
