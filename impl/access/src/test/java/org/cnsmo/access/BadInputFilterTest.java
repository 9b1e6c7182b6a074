/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class BadInputFilterTest {
    private static final String RECORD = "{\"cnsmo-dns:record\":[{\"name\":\"x\",\"type\":\"A\",\"value\":null}]}";
    private static final String TOKEN = "/operations/cnsmo-vpn:create-enrollment-token";

    private final BadInputFilter filter = new BadInputFilter("Basic YWRtaW46YWRtaW4="::equals);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final AtomicReference<ServletRequest> passed = new AtomicReference<>();
    private final AtomicReference<String> replayed = new AtomicReference<>();

    BadInputFilterTest() throws IOException {
        doReturn(new ServletOutputStream() {
            @Override
            public void write(final int octet) {
                sent.write(octet);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(final WriteListener writeListener) {
                // not asynchronous
            }
        }).when(response).getOutputStream();
    }

    private void request(final String method, final String pathInfo, final String contentType, final String body)
            throws IOException {
        doReturn(method).when(request).getMethod();
        doReturn("/rests").when(request).getContextPath();
        doReturn("").when(request).getServletPath();
        doReturn(pathInfo).when(request).getPathInfo();
        doReturn(contentType).when(request).getContentType();
        doReturn("Basic YWRtaW46YWRtaW4=").when(request).getHeader("Authorization");
        doReturn(-1L).when(request).getContentLengthLong();
        final var bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        doReturn(new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(final ReadListener readListener) {
                // not asynchronous
            }
        }).when(request).getInputStream();
    }

    /** A chain that records the request and its body, then lets the given answer happen. */
    private FilterChain chain(final Answer answer) {
        return (req, resp) -> {
            passed.set(req);
            replayed.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            answer.answer((HttpServletResponse) resp);
        };
    }

    @FunctionalInterface
    private interface Answer {
        void answer(HttpServletResponse response) throws IOException, ServletException;
    }

    private String errorMessage() {
        return JsonParser.parseString(sent.toString(StandardCharsets.UTF_8)).getAsJsonObject()
            .getAsJsonObject("errors").getAsJsonArray("error").get(0).getAsJsonObject()
            .get("error-message").getAsString();
    }

    @Test
    void aNullLeafIsRefusedBeforeRestconf() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns/record=x", "application/yang-data+json", RECORD);

        filter.doFilter(request, response, chain(resp -> { }));

        assertNull(passed.get());
        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        verify(response).setContentType("application/yang-data+json");
        assertEquals("cnsmo-dns:record[0]/value: null is not a valid value; leave the leaf out instead",
            errorMessage());
        assertTrue(sent.toString(StandardCharsets.UTF_8).contains("\"error-tag\":\"malformed-message\""));
    }

    @Test
    void aNullInCapitalsIsRefusedToo() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns/record=x", "application/yang-data+json", RECORD.replace("null", "NULL"));

        filter.doFilter(request, response, chain(resp -> { }));

        assertNull(passed.get(), "Gson reads NULL as null");
        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    @Test
    void aNullInAnRpcInputIsRefusedToo() throws Exception {
        request("POST", TOKEN, "application/json", "{\"input\":{\"node\":null}}");

        filter.doFilter(request, response, chain(resp -> { }));

        assertNull(passed.get());
        assertEquals("input/node: null is not a valid value; leave the leaf out instead", errorMessage());
    }

    @Test
    void aRequestWithoutCredentialsPassesUntouchedSoThatShiroAnswers401() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns/record=x", "application/yang-data+json", RECORD);
        doReturn(null).when(request).getHeader("Authorization");

        filter.doFilter(request, response, chain(resp -> { }));

        assertSame(request, passed.get());
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aRequestWithCredentialsAaaRefusesIsNeverReadSoThatShiroAnswers401() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns/record=x", "application/yang-data+json", RECORD);
        doReturn("Basic YWRtaW46d3Jvbmc=").when(request).getHeader("Authorization");
        doReturn(BadInputFilter.MAX_BODY + 1L).when(request).getContentLengthLong();

        filter.doFilter(request, response, chain(resp -> { }));

        assertSame(request, passed.get());
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns/record=x", "application/yang-data+xml", "<record/>");
        filter.doFilter(request, response, chain(resp -> { }));
        assertSame(request, passed.get());

        request("GET", "/data/cnsmo-dns:dns", "application/yang-data+json", "");
        filter.doFilter(request, response, chain(resp -> { }));
        assertSame(request, passed.get());

        request("POST", "/v1/users", "application/json", RECORD);
        doReturn("/auth").when(request).getContextPath();
        filter.doFilter(request, response, chain(resp -> { }));
        assertSame(request, passed.get());
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aCleanBodyIsReplayed() throws Exception {
        final var body = RECORD.replace("null", "\"10.8.0.1\"");
        request("PATCH", "/data/cnsmo-dns:dns/record=x", "application/yang-data+json", body);

        filter.doFilter(request, response, chain(resp -> { }));

        assertEquals(body, replayed.get());
        assertEquals(body.length(), passed.get().getContentLength());
    }

    @Test
    void aBodyThatIsNotJsonPassesThroughForRestconfToRefuse() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns", "application/yang-data+json", "{\"a\":null");

        filter.doFilter(request, response, chain(resp -> { }));

        assertEquals("{\"a\":null", replayed.get());
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aBodyTooLargeIsRefusedUnread() throws Exception {
        request("PUT", "/data/cnsmo-dns:dns", "application/yang-data+json", "{}");
        doReturn(BadInputFilter.MAX_BODY + 1L).when(request).getContentLengthLong();

        filter.doFilter(request, response, chain(resp -> { }));

        assertNull(passed.get());
        verify(response).setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void anRpcsEmptyServerErrorBecomesABadRequest() throws Exception {
        request("POST", TOKEN, "application/yang-data+json", "{\"input\":{\"node\":\"\",\"validity\":5}}");

        filter.doFilter(request, response, chain(resp -> resp.sendError(500, "Request failed.")));

        assertEquals("{\"input\":{\"node\":\"\",\"validity\":5}}", replayed.get());
        verify(response, never()).sendError(anyInt(), anyString());
        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertEquals("RPC input refused: the input of cnsmo-vpn:create-enrollment-token does not match its YANG "
            + "definition (unknown leaf, or a value outside its type); check node (an empty string)", errorMessage());
        assertTrue(sent.toString(StandardCharsets.UTF_8).contains("\"error-tag\":\"invalid-value\""));
    }

    @Test
    void anRpcsExceptionAfterItsServerErrorIsAnsweredWithTheBadRequest() throws Exception {
        request("POST", TOKEN, "application/yang-data+json", "{\"input\":{\"bogus\":1}}");

        filter.doFilter(request, response, chain(resp -> {
            resp.sendError(500);
            throw new IllegalStateException("unknown leaf");
        }));

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertTrue(errorMessage().startsWith("RPC input refused: the input of cnsmo-vpn:create-enrollment-token"));
    }

    @Test
    void anRpcsServerErrorStatusWithoutBodyBecomesABadRequest() throws Exception {
        request("POST", TOKEN, "application/yang-data+json", "{\"input\":{\"bogus\":1}}");
        doReturn(500).when(response).getStatus();

        filter.doFilter(request, response, chain(resp -> resp.setStatus(500)));

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    @Test
    void anRpcsAnswerWithABodyPassesThrough() throws Exception {
        request("POST", TOKEN, "application/yang-data+json", "{\"input\":{\"node\":\"a\"}}");
        doReturn(500).when(response).getStatus();

        filter.doFilter(request, response, chain(resp -> {
            resp.setStatus(500);
            resp.getOutputStream().write("{\"errors\":{}}".getBytes(StandardCharsets.UTF_8));
        }));

        verify(response, never()).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertEquals("{\"errors\":{}}", sent.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anRpcsOtherErrorsPassThrough() throws Exception {
        request("POST", TOKEN, "application/yang-data+json", "{\"input\":{\"node\":\"a\"}}");

        filter.doFilter(request, response, chain(resp -> resp.sendError(401)));

        verify(response).sendError(401);
        verify(response, never()).setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    @Test
    void aDataWritesEmptyServerErrorBecomesABadRequest() throws Exception {
        // [] or [null] where a leaf value belongs: RESTCONF's parser fails and Jersey answers an empty 500.
        request("PUT", "/data/cnsmo-vpn:vpn/client=a", "application/yang-data+json",
            "{\"cnsmo-vpn:client\":[{\"name\":\"a\",\"static-address\":[]}]}");

        filter.doFilter(request, response, chain(resp -> resp.sendError(500)));

        verify(response, never()).sendError(anyInt());
        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertTrue(errorMessage().startsWith("The body does not match the YANG model of cnsmo-vpn:vpn/client=a"),
            errorMessage());
    }

    @Test
    void aDataServerErrorWithABodyIsLeftAlone() throws Exception {
        request("POST", "/data/cnsmo-dns:dns", "application/yang-data+json", "{\"cnsmo-dns:record\":[]}");
        doReturn(500).when(response).getStatus();

        filter.doFilter(request, response, chain(resp -> {
            resp.setStatus(500);
            resp.getOutputStream().write("{\"errors\":{}}".getBytes(StandardCharsets.UTF_8));
        }));

        verify(response, never()).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertEquals("{\"errors\":{}}", sent.toString(StandardCharsets.UTF_8));
    }
}
