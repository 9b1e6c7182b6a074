/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class ForbiddenFilterTest {
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ForbiddenFilter.ForbiddenResponse wrapped = new ForbiddenFilter.ForbiddenResponse(response, false);

    @Test
    void anAuthorizationRefusalBecomesForbidden() throws IOException {
        final var body = new StringWriter();
        doReturn(new PrintWriter(body)).when(response).getWriter();

        wrapped.sendError(HttpServletResponse.SC_UNAUTHORIZED);

        verify(response).setStatus(HttpServletResponse.SC_FORBIDDEN);
        verify(response, never()).sendError(HttpServletResponse.SC_UNAUTHORIZED);
        assertEquals(ForbiddenFilter.BODY, body.toString());
    }

    @Test
    void aChallengeForCredentialsStaysUnauthorized() throws IOException {
        doReturn(true).when(response).containsHeader("WWW-Authenticate");

        wrapped.sendError(HttpServletResponse.SC_UNAUTHORIZED);

        verify(response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
        verify(response, never()).setStatus(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void aScriptGetsItsUnauthorizedWithoutTheChallenge() throws IOException {
        final var fromScript = new ForbiddenFilter.ForbiddenResponse(response, true);

        fromScript.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        fromScript.setHeader("WWW-Authenticate", "Basic realm=\"application\"");

        verify(response).setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        verify(response, never()).setHeader("WWW-Authenticate", "Basic realm=\"application\"");
    }

    @Test
    void otherErrorsPassThrough() throws IOException {
        wrapped.sendError(HttpServletResponse.SC_NOT_FOUND, "gone");

        verify(response).sendError(HttpServletResponse.SC_NOT_FOUND, "gone");
    }
}
