/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The load balancers' VIPs as addresses of the controller host's overlay device, so that HAProxy can bind
 * them and every node reaches them over the overlay. Each carries the label {@code <device>:lb}, which tells
 * CNSMO's VIPs from the device's own addresses: those are never touched, and VIPs left by a controller that
 * was killed are removed when no load balancer has them any more.
 */
public final class VipAddresses {
    /** Runs a command and returns its output; fails with the command's own message. */
    @FunctionalInterface
    public interface Commands {
        String run(List<String> command) throws IOException;
    }

    private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+)/32 ");

    private final String device;
    private final String label;
    private final Commands commands;

    public VipAddresses(final String device, final Commands commands) {
        this.device = requireNonNull(device);
        label = device + ":lb";
        this.commands = requireNonNull(commands);
    }

    public String device() {
        return device;
    }

    /**
     * Makes the device hold exactly these VIPs (besides its own addresses).
     *
     * @param vips the VIPs, dotted quads
     * @return why that is not possible (the device is missing, say), or empty when it holds them
     */
    public Optional<String> hold(final Set<String> vips) {
        final Set<String> held;
        try {
            held = held();
        } catch (IOException e) {
            return Optional.of("the overlay device " + device + " is not there (" + e.getMessage().strip()
                + "); is the VPN server enabled?");
        }
        try {
            for (var vip : vips) {
                if (!held.contains(vip)) {
                    commands.run(List.of("ip", "-4", "addr", "add", vip + "/32", "dev", device, "label", label));
                }
            }
            for (var vip : held) {
                if (!vips.contains(vip)) {
                    commands.run(List.of("ip", "-4", "addr", "del", vip + "/32", "dev", device));
                }
            }
        } catch (IOException e) {
            return Optional.of("cannot set the VIPs on " + device + ": " + e.getMessage().strip());
        }
        return Optional.empty();
    }

    /** The VIPs the device holds now, from {@code ip -o -4 addr show dev <device>}. */
    Set<String> held() throws IOException {
        final var held = new HashSet<String>();
        for (var line : commands.run(List.of("ip", "-o", "-4", "addr", "show", "dev", device)).lines().toList()) {
            // 36: cnsmo-ovl    inet 10.8.0.100/32 scope global cnsmo-ovl:lb\       valid_lft forever ...
            final var match = INET.matcher(line);
            if (match.find() && line.replace('\\', ' ').contains(" " + label + " ")) {
                held.add(match.group(1));
            }
        }
        return held;
    }
}
