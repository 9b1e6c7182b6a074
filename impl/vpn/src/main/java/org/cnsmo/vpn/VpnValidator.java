/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Server;

/**
 * Checks VPN configuration beyond what YANG expresses: the overlay subnet is a usable network, and each
 * client's static address is a free host address of it.
 */
final class VpnValidator {
    static final String DEFAULT_SUBNET = "10.8.0.0/24";
    static final int MIN_PREFIX_LENGTH = 8;
    static final int MAX_PREFIX_LENGTH = 30;

    private static final String SUBNET_PATH = "vpn/server/subnet";

    private VpnValidator() {
        // utility class
    }

    static List<Violation> validate(final Vpn after) {
        final var violations = new ArrayList<Violation>();
        final var subnet = checkSubnet(after.getServer(), violations);
        final var owners = new HashMap<Integer, String>();
        after.nonnullClient().values().stream()
            .sorted(Comparator.comparing(client -> client.getName().getValue()))
            .forEach(client -> checkStaticAddress(client, subnet, owners, violations));
        return violations;
    }

    /**
     * Checks the subnet (or its default) and returns it, or {@code null} when it is not usable: the client
     * addresses are then only checked against each other, since the subnet is about to change.
     */
    private static @Nullable Ipv4Network checkSubnet(final @Nullable Server server,
            final List<Violation> violations) {
        final var configured = server == null ? null : server.getSubnet();
        final var text = configured == null ? DEFAULT_SUBNET : configured.getValue();
        final Ipv4Network subnet;
        try {
            subnet = Ipv4Network.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(SUBNET_PATH, e.getMessage()));
            return null;
        }
        final int before = violations.size();
        if (!subnet.isCanonical()) {
            violations.add(new Violation(SUBNET_PATH,
                subnet + " is not a network address; did you mean " + subnet.canonical() + "?"));
        }
        if (subnet.length() < MIN_PREFIX_LENGTH || subnet.length() > MAX_PREFIX_LENGTH) {
            violations.add(new Violation(SUBNET_PATH, "prefix length " + subnet.length() + " of the VPN subnet "
                + subnet + " is not between " + MIN_PREFIX_LENGTH + " and " + MAX_PREFIX_LENGTH));
        }
        return violations.size() == before ? subnet : null;
    }

    private static void checkStaticAddress(final Client client, final @Nullable Ipv4Network subnet,
            final Map<Integer, String> owners, final List<Violation> violations) {
        final var configured = client.getStaticAddress();
        if (configured == null) {
            return;
        }
        final var name = client.getName().getValue();
        final var path = "vpn/client=" + name + "/static-address";
        final var text = configured.getValue();
        final int address;
        try {
            address = Ipv4Network.parseAddress(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(path, e.getMessage()));
            return;
        }
        if (subnet != null) {
            final var problem = subnetProblem(subnet, address, text);
            if (problem != null) {
                violations.add(new Violation(path, problem));
                return;
            }
        }
        final var owner = owners.putIfAbsent(address, name);
        if (owner != null) {
            violations.add(new Violation(path, text + " is already the static address of client '" + owner + "'"));
        }
    }

    private static @Nullable String subnetProblem(final Ipv4Network subnet, final int address, final String text) {
        if (!subnet.contains(address)) {
            return text + " is outside the VPN subnet " + subnet;
        }
        if (address == subnet.networkAddress()) {
            return text + " is the network address of the VPN subnet " + subnet;
        }
        if (address == subnet.broadcastAddress()) {
            return text + " is the broadcast address of the VPN subnet " + subnet;
        }
        if (address == serverAddress(subnet)) {
            return text + " is reserved for the VPN server";
        }
        return null;
    }

    /**
     * The server's overlay address: the first host address of the subnet.
     *
     * @param subnet a canonical subnet
     * @return the server address
     */
    static int serverAddress(final Ipv4Network subnet) {
        return subnet.networkAddress() + 1;
    }
}
