/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.vpn.openvpn.ConnectedClient;
import org.cnsmo.vpn.openvpn.ServerSettings;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;

/**
 * One reading of the VPN: what the server reports, set against the configuration, in the terms of the
 * observed data. Pure.
 *
 * @param settings the server settings
 * @param serverProblem why the server does not run, when it should and does not
 * @param clients the configured clients by name
 * @param connected the connected clients by name
 * @param nodes names of the configured nodes
 */
public record VpnObservation(ServerSettings settings, Optional<String> serverProblem, Map<String, Client> clients,
        Map<String, ConnectedClient> connected, Set<String> nodes) {

    /** A service state with its reason. */
    public record State(ServiceState state, Optional<String> reason) {
        static State up() {
            return new State(ServiceState.Up, Optional.empty());
        }

        static State down(final String reason) {
            return new State(ServiceState.Down, Optional.of(reason));
        }
    }

    /**
     * What a node's VPN looks like.
     *
     * @param connected whether it is connected
     * @param overlayAddress its overlay address, when it has one
     * @param realAddress the address it connects from, without the port, when connected
     * @param since when the connection started, when connected
     * @param state the VPN service state of the node
     */
    public record NodeVpn(boolean connected, Optional<String> overlayAddress, Optional<String> realAddress,
            Optional<Instant> since, State state) {
    }

    /**
     * The state of the server.
     *
     * @return the state
     */
    public State server() {
        if (!settings.enabled()) {
            return State.down("the VPN server is disabled (vpn/server/enabled is false)");
        }
        return serverProblem.map(State::down).orElseGet(State::up);
    }

    public String serverAddress() {
        return Ipv4Network.formatAddress(settings.serverAddress());
    }

    /**
     * The VPN view of every configured node.
     *
     * @return the nodes by name
     */
    public Map<String, NodeVpn> nodeStates() {
        final var result = new LinkedHashMap<String, NodeVpn>();
        for (var name : nodes) {
            final var client = clients.get(name);
            final var session = connected.get(name);
            final var address = Optional.ofNullable(client).map(Client::getStaticAddress)
                .map(value -> value.getValue());
            final State state;
            if (session != null) {
                state = State.up();
            } else if (client == null) {
                state = State.down("no VPN client is named '" + name + "'; enroll the node with a token");
            } else if (Boolean.TRUE.equals(client.getRevoked())) {
                state = State.down("the node's VPN certificate is revoked");
            } else if (server().state() != ServiceState.Up) {
                state = State.down("the VPN server is down: " + server().reason().orElse(""));
            } else {
                state = State.down("the node is not connected to the VPN");
            }
            result.put(name, new NodeVpn(session != null, address,
                Optional.ofNullable(session).map(ConnectedClient::realAddress).map(VpnObservation::host),
                Optional.ofNullable(session).map(ConnectedClient::connectedSince), state));
        }
        return result;
    }

    /**
     * The host part of OpenVPN's real address, {@code 10.0.0.1:1194}, {@code udp4:10.0.0.1:1194} or
     * {@code [2001:db8::1]:1194}.
     */
    static String host(final String realAddress) {
        var text = realAddress;
        final int protocol = text.indexOf(':');
        if (protocol > 0 && text.substring(0, protocol).matches("(udp|tcp)[46]?(-server)?")) {
            text = text.substring(protocol + 1);
        }
        if (text.startsWith("[")) {
            final int close = text.indexOf(']');
            return close > 0 ? text.substring(1, close) : text;
        }
        final int colon = text.lastIndexOf(':');
        return colon > 0 && text.indexOf(':') == colon ? text.substring(0, colon) : text;
    }
}
