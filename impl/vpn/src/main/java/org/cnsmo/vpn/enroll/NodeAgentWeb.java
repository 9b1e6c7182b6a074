/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import java.io.IOException;
import java.time.Clock;
import javax.servlet.ServletException;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.VpnIssuer;
import org.cnsmo.vpn.pki.PkiStore;
import org.cnsmo.vpn.pki.VpnPki;
import org.opendaylight.aaa.web.ServletDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Serves the node agent's endpoint ({@link NodeAgentServlet}) on the controller's web server. Published as
 * a service only so that the OpenVPN renderer, which announces that the VPN service is ready, starts after it.
 */
@Component(service = NodeAgentWeb.class, immediate = true)
public final class NodeAgentWeb implements AutoCloseable {
    private final Registration registration;

    /**
     * Registers the endpoint.
     *
     * @param webServer the controller's web server
     * @param issuer the client issuer
     * @param pki the PKI
     * @param tokens the enrollment tokens
     * @param clock the clock
     * @throws IOException if the agent script is missing
     * @throws ServletException if the web server refuses the context
     */
    public NodeAgentWeb(final WebServer webServer, final ClientIssuer issuer, final PkiStore pki,
            final TokenService tokens, final Clock clock) throws IOException, ServletException {
        final var servlet = new NodeAgentServlet(new NodeEnrollment(tokens.tokens(), issuer, pki, clock,
            tokens::changed), agentScript());
        registration = webServer.registerWebContext(WebContext.builder().name("cnsmo-node-agent")
            .contextPath(NodeAgentServlet.CONTEXT_PATH)
            .addServlet(ServletDetails.builder().name("cnsmo-node-agent").addUrlPattern("/*").servlet(servlet)
                .build())
            .build());
    }

    @Activate
    public NodeAgentWeb(@Reference final WebServer webServer, @Reference final VpnIssuer issuer,
            @Reference final VpnPki pki, @Reference final TokenService tokens)
            throws IOException, ServletException {
        this(webServer, issuer.issuer(), pki.store(), tokens, Clock.systemUTC());
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    private static byte[] agentScript() throws IOException {
        try (var script = NodeAgentWeb.class.getResourceAsStream("/cnsmo-node")) {
            if (script == null) {
                throw new IOException("The node agent script is missing from the bundle");
            }
            return script.readAllBytes();
        }
    }
}
