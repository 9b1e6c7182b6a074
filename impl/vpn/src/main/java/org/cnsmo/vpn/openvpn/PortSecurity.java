/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;

/**
 * Port security on the overlay: every VPN client may send only with its own overlay address and its own MAC
 * address. Pure: renders the rules and the hook script from the client list.
 *
 * <p>The server does not switch frames between clients itself (no {@code client-to-client}). Its tap device
 * is a port of a Linux bridge on the controller host, {@value #BRIDGE}, which holds the server's overlay
 * address and sends frames back out of the port they came in on (hairpin), so clients still reach each
 * other, through two checks:
 * <ul>
 *   <li>OpenVPN's {@code learn-address} hook lets a client's certificate use one MAC address only, the one
 *       bound to its overlay address ({@link #macOf(int)}). OpenVPN drops every frame whose source MAC it
 *       cannot learn for the sender ("bad source address from client"), so no client can send with another
 *       one's MAC, nor take its unicast traffic.</li>
 *   <li>An nftables {@code bridge} table on the frames that come out of the tap: IPv4 only with a bound
 *       MAC + address pair, ARP only when the sender's MAC and address are such a pair, everything else
 *       (IPv6, VLAN tags, other protocols) dropped. An ARP request is sent to the owner of the address it
 *       asks for only (its destination is rewritten from broadcast to the owner's MAC), so a client never
 *       hears the requests for another client's address (nor the server's own); a request for an address
 *       nobody holds is dropped.</li>
 * </ul>
 */
public final class PortSecurity {
    /** The Linux bridge on the controller host that holds the server's tap and its overlay address. */
    public static final String BRIDGE = "cnsmo-ovl";
    /** The nftables table of the rules, in the {@code bridge} family. */
    public static final String TABLE = "cnsmo_vpn";

    /**
     * A client's binding: the only MAC and address it may send with.
     *
     * @param name the client's name, its certificate's common name
     * @param address its overlay address
     * @param mac its MAC address
     */
    public record Binding(String name, int address, String mac) {
    }

    private PortSecurity() {
        // utility class
    }

    /**
     * A locally administered MAC address made of an IPv4 address: 02:00 followed by its four bytes. The MAC
     * address bound to every client's overlay address, and the server's.
     *
     * @param address the address
     * @return the MAC address
     */
    public static String macOf(final int address) {
        return String.format("02:00:%02x:%02x:%02x:%02x", address >>> 24, address >>> 16 & 0xFF,
            address >>> 8 & 0xFF, address & 0xFF);
    }

    /**
     * The bindings of the clients let in: those with an address in the overlay subnet, ordered by address.
     *
     * @param settings the server settings
     * @param active the active clients by name
     * @return the bindings
     */
    public static List<Binding> bindings(final ServerSettings settings, final Map<String, Client> active) {
        final var result = new ArrayList<Binding>();
        active.forEach((name, client) -> {
            final var configured = client.getStaticAddress();
            if (configured != null) {
                final int address = Ipv4Network.parseAddress(configured.getValue());
                if (settings.subnet().contains(address) && address != settings.serverAddress()) {
                    result.add(new Binding(name, address, macOf(address)));
                }
            }
        });
        result.sort(Comparator.comparingInt(Binding::address).thenComparing(Binding::name));
        return List.copyOf(result);
    }

    /**
     * The nftables rules, loaded with {@code nft -f}: the file replaces the table at once.
     *
     * @param settings the server settings
     * @param bindings the clients' bindings
     * @return the rules
     */
    public static String rules(final ServerSettings settings, final List<Binding> bindings) {
        return rules(settings, bindings, List.of());
    }

