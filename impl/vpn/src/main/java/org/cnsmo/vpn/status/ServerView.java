/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.cnsmo.vpn.openvpn.ServerSettings;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;

/**
 * What the OpenVPN renderer knows at one moment.
 *
 * @param settings the server settings last applied
 * @param problem why the server does not run although it should, if it does not
 * @param running whether the server runs
 * @param clients the configured clients by name
 * @param certificates the current certificate of each client that has one
 */
public record ServerView(ServerSettings settings, Optional<String> problem, boolean running,
        Map<String, Client> clients, Map<String, X509Certificate> certificates) {
    /** Before anything was rendered. */
    public static final ServerView NONE = new ServerView(ServerSettings.of(null), Optional.empty(), false, Map.of(),
        Map.of());

    public ServerView {
        requireNonNull(settings);
        requireNonNull(problem);
        clients = Map.copyOf(clients);
        certificates = Map.copyOf(certificates);
    }
}
