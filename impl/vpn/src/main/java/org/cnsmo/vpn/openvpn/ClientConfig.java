/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.util.Optional;
import org.cnsmo.vpn.pki.PkiStore;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnProtocol;

/**
 * Renders the {@code client.conf} of a client bundle: a stock OpenVPN client runs it as it is, next to
 * {@code ca.crt}, {@code client.crt} and {@code client.key}. Pure.
 */
public final class ClientConfig {
    private ClientConfig() {
        // utility class
    }

    /**
     * The client configuration.
     *
     * @param settings the server settings
     * @param remote the address or host name clients reach the server at
     * @param mac the MAC address the tap device must have, for a client whose own tap carries its overlay
     *     address (a node puts its address on its bridge instead, which the agent gives that MAC)
     * @return the configuration text
     */
    public static String render(final ServerSettings settings, final String remote, final Optional<String> mac) {
        return "# CNSMO overlay client. Run: openvpn --config client.conf (next to ca.crt, client.crt, client.key)\n"
            + "client\n"
            + "dev tap\n"
            // The server takes frames from this client only with the MAC address bound to its overlay address.
            + mac.map(address -> "lladdr " + address + '\n').orElse("")
            + "proto " + (settings.protocol() == VpnProtocol.Tcp ? "tcp-client" : "udp") + '\n'
            + "remote " + remote + ' ' + settings.port() + '\n'
            + "resolv-retry infinite\n"
            + "connect-retry 1 5\n"
            + "nobind\n"
            + "persist-key\n"
            + "persist-tun\n"
            + "remote-cert-tls server\n"
            + "verify-x509-name " + PkiStore.SERVER_NAME + " name\n"
            + "ca ca.crt\n"
            + "cert client.crt\n"
            + "key client.key\n"
            + "verb 3\n";
    }
}
