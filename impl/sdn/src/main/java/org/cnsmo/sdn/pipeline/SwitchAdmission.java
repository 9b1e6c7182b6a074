/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import java.util.Locale;

/**
 * Whether a connected switch that claims a node's datapath id gets that node's flows. A datapath id is only a
 * claim, which any switch can make; the TLS handshake proves that the switch holds a certificate from the
 * CNSMO CA, and this check that its connection comes from the address of the node whose datapath id it claims:
 * the node's {@code switch-address} when the node sets one (a lab switch attached by hand), else the overlay
 * address the VPN gives that node alone (port security keeps other clients from sending with it).
 *
 * <p>Pure: the renderer calls it with what it knows and publishes the refusal as the node's reason.
 */
public final class SwitchAdmission {
    private SwitchAdmission() {
        // pure functions
    }

    /**
     * The address a node's switch must connect from.
     *
     * @param switchAddress the node's configured switch address, or null
     * @param overlayAddress the overlay address the VPN assigns the node, or null
     * @return the address, or null when there is none
     */
    public static String expectedAddress(final String switchAddress, final String overlayAddress) {
        return switchAddress != null ? switchAddress : overlayAddress;
    }

    /**
     * Why a connected switch gets none of its node's flows.
     *
     * @param binding the node the switch's datapath id binds it to
     * @param expected the address the node's switch must connect from, or null when the node has none
     * @param actual the address the switch's connection comes from (the plugin's ip-address), or null while the
     *     plugin has not reported it
     * @return the reason, or null when the switch is admitted
     */
    public static String refusal(final SwitchBinding binding, final String expected, final String actual) {
        final var id = binding.switchId().getValue();
        if (expected == null) {
            return "switch " + id + " is refused: node " + binding.node()
                + " has no overlay address (and no switch-address) its switch could connect from";
        }
        if (actual == null) {
            return "switch " + id + " is refused until the controller knows the address it connects from";
        }
        if (!normalize(expected).equals(normalize(actual))) {
            return "switch " + id + " is refused: it connects from " + actual + ", not from node "
                + binding.node() + "'s address " + expected;
        }
        return null;
    }

    private static String normalize(final String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
