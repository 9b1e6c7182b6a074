/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.cnsmo.vpn.issue.IssueException;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The node agent's endpoint, outside RESTCONF because the agent has no controller account: the enrollment
 * token, or the node's own key, is its credential.
 * <ul>
 *   <li>{@code GET /cnsmo-node/agent}: the node agent script;</li>
 *   <li>{@code POST /cnsmo-node/enroll} with form fields {@code token} and {@code datapath-id};</li>
 *   <li>{@code POST /cnsmo-node/leave} with form fields {@code name}, {@code time} and {@code signature}.</li>
 * </ul>
 * Refusals answer 4xx with a one-line explanation in plain text.
 */
public final class NodeAgentServlet implements Servlet {
    /** Context path of this servlet on the controller's web server. */
    public static final String CONTEXT_PATH = "/cnsmo-node";
    private static final String TEXT = "text/plain;charset=utf-8";

    private final NodeEnrollment enrollment;
    private final byte[] agentScript;
    private ServletConfig config;

    public NodeAgentServlet(final NodeEnrollment enrollment, final byte[] agentScript) {
        this.enrollment = requireNonNull(enrollment);
        this.agentScript = agentScript.clone();
    }

    @Override
    public void init(final ServletConfig servletConfig) {
        config = servletConfig;
    }

    @Override
    public ServletConfig getServletConfig() {
        return config;
    }

    @Override
    public String getServletInfo() {
        return "CNSMO node agent endpoint";
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void service(final ServletRequest request, final ServletResponse response) throws IOException {
        final var http = (HttpServletRequest) request;
        final var reply = (HttpServletResponse) response;
        switch (http.getMethod()) {
            case "GET" -> doGet(http, reply);
            case "POST" -> doPost(http, reply);
            default -> {
                reply.setHeader("Allow", "GET, POST");
                reply(reply, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Use GET or POST\n");
            }
        }
    }

    private void doGet(final HttpServletRequest request, final HttpServletResponse response) throws IOException {
        if (!"/agent".equals(request.getPathInfo())) {
            reply(response, HttpServletResponse.SC_NOT_FOUND, "Not found; the agent is at " + CONTEXT_PATH
                + "/agent");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/x-shellscript");
        response.getOutputStream().write(agentScript);
    }

    private void doPost(final HttpServletRequest request, final HttpServletResponse response)
            throws IOException {
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/enroll" -> reply(response, HttpServletResponse.SC_OK,
                    enrollment.enroll(request.getParameter("token"), request.getParameter("datapath-id"),
                        request.getParameter("csr")));
                case "/leave" -> {
                    enrollment.leave(required(request, "name"), time(request), required(request, "signature"));
                    reply(response, HttpServletResponse.SC_OK, "left\n");
                }
                default -> reply(response, HttpServletResponse.SC_NOT_FOUND, "Not found\n");
            }
        } catch (IssueException e) {
            reply(response, e.httpStatus(), e.getMessage() + "\n");
        }
    }

    private static String required(final HttpServletRequest request, final String field) throws IssueException {
        final var value = request.getParameter(field);
        if (value == null || value.isBlank()) {
            throw new IssueException(ErrorTag.INVALID_VALUE,
                "The form field '" + field + "' is required");
        }
        return value;
    }

    private static long time(final HttpServletRequest request) throws IssueException {
        final var text = required(request, "time");
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IssueException(ErrorTag.INVALID_VALUE,
                "The form field 'time' must be a unix time in seconds, not '" + text + "'", e);
        }
    }

    private static void reply(final HttpServletResponse response, final int status, final String text)
            throws IOException {
        response.setStatus(status);
        response.setContentType(TEXT);
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
