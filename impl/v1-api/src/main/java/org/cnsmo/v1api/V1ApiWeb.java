/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.servlet.ServletException;
import org.opendaylight.aaa.api.IIDMStore;
import org.opendaylight.aaa.api.PasswordCredentialAuth;
import org.opendaylight.aaa.web.ServletDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the original CNSMO API v1 ({@link V1Servlet}) at {@value #CONTEXT} on the controller's web server
 * (HTTPS on 8443, plain HTTP on loopback), like the dashboard, outside AAA's Shiro filter: the servlet checks
 * its own bearer tokens, which it issues against AAA's password check. The token key lives in
 * {@code <karaf home>/cnsmo/v1-api/token.key}, readable only by the controller's user.
 */
@Component(service = { }, configurationPid = "org.cnsmo.v1api")
@Designate(ocd = V1ApiWeb.Configuration.class)
public final class V1ApiWeb implements AutoCloseable {
    /** Where the API lives. */
    public static final String CONTEXT = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(V1ApiWeb.class);

    /** The v1 API's settings. */
    @ObjectClassDefinition(name = "CNSMO API v1")
    public @interface Configuration {
        @AttributeDefinition(description = "How long a v1 token stays valid, in seconds", min = "60")
        long tokenValiditySeconds() default 12 * 3600;
    }

    private final Registration registration;

    /**
     * Registers the API.
     *
     * @param webServer the controller's web server
     * @param servlet the API
     * @throws ServletException if the web server refuses the context
     */
    public V1ApiWeb(final WebServer webServer, final V1Servlet servlet) throws ServletException {
        registration = webServer.registerWebContext(WebContext.builder()
            .name("cnsmo-v1-api")
            .contextPath(CONTEXT)
            .supportsSessions(false)
            .addServlet(ServletDetails.builder().name("cnsmo-v1-api").addUrlPattern("/*").servlet(servlet).build())
            .build());
        LOG.info("CNSMO API v1 at {}{}", webServer.getBaseURL(), CONTEXT);
    }

    @Activate
    public V1ApiWeb(@Reference final WebServer webServer, @Reference final DataBroker broker,
            @Reference final RpcService rpcs, @Reference final PasswordCredentialAuth passwords,
            @Reference final IIDMStore idmStore, final BundleContext context, final Configuration configuration)
            throws ServletException, IOException {
        this(webServer, new V1Servlet(
            new TokenSigner(TokenKey.loadOrCreate(Path.of(Optional.ofNullable(context.getProperty("karaf.home"))
                .orElse("."), "cnsmo", "v1-api", "token.key")), Duration.ofSeconds(configuration
                    .tokenValiditySeconds())),
            new AaaUsers(passwords, idmStore),
            new V1Calls(new V1Store(broker, rpcs), new IssuedBundles()),
            Clock.systemUTC()));
    }

    @Override
    @Deactivate
    public void close() {
        registration.close();
    }
}
