/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.opendaylight.aaa.filterchain.configuration.CustomFilterAdapterConstants;
import org.osgi.service.component.annotations.Component;

/**
 * Answers 403 Forbidden, with a RESTCONF {@code access-denied} error, when an authenticated user lacks the role a
 * request needs. Shiro's authorization filters answer such requests with a bare 401, which tells a client its
 * credentials are wrong when they are right. A 401 for missing or wrong credentials carries a
 * {@code WWW-Authenticate} challenge and passes through unchanged.
 *
 * <p>A script that sends {@code X-Requested-With: XMLHttpRequest}, as the dashboard does, gets its 401 without the
 * challenge, so that the browser does not open its own login dialog over the page's.
 *
 * <p>AAA's filter chain runs this filter in front of its Shiro filter in RESTCONF's and AAA's own web contexts.
 */
@Component(service = Filter.class, property = CustomFilterAdapterConstants.FILTERCHAIN_FILTER + "=true")
public final class ForbiddenFilter implements Filter {
    static final String BODY = """
        {"ietf-restconf:errors":{"error":[{"error-type":"protocol","error-tag":"access-denied",\
        "error-message":"Your role may not do this: only role 'admin' may change data or invoke operations"}]}}
        """;

    @Override
    public void init(final FilterConfig filterConfig) {
        // nothing to configure
    }

    @Override
    public void doFilter(final ServletRequest request, final ServletResponse response, final FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest httpRequest) {
            chain.doFilter(request, new ForbiddenResponse(http,
                "XMLHttpRequest".equals(httpRequest.getHeader("X-Requested-With"))));
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    /** Rewrites a challenge-less 401 error into a 403. */
    static final class ForbiddenResponse extends HttpServletResponseWrapper {
        private static final String CHALLENGE = "WWW-Authenticate";

        private final boolean fromScript;
        private boolean challenged;

        ForbiddenResponse(final HttpServletResponse response, final boolean fromScript) {
            super(response);
            this.fromScript = fromScript;
        }

        @Override
        public void setHeader(final String name, final String value) {
            if (!isChallenge(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(final String name, final String value) {
            if (!isChallenge(name)) {
                super.addHeader(name, value);
            }
        }

        /** Records a challenge and tells whether to leave it out of the response. */
        private boolean isChallenge(final String name) {
            if (!CHALLENGE.equalsIgnoreCase(name)) {
                return false;
            }
            challenged = true;
            return fromScript;
        }

        @Override
        public void sendError(final int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(final int status, final String message) throws IOException {
            if (status != SC_UNAUTHORIZED || challenged || containsHeader(CHALLENGE)) {
                if (message == null) {
                    super.sendError(status);
                } else {
                    super.sendError(status, message);
                }
                return;
            }
            setStatus(SC_FORBIDDEN);
            setContentType("application/yang-data+json");
            setCharacterEncoding(StandardCharsets.UTF_8.name());
            getWriter().write(BODY);
            flushBuffer();
        }
    }
}
