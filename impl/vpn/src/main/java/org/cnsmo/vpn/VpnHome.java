/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import java.nio.file.Path;
import java.util.Objects;
import org.osgi.framework.BundleContext;

/**
 * Where the VPN service keeps its files: {@code <karaf home>/cnsmo}, readable only by the controller's user.
 */
public final class VpnHome {
    private VpnHome() {
        // utility class
    }

    /**
     * The VPN service's directory, from the framework's {@code karaf.home} property.
     *
     * @param context a bundle context
     * @return the directory (not created)
     */
    public static Path of(final BundleContext context) {
        return Path.of(Objects.requireNonNullElse(context.getProperty("karaf.home"), ".")).resolve("cnsmo");
    }

    /**
     * The OpenVPN server's directory.
     *
     * @param home the VPN service's directory
     * @return the directory (not created)
     */
    public static Path openvpn(final Path home) {
        return home.resolve("openvpn");
    }
}
