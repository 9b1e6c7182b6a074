/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.vpn.openvpn.PortSecurity.Binding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ServerBuilder;

class PortSecurityTest {
    private static final ServerSettings SETTINGS = ServerSettings.of(new ServerBuilder().setEnabled(true)
        .setSubnet(new Ipv4Prefix("10.9.0.0/24")).build());

    @Test
    void macIsMadeOfTheAddress() {
        assertEquals("02:00:0a:09:00:32", PortSecurity.macOf(Ipv4Network.parseAddress("10.9.0.50")));
        assertEquals("02:00:ff:00:01:fe", PortSecurity.macOf(Ipv4Network.parseAddress("255.0.1.254")));
    }

    @Test
    void onlyClientsWithAnAddressOfTheSubnetOtherThanTheServersAreBound() {
        final var clients = new LinkedHashMap<String, Client>();
        clients.put("n2", client("n2", "10.9.0.60"));
        clients.put("n1", client("n1", "10.9.0.50"));
        clients.put("outside", client("outside", "10.10.0.5"));
        clients.put("server", client("server", "10.9.0.1"));
        clients.put("none", new ClientBuilder().setName(new NodeName("none")).build());

        assertEquals(List.of(new Binding("n1", Ipv4Network.parseAddress("10.9.0.50"), "02:00:0a:09:00:32"),
            new Binding("n2", Ipv4Network.parseAddress("10.9.0.60"), "02:00:0a:09:00:3c")),
            PortSecurity.bindings(SETTINGS, clients));
    }

    @Test
    void rulesLetClientsSendOnlyWithTheirBindingAndSendArpRequestsToTheOwner() {
        final var rules = PortSecurity.rules(SETTINGS, PortSecurity.bindings(SETTINGS,
            Map.of("n1", client("n1", "10.9.0.50"), "n2", client("n2", "10.9.0.60")))).lines()
            .map(String::strip).toList();

        // Replaced as a whole, in one transaction.
        assertEquals(List.of("table bridge cnsmo_vpn", "delete table bridge cnsmo_vpn", "table bridge cnsmo_vpn {"),
            rules.subList(1, 4));
        assertTrue(rules.contains("elements = { 02:00:0a:09:00:32 . 10.9.0.50, 02:00:0a:09:00:3c . 10.9.0.60 }"),
            rules.toString());
        assertTrue(rules.contains("elements = { 02:00:0a:09:00:32 . 02:00:0a:09:00:32 . 10.9.0.50, "
            + "02:00:0a:09:00:3c . 02:00:0a:09:00:3c . 10.9.0.60 }"), rules.toString());
        assertTrue(rules.contains("elements = { 10.9.0.1 : 02:00:0a:09:00:01, 10.9.0.50 : 02:00:0a:09:00:32, "
            + "10.9.0.60 : 02:00:0a:09:00:3c }"), rules.toString());
        assertTrue(rules.contains("iifname != \"cnsmo-vpn\" accept"), "only frames from clients are checked");
        assertTrue(rules.contains("ether type ip ether saddr . ip saddr @bindings accept"));
        assertTrue(rules.contains("arp operation request ether daddr set arp daddr ip map @owners accept"));
        // Whatever is not accepted is dropped: IPv6, VLAN tags, spoofed ARP and IPv4.
        assertEquals(2, rules.stream().filter(line -> line.startsWith("counter drop")).count());
        // The server's own ARP requests go to the owner only, too.
        assertTrue(rules.contains("ether type arp arp operation request ether daddr set arp daddr ip map @owners "
            + "accept"), rules.toString());
    }

    @Test
    void noClientsLeavesTheSetsEmptyButValid() {
        final var rules = PortSecurity.rules(SETTINGS, List.of());
        assertTrue(rules.contains("type ether_addr . ipv4_addr\n\t}\n"), rules);
        assertTrue(rules.contains("elements = { 10.9.0.1 : 02:00:0a:09:00:01 }"), rules);
    }

