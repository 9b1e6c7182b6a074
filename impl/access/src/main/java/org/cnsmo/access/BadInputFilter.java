/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.opendaylight.aaa.api.AuthenticationException;
import org.opendaylight.aaa.api.PasswordCredentialAuth;
import org.opendaylight.aaa.filterchain.configuration.CustomFilterAdapterConstants;
import org.opendaylight.aaa.tokenauthrealm.auth.HttpBasicAuth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers bad JSON input to RESTCONF with a 400 that says what is wrong, where RESTCONF 9.0.1 answers an empty 500.
 *
 * <p>It looks at {@code PUT}, {@code POST} and {@code PATCH} requests under {@code /rests} with a JSON
 * {@code Content-Type} ({@code application/json}, {@code application/yang-data+json},
 * {@code application/yang.patch+json}, ...). It reads their body into memory, at most {@value #MAX_BODY} bytes
 * (a larger one gets a 413 {@code too-big}), and then:
 * <ul>
 *   <li>a body that is not JSON at all passes through unchanged: RESTCONF answers it with a 400;</li>
 *   <li>a body with a JSON {@code null} anywhere (except {@code [null]}, a leaf of type {@code empty}) gets a 400
 *       {@code malformed-message} naming the member, as in {@code cnsmo-dns:record[0]/value}, at once: RESTCONF
 *       hands the {@code null} to the leaf's codec, which fails with a {@code NullPointerException};</li>
 *   <li>a data write goes on to RESTCONF, and an answer that is a 5xx without a body (RESTCONF failed to read
 *       the body: a value of the wrong kind for its leaf) becomes a 400 {@code invalid-value} naming the resource;
 *   <li>the input of an RPC ({@code POST /rests/operations/...}) goes on to RESTCONF, and if the answer is a 5xx
 *       without a body (a value outside its YANG range, length or pattern, or an unknown leaf), it becomes a 400
 *       {@code invalid-value} naming the RPC and the leaves that look wrong, see {@link RpcInputHints}. Any other
 *       answer, a 5xx with a body included, passes through unchanged;</li>
 *   <li>anything else goes on with its body replayed.</li>
 * </ul>
 * Other requests pass through untouched and unbuffered.
 *
 * <p>AAA's filter chain runs this filter in front of its Shiro filter, that is before authentication. Reading a
 * body into memory costs up to {@value #MAX_BODY} bytes per request, so only a request whose credentials AAA
 * accepts is read: this filter checks them first, with AAA's own HTTP Basic parser and password service (which
 * caches the claim, so Shiro's check after it costs little). A request without credentials, or with credentials
 * AAA refuses, passes through untouched and unread, and Shiro answers it with a 401; an anonymous client cannot make
 * the controller hold its bodies. A user whose role may not write may get the 400 for a {@code null} (or the 413)
 * instead of the 403: that answer reveals nothing but the client's own body. The RPC replacement applies only to
 * what RESTCONF answers, after Shiro has let the request through.
 */
@Component(service = Filter.class, property = CustomFilterAdapterConstants.FILTERCHAIN_FILTER + "=true")
public final class BadInputFilter implements Filter {
    private static final String AUTHORIZATION = "Authorization";

    /** The largest body read into memory: 64 MiB. */
    static final int MAX_BODY = 64 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BadInputFilter.class);
    private static final String RESTCONF = "/rests/";
    private static final String OPERATIONS = RESTCONF + "operations/";
    private static final String DATA = RESTCONF + "data/";
    private static final Set<String> WRITES = Set.of("PUT", "POST", "PATCH");

    /** Whether the value of an {@code Authorization} header carries credentials AAA accepts. */
    private final Predicate<String> authenticated;

    /**
     * A filter that lets AAA check the credentials of a request before reading its body.
     *
     * @param passwords AAA's password service
     */
    @Activate
    public BadInputFilter(@Reference final PasswordCredentialAuth passwords) {
        final var basic = new HttpBasicAuth(passwords);
        this.authenticated = header -> accepted(basic, header);
    }

    /**
     * A filter.
     *
     * @param authenticated whether the value of an {@code Authorization} header carries valid credentials
     */
    BadInputFilter(final Predicate<String> authenticated) {
        this.authenticated = authenticated;
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static boolean accepted(final HttpBasicAuth basic, final String header) {
        try {
            return basic.validate(Map.of(AUTHORIZATION, List.of(header))) != null;
        } catch (AuthenticationException e) {
            return false;
        } catch (RuntimeException e) {
            // AAA's parser throws on a malformed header (bad Base64, no colon); Shiro answers it with a 401
            LOG.debug("Unreadable Authorization header", e);
            return false;
        }
    }

    @Override
    public void init(final FilterConfig filterConfig) {
        // nothing to configure
    }

    @Override
    public void doFilter(final ServletRequest request, final ServletResponse response, final FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
                && inScope(http)) {
            filter(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    private boolean inScope(final HttpServletRequest request) {
        if (!WRITES.contains(request.getMethod()) || !path(request).startsWith(RESTCONF)
                || !JsonBodies.isJson(request.getContentType())) {
            return false;
        }
        final var header = request.getHeader(AUTHORIZATION);
        return header != null && authenticated.test(header);
    }

    /** The request's path in the web server, decoded and normalized by the container. */
    private static String path(final HttpServletRequest request) {
        return nonNull(request.getContextPath()) + nonNull(request.getServletPath()) + nonNull(request.getPathInfo());
    }

    private static String nonNull(final String part) {
        return part == null ? "" : part;
    }

    private static void filter(final HttpServletRequest request, final HttpServletResponse response,
            final FilterChain chain) throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY) {
            tooBig(response);
            return;
        }
        final var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            tooBig(response);
            return;
        }

        final var path = path(request);
        final boolean rpc = "POST".equals(request.getMethod()) && path.startsWith(OPERATIONS);
        // an RPC's input is parsed for the hints of a 400 as well; a data write only when it may hold a null
        final var json = rpc || JsonNulls.mayHold(body) ? JsonBodies.parse(body).orElse(null) : null;
        if (json != null) {
            final var nullPath = JsonNulls.findFirst(json);
            if (nullPath.isPresent()) {
                final var member = nullPath.orElseThrow();
                RestconfErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, RestconfErrors.body(
                    "malformed-message", (member.isEmpty() ? "the body" : member)
                        + ": null is not a valid value; leave the leaf out instead"), false);
                return;
            }
        }

        final var replayed = new BufferedRequest(request, body);
        if (rpc) {
            invoke(replayed, new ParseErrorResponse(response, RpcInputHints.message(rpcName(path), json)), chain);
        } else if (path.startsWith(DATA)) {
            invoke(replayed, new ParseErrorResponse(response, "The body does not match the YANG model of "
                + path.substring(DATA.length()) + ": a value of the wrong kind (an array, an object or [null] where "
                + "a single value belongs, or a single value where a list belongs)"), chain);
        } else {
            chain.doFilter(replayed, response);
        }
    }

    /** The operation a path names: {@code cnsmo-vpn:create-enrollment-token}. */
    private static String rpcName(final String path) {
        final var rest = path.substring(OPERATIONS.length());
        final int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static void invoke(final HttpServletRequest request, final ParseErrorResponse response,
            final FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            // Jersey rethrows what no exception mapper took, usually after its sendError(500) became the 400
            if (!response.replaced() && !response.untouched()) {
                throw e;
            }
            LOG.debug("RESTCONF failed on the input of {}, answering 400", request.getRequestURI(), e);
            // becomes the 400, unless it is one already
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        if (!request.isAsyncStarted()) {
            response.replaceEmptyServerError();
        }
    }

    private static void tooBig(final HttpServletResponse response) throws IOException {
        RestconfErrors.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, RestconfErrors.body("too-big",
            "the body is larger than " + MAX_BODY / (1024 * 1024) + " MiB"), false);
    }
}
