/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.time.Instant;
import java.util.List;

/**
 * A client connected to the VPN server, as its management interface reports it.
 *
 * @param name the certificate's common name
 * @param realAddress address and port the client connects from
 * @param bytesReceived bytes the server received from the client
 * @param bytesSent bytes the server sent to the client
 * @param connectedSince when the connection started
 * @param learnedAddresses the addresses the server learnt for the client and routes to it (in the tap mode,
 *     the MAC addresses it sent with and was allowed to), lower case, in the order listed
 */
public record ConnectedClient(String name, String realAddress, long bytesReceived, long bytesSent,
        Instant connectedSince, List<String> learnedAddresses) {
    public ConnectedClient {
        learnedAddresses = List.copyOf(learnedAddresses);
    }
}
