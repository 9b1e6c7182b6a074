/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnProtocol;

/**
 * Renders the OpenVPN server configuration. Pure.
 *
 * <p>The overlay is layer 2 ({@code dev-type tap}) so that each node's Open vSwitch bridge can take the
 * tunnel as a port. The server hands out no dynamic addresses: every client gets the address written in its
 * {@code client-config-dir} file, and {@code ccd-exclusive} refuses a client without one, so deleting that
 * file shuts a client out even before the CRL is consulted.
 *
 * <p>The server does not switch frames between clients ({@code client-to-client} is off): its tap joins the
 * controller host's overlay bridge, where {@link PortSecurity}'s rules check every frame a client sends, and
 * the {@code learn-address} hook holds each client to its own MAC address. OpenVPN does not configure the
 * tap itself ({@code ifconfig-noexec}): the server's address is on the bridge.
 */
public final class ServerConfig {
    /** Name of the server's tap device on the controller host. */
    public static final String DEVICE = "cnsmo-vpn";
    /** Seconds between keepalive pings, and without them before a peer restarts the tunnel. */
    static final int PING_SECONDS = 2;
    static final int PING_RESTART_SECONDS = 10;

    private ServerConfig() {
        // utility class
    }

    /**
     * The server configuration file.
     *
     * @param settings the server settings
     * @param files where the server's files are
     * @return the configuration text
     */
    public static String render(final ServerSettings settings, final ServerFiles files) {
        final var subnet = settings.subnet();
        final var server = Ipv4Network.formatAddress(settings.serverAddress());
        final var mask = Ipv4Network.formatAddress(subnet.mask());
        final var text = new StringBuilder()
            .append("# Written by the CNSMO controller; changes made here are overwritten.\n")
            .append("mode server\n")
            .append("tls-server\n")
            .append("dev ").append(DEVICE).append('\n')
            .append("dev-type tap\n")
            .append("proto ").append(settings.protocol() == VpnProtocol.Tcp ? "tcp-server" : "udp").append('\n')
            .append("port ").append(settings.port()).append('\n')
            .append("topology subnet\n")
            .append("ifconfig ").append(server).append(' ').append(mask).append('\n')
            .append("ifconfig-noexec\n")
            .append("push \"route-gateway ").append(server).append("\"\n");
        settings.dnsServers().forEach(dns -> text.append("push \"dhcp-option DNS ").append(dns).append("\"\n"));
        settings.dnsDomain().ifPresent(domain -> text.append("push \"dhcp-option DOMAIN ").append(domain)
            .append("\"\n"));
        text.append("client-config-dir ").append(files.clientConfigDir()).append('\n')
            .append("ccd-exclusive\n")
            // The hook scripts run as OpenVPN's user; they get no secret (the common name and addresses only).
            .append("script-security 2\n")
            .append("up \"").append(files.portSecurityScript()).append(" up\"\n")
            .append("down \"").append(files.portSecurityScript()).append(" down\"\n")
            .append("learn-address \"").append(files.portSecurityScript()).append(" learn\"\n")
            .append("keepalive ").append(PING_SECONDS).append(' ').append(PING_RESTART_SECONDS).append('\n')
            .append("ca ").append(files.caCertificate()).append('\n')
            .append("cert ").append(files.certificate()).append('\n')
            .append("key ").append(files.key()).append('\n')
            .append("crl-verify ").append(files.crl()).append('\n')
            .append("dh none\n")
            .append("disable-dco\n");
        if (settings.protocol() != VpnProtocol.Tcp) {
            // Tells clients to reconnect at once when the server stops, instead of after ping-restart.
            text.append("explicit-exit-notify 1\n");
        }
        return text.append("management ").append(files.managementSocket()).append(" unix\n")
            // The client list comes from this file, read without opening a management session each time.
            .append("status ").append(files.status()).append(" 1\n")
            .append("status-version 3\n")
            .append("verb 3\n")
            .toString();
    }

    /**
     * The {@code client-config-dir} file of a client: its fixed overlay address.
     *
     * @param subnet the overlay subnet
     * @param address the client's address
     * @return the file's text
     */
    public static String clientFile(final Ipv4Network subnet, final int address) {
        return "ifconfig-push " + Ipv4Network.formatAddress(address) + ' '
            + Ipv4Network.formatAddress(subnet.mask()) + '\n';
    }
}