    @Test
    void arpForALoadBalancersVipGoesToTheServer() {
        final var n1 = PortSecurity.bindings(SETTINGS, Map.of("n1", client("n1", "10.9.0.50")));
        final var rules = PortSecurity.rules(SETTINGS, n1, List.of(Ipv4Network.parseAddress("10.9.0.100"),
            // Not the server's to hold: outside the subnet, the server's own, a client's.
            Ipv4Network.parseAddress("10.10.0.100"), Ipv4Network.parseAddress("10.9.0.1"),
            Ipv4Network.parseAddress("10.9.0.50")));
        assertTrue(rules.contains("elements = { 10.9.0.1 : 02:00:0a:09:00:01, 10.9.0.100 : 02:00:0a:09:00:01, "
            + "10.9.0.50 : 02:00:0a:09:00:32 }"), rules);
    }

    @Test
    void macTableHasOneLinePerClient() {
        assertEquals("n1 02:00:0a:09:00:32\n", PortSecurity.macTable(PortSecurity.bindings(SETTINGS,
            Map.of("n1", client("n1", "10.9.0.50")))));
    }

    @Test
    void scriptLoadsTheRulesBeforeAttachingTheTapAndChecksLearntAddresses() {
        final var script = PortSecurity.script(SETTINGS, Path.of("/o/port-security.nft"), Path.of("/o/client-macs"))
            .lines().map(String::strip).toList();
        assertEquals("#!/bin/sh", script.get(0));
        assertTrue(script.contains("set -e"));
        final int load = script.indexOf("nft -f '/o/port-security.nft'");
        final int attach = script.indexOf("ip link set \"$2\" master cnsmo-ovl");
        assertTrue(load > 0 && attach > load, "rules first: " + script);
        assertTrue(script.contains("ip addr replace 10.9.0.1/24 dev cnsmo-ovl"));
        assertTrue(script.contains("ip link set cnsmo-ovl address 02:00:0a:09:00:01"));
        assertTrue(script.contains("ip link set \"$2\" type bridge_slave hairpin on"));
        assertTrue(script.contains("exec grep -qixF -- \"$4 $address\" '/o/client-macs'"));
        assertTrue(script.contains("*@0) address=${3%@0} ;;"), "OpenVPN adds the VLAN to a MAC: " + script);
    }

    @Test
    void learnHookAcceptsOnlyTheMacBoundToTheClient(@TempDir final Path dir) throws Exception {
        final var macs = dir.resolve("client-macs");
        Files.writeString(macs, PortSecurity.macTable(PortSecurity.bindings(SETTINGS,
            Map.of("laptop", client("laptop", "10.9.0.3"), "n1", client("n1", "10.9.0.50")))));
        final var script = dir.resolve("port-security");
        Files.writeString(script, PortSecurity.script(SETTINGS, dir.resolve("rules.nft"), macs));

        assertEquals(0, learn(script, "add", "02:00:0a:09:00:03@0", "laptop"));
        assertEquals(0, learn(script, "update", "02:00:0A:09:00:03", "laptop"));
        assertEquals(1, learn(script, "add", "02:00:0a:09:00:32@0", "laptop"), "n1's MAC");
        assertEquals(1, learn(script, "add", "02:00:0a:09:00:03@7", "laptop"), "on a VLAN");
        assertEquals(1, learn(script, "add", "02:00:0a:09:00:03@0", "lap"), "a prefix of the name");
        assertEquals(1, learn(script, "add", "02:00:0a:09:00:03@0"), "no name");
        assertEquals(0, learn(script, "delete", "02:00:0a:09:00:32@0"));
    }

    private static int learn(final Path script, final String... args) throws Exception {
        final var command = new ArrayList<>(List.of("/bin/sh", script.toString(), "learn"));
        command.addAll(List.of(args));
        final var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor();
    }

    private static Client client(final String name, final String address) {
        return new ClientBuilder().setName(new NodeName(name)).setStaticAddress(new Ipv4Address(address)).build();
    }
}
