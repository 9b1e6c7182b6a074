/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body has been read already: {@link #getInputStream()} and {@link #getReader()} replay it.
 */
final class BufferedRequest extends HttpServletRequestWrapper {
    private final ByteArrayInputStream body;
    private final int length;

    /**
     * A request replaying a body.
     *
     * @param request the request, whose body has been consumed
     * @param body the body, which this request owns from now on
     */
    BufferedRequest(final HttpServletRequest request, final byte[] body) {
        super(request);
        this.body = new ByteArrayInputStream(body);
        length = body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new ServletInputStream() {
            @Override
            public int read() {
                return body.read();
            }

            @Override
            public int read(final byte[] buffer, final int offset, final int count) {
                return body.read(buffer, offset, count);
            }

            @Override
            public int available() {
                return body.available();
            }

            @Override
            public boolean isFinished() {
                return body.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(final ReadListener readListener) {
                try {
                    if (body.available() > 0) {
                        readListener.onDataAvailable();
                    }
                    readListener.onAllDataRead();
                } catch (IOException e) {
                    readListener.onError(e);
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        final var encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
            encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
        return length;
    }

    @Override
    public long getContentLengthLong() {
        return length;
    }
}
