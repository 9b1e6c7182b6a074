/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import org.cnsmo.vpn.issue.IssueException;

/**
 * Where a joining node reaches the controller, and how it knows it is the controller.
 *
 * @param url the controller's HTTPS address as nodes reach it, for example {@code https://203.0.113.7:8443}
 * @param pin the pin of the key the controller's web server presents ({@link HttpsIdentity#pin})
 */
public record JoinTarget(String url, String pin) {
    public JoinTarget {
        requireNonNull(url);
        requireNonNull(pin);
    }

    /** Finds the current join target, or says why there is none. */
    @FunctionalInterface
    public interface Source {
        JoinTarget get() throws IssueException;
    }

    /**
     * The address of a host and port in a URL, with brackets around an IPv6 literal.
     *
     * @param host a name or an address
     * @param port the port
     * @return the HTTPS URL
     */
    public static String httpsUrl(final String host, final int port) {
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
