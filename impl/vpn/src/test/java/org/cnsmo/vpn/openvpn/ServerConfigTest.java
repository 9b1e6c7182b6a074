/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnProtocol;

class ServerConfigTest {
    private static final ServerFiles FILES = new ServerFiles(Path.of("/p/ca.crt"), Path.of("/p/server.crt"),
        Path.of("/p/server.key"), Path.of("/p/crl.pem"), Path.of("/o/ccd"), Path.of("/o/management.sock"),
        Path.of("/o/status"), Path.of("/o/port-security"));

    @Test
    void udpServerTakesTheFirstAddressAndOnlyKnownClients() {
        final var text = ServerConfig.render(settings(VpnProtocol.Udp, List.of("10.8.0.1")), FILES);
        final var lines = text.lines().toList();

        assertTrue(lines.contains("dev-type tap"));
        assertFalse(lines.contains("client-to-client"), "clients reach each other only through the bridge");
        assertTrue(lines.contains("ifconfig-noexec"));
        assertTrue(lines.contains("up \"/o/port-security up\""));
        assertTrue(lines.contains("learn-address \"/o/port-security learn\""));
        assertTrue(lines.contains("proto udp"));
        assertTrue(lines.contains("port 1194"));
        assertTrue(lines.contains("ifconfig 10.8.0.1 255.255.255.0"));
        assertTrue(lines.contains("push \"dhcp-option DNS 10.8.0.1\""));
        assertTrue(lines.contains("push \"dhcp-option DOMAIN overlay\""));
        assertTrue(lines.contains("client-config-dir /o/ccd"));
        assertTrue(lines.contains("ccd-exclusive"));
        assertTrue(lines.contains("crl-verify /p/crl.pem"));
        assertTrue(lines.contains("explicit-exit-notify 1"));
        assertTrue(lines.contains("management /o/management.sock unix"));
        assertTrue(lines.contains("status /o/status 1"));
    }

    @Test
    void tcpServerHasNoExitNotification() {
        final var lines = ServerConfig.render(settings(VpnProtocol.Tcp, List.of()), FILES).lines().toList();
        assertTrue(lines.contains("proto tcp-server"));
        assertFalse(lines.contains("explicit-exit-notify 1"));
        assertFalse(lines.stream().anyMatch(line -> line.contains("dhcp-option")));
    }

    @Test
    void clientFilePushesItsAddressWithTheSubnetMask() {
        assertEquals("ifconfig-push 10.9.3.7 255.255.252.0\n",
            ServerConfig.clientFile(Ipv4Network.parse("10.9.0.0/22"), Ipv4Network.parseAddress("10.9.3.7")));
    }

    @Test
    void clientConfigPointsAtThePublicAddressAndChecksTheServer() {
        final var lines = ClientConfig.render(settings(VpnProtocol.Udp, List.of()), "vpn.example.org",
            Optional.of("02:00:0a:08:00:07")).lines()
            .toList();
        assertTrue(lines.contains("client"));
        assertTrue(lines.contains("dev tap"));
        assertTrue(lines.contains("lladdr 02:00:0a:08:00:07"));
        assertTrue(lines.contains("remote vpn.example.org 1194"));
        assertTrue(lines.contains("remote-cert-tls server"));
        assertTrue(lines.contains("verify-x509-name cnsmo-vpn-server name"));
        assertTrue(lines.containsAll(List.of("ca ca.crt", "cert client.crt", "key client.key")));
    }

    @Test
    void poolSkipsTheServerAndTakenAddresses() {
        final var settings = settings(VpnProtocol.Udp, List.of());
        final var taken = List.of(Ipv4Network.parseAddress("10.8.0.2"), Ipv4Network.parseAddress("10.8.0.4"));
        assertEquals("10.8.0.3", Ipv4Network.formatAddress(AddressPool.lowestFree(settings, taken).getAsInt()));
    }

    @Test
    void fullSubnetHasNoFreeAddress() {
        final var settings = new ServerSettings(true, Ipv4Network.parse("10.8.0.0/30"), 1194, VpnProtocol.Udp,
            List.of(), Optional.empty(), Optional.empty());
        assertTrue(AddressPool.lowestFree(settings, List.of(Ipv4Network.parseAddress("10.8.0.2"))).isEmpty());
    }

    private static ServerSettings settings(final VpnProtocol protocol, final List<String> dns) {
        return new ServerSettings(true, Ipv4Network.parse("10.8.0.0/24"), 1194, protocol, dns, Optional.empty(),
            dns.isEmpty() ? Optional.empty() : Optional.of("overlay"));
    }
}
