/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dashboard;

import javax.servlet.ServletException;
import org.opendaylight.aaa.web.ResourceDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard's static files from this bundle's {@code /dashboard} folder at {@value #CONTEXT}, through
 * the controller's web server, the way the OpenAPI explorer is served. The pages carry no data: they sign in
 * against RESTCONF, where AAA checks every request, so the files themselves need no authentication.
 */
@Component(service = { })
public final class DashboardWeb implements AutoCloseable {
    /** Where the dashboard lives; its entry page is {@code /cnsmo/index.html}. */
    public static final String CONTEXT = "/cnsmo";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardWeb.class);

    private final Registration registration;

    @Activate
    public DashboardWeb(@Reference final WebServer webServer) throws ServletException {
        registration = webServer.registerWebContext(WebContext.builder()
            .name("cnsmo-dashboard")
            .contextPath(CONTEXT)
            .supportsSessions(false)
            .addResource(ResourceDetails.builder().name("/dashboard").alias("/").build())
            .build());
        LOG.info("CNSMO dashboard at {}{}/index.html", webServer.getBaseURL(), CONTEXT);
    }

    @Override
    @Deactivate
    public void close() {
        registration.close();
    }
}