    /**
     * The nftables rules, loaded with {@code nft -f}: the file replaces the table at once.
     *
     * @param settings the server settings
     * @param bindings the clients' bindings
     * @param serverHeld more addresses the server's bridge holds (the load balancers' VIPs): ARP requests for
     *     them go to the server, as for its own address
     * @return the rules
     */
    public static String rules(final ServerSettings settings, final List<Binding> bindings,
            final List<Integer> serverHeld) {
        final var server = settings.serverAddress();
        final var owners = new ArrayList<String>();
        owners.add(Ipv4Network.formatAddress(server) + " : " + macOf(server));
        serverHeld.stream().filter(address -> address != server && settings.subnet().contains(address)
                && bindings.stream().noneMatch(binding -> binding.address() == address)).distinct().sorted()
            .forEach(address -> owners.add(Ipv4Network.formatAddress(address) + " : " + macOf(server)));
        bindings.forEach(binding -> owners.add(Ipv4Network.formatAddress(binding.address()) + " : " + binding.mac()));
        return "# Written by the CNSMO controller; changes made here are overwritten.\n"
            // Declaring the table first makes the delete succeed when it does not exist yet.
            + "table bridge " + TABLE + "\n"
            + "delete table bridge " + TABLE + "\n"
            + "table bridge " + TABLE + " {\n"
            + "\tset bindings {\n"
            + "\t\ttype ether_addr . ipv4_addr\n"
            + elements(bindings.stream().map(binding -> binding.mac() + " . "
                + Ipv4Network.formatAddress(binding.address())).toList())
            + "\t}\n"
            + "\tset arp_bindings {\n"
            + "\t\ttype ether_addr . ether_addr . ipv4_addr\n"
            + elements(bindings.stream().map(binding -> binding.mac() + " . " + binding.mac() + " . "
                + Ipv4Network.formatAddress(binding.address())).toList())
            + "\t}\n"
            + "\tmap owners {\n"
            + "\t\ttype ipv4_addr : ether_addr\n"
            + elements(owners)
            + "\t}\n"
            + "\tchain from_clients {\n"
            + "\t\ttype filter hook prerouting priority -200; policy accept;\n"
            + "\t\tiifname != \"" + ServerConfig.DEVICE + "\" accept\n"
            + "\t\tether type ip ether saddr . ip saddr @bindings accept\n"
            + "\t\tether type arp arp htype 1 arp ptype ip arp hlen 6 arp plen 4"
            + " ether saddr . arp saddr ether . arp saddr ip @arp_bindings jump arp_from_clients\n"
            + "\t\tcounter drop comment \"spoofed or not IPv4\"\n"
            + "\t}\n"
            + "\tchain arp_from_clients {\n"
            + "\t\tarp operation reply accept\n"
            // A lookup that finds nothing ends the rule: a request for an address nobody holds is dropped.
            + "\t\tarp operation request ether daddr set arp daddr ip map @owners accept\n"
            + "\t\tcounter drop comment \"ARP for nobody\"\n"
            + "\t}\n"
            // The server's own requests too: OpenVPN sends a frame for one MAC to its owner only.
            + "\tchain to_clients {\n"
            + "\t\ttype filter hook output priority -200; policy accept;\n"
            + "\t\toifname != \"" + ServerConfig.DEVICE + "\" accept\n"
            + "\t\tether type arp arp operation request ether daddr set arp daddr ip map @owners accept\n"
            + "\t\tether type arp arp operation request counter drop comment \"ARP for nobody\"\n"
            + "\t}\n"
            + "}\n";
    }

    private static String elements(final List<String> elements) {
        return elements.isEmpty() ? "" : "\t\telements = { " + String.join(", ", elements) + " }\n";
    }

    /**
     * The table the {@code learn-address} hook reads: one line per client, its name and its MAC address.
     *
     * @param bindings the clients' bindings
     * @return the table
     */
    public static String macTable(final List<Binding> bindings) {
        return bindings.stream().map(binding -> binding.name() + ' ' + binding.mac() + '\n')
            .collect(Collectors.joining());
    }

    /**
     * The script OpenVPN runs (as the controller's user, root): {@code up} attaches the tap to the bridge
     * and loads the rules first (a failure stops OpenVPN: no client gets in without the rules),
     * {@code down} removes the bridge and the rules, {@code learn} accepts a MAC address for a client only
     * when it is the one bound to it.
     *
     * @param settings the server settings
     * @param rules the rules file
     * @param macTable the table of the clients' MAC addresses
     * @return the script
     */
    public static String script(final ServerSettings settings, final Path rules, final Path macTable) {
        final var server = settings.serverAddress();
        final var address = Ipv4Network.formatAddress(server) + '/' + settings.subnet().length();
        return "#!/bin/sh\n"
            + "# Written by the CNSMO controller; changes made here are overwritten.\n"
            + "# OpenVPN runs it: up|down TAP_DEV ..., or learn OPERATION ADDRESS [COMMON_NAME].\n"
            + "PATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
            + "set -e\n"
            + "case \"$1\" in\n"
            + "up)\n"
            + "\tnft -f '" + rules + "'\n"
            + "\tip link show " + BRIDGE + " >/dev/null 2>&1 || ip link add " + BRIDGE + " type bridge\n"
            + "\tip link set " + BRIDGE + " address " + macOf(server) + "\n"
            + "\tip addr replace " + address + " dev " + BRIDGE + "\n"
            + "\tip link set \"$2\" master " + BRIDGE + "\n"
            + "\tip link set \"$2\" type bridge_slave hairpin on\n"
            + "\tip link set \"$2\" up\n"
            + "\tip link set " + BRIDGE + " up\n"
            + "\t;;\n"
            + "down)\n"
            + "\tip link del " + BRIDGE + " 2>/dev/null || true\n"
            + "\tnft delete table bridge " + TABLE + " 2>/dev/null || true\n"
            + "\t;;\n"
            + "learn)\n"
            // A client's address learnt by the server is dropped when it goes: nothing to check.
            + "\t[ \"$2\" != delete ] || exit 0\n"
            + "\t[ -n \"$4\" ] || exit 1\n"
            // OpenVPN names a MAC address with its VLAN: MAC@0 untagged. A tagged frame is refused.
            + "\tcase \"$3\" in\n"
            + "\t*@0) address=${3%@0} ;;\n"
            + "\t*@*) exit 1 ;;\n"
            + "\t*) address=$3 ;;\n"
            + "\tesac\n"
            + "\texec grep -qixF -- \"$4 $address\" '" + macTable + "'\n"
            + "\t;;\n"
            + "*)\n"
            + "\texit 2\n"
            + "\t;;\n"
            + "esac\n";
    }
}
