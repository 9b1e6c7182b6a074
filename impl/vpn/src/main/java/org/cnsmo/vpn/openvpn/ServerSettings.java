/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnProtocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Server;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;

/**
 * The VPN server's configuration with the model's defaults applied.
 *
 * @param enabled whether the controller runs the server
 * @param subnet the overlay subnet
 * @param port the server port
 * @param protocol udp or tcp
 * @param dnsServers DNS servers pushed to clients
 * @param publicAddress where clients reach the server, if configured
 * @param dnsDomain the overlay DNS domain pushed to clients, when the overlay DNS server runs
 */
public record ServerSettings(boolean enabled, Ipv4Network subnet, int port, VpnProtocol protocol,
        List<String> dnsServers, Optional<String> publicAddress, Optional<String> dnsDomain) {
    static final String DEFAULT_SUBNET = "10.8.0.0/24";
    static final int DEFAULT_PORT = 1194;
    static final String DEFAULT_DNS_DOMAIN = "overlay";

    /**
     * Reads the settings from the model, applying its defaults.
     *
     * @param server the configured server, or {@code null} when there is none
     * @return the settings
     */
    public static ServerSettings of(final @Nullable Server server) {
        return of(server, null);
    }

    /**
     * Reads the settings from the model, applying its defaults. When the overlay DNS server runs and no DNS
     * server is configured, clients are told to use the overlay DNS server, on the server's own address.
     *
     * @param server the configured server, or {@code null} when there is none
     * @param dns the DNS configuration, or {@code null} when there is none
     * @return the settings
     */
    public static ServerSettings of(final @Nullable Server server, final @Nullable Dns dns) {
        final var domain = dns == null || !Boolean.TRUE.equals(dns.getEnabled()) ? Optional.<String>empty()
            : Optional.of(dns.getDomain() == null ? DEFAULT_DNS_DOMAIN : dns.getDomain().getValue());
        if (server == null) {
            return new ServerSettings(false, Ipv4Network.parse(DEFAULT_SUBNET), DEFAULT_PORT, VpnProtocol.Udp,
                List.of(), Optional.empty(), domain);
        }
        final var subnet = server.getSubnet();
        final var port = server.getPort();
        final var protocol = server.getProtocol();
        final var dnsServers = server.getDnsServer();
        final var publicAddress = server.getPublicAddress();
        final var network = Ipv4Network.parse(subnet == null ? DEFAULT_SUBNET : subnet.getValue());
        final List<String> servers = dnsServers == null || dnsServers.isEmpty()
            ? domain.map(name -> List.of(Ipv4Network.formatAddress(network.networkAddress() + 1))).orElse(List.of())
            : dnsServers.stream().map(Ipv4Address::getValue).toList();
        return new ServerSettings(Boolean.TRUE.equals(server.getEnabled()), network,
            port == null ? DEFAULT_PORT : port.getValue().intValue(),
            protocol == null ? VpnProtocol.Udp : protocol, servers,
            Optional.ofNullable(publicAddress).map(Host::stringValue), domain);
    }

    /**
     * The server's own overlay address: the first host address of the subnet.
     *
     * @return the address
     */
    public int serverAddress() {
        return subnet.networkAddress() + 1;
    }
}
