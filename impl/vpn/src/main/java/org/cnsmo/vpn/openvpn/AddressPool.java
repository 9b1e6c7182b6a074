/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalInt;

/**
 * Picks overlay addresses for clients that did not ask for one: the lowest host address of the subnet that
 * is neither the server's nor taken. Pure.
 */
public final class AddressPool {
    private AddressPool() {
        // utility class
    }

    /**
     * The lowest free address.
     *
     * @param settings the server settings, for the subnet and the server address
     * @param taken addresses held by clients
     * @return the address, or empty when the subnet is full
     */
    public static OptionalInt lowestFree(final ServerSettings settings, final Collection<Integer> taken) {
        final var used = new HashSet<>(taken);
        used.add(settings.serverAddress());
        final var subnet = settings.subnet().canonical();
        // Unsigned comparison: subnets above 128.0.0.0 have negative ints.
        for (int address = subnet.networkAddress() + 1;
                Integer.compareUnsigned(address, subnet.broadcastAddress()) < 0; address++) {
            if (!used.contains(address)) {
                return OptionalInt.of(address);
            }
        }
        return OptionalInt.empty();
    }
}
