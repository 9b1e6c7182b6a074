/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.cnsmo.api.files.PrivateFiles;
import org.cnsmo.vpn.VpnHome;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Opens the controller's PKI in {@code <home>/pki}, creating the authority on first start.
 */
@Component(service = VpnPki.class, immediate = true)
public final class PkiComponent implements VpnPki {
    private final PkiStore store;

    /**
     * Opens the PKI.
     *
     * @param home the VPN service's directory
     * @param clock the clock for validity periods
     * @throws IOException if the directory cannot be read or written
     */
    public PkiComponent(final Path home, final Clock clock) throws IOException {
        PrivateFiles.directory(home);
        store = PkiStore.open(home.resolve("pki"), clock);
    }

    @Activate
    public PkiComponent(final BundleContext context) throws IOException {
        this(VpnHome.of(context), Clock.systemUTC());
    }

    @Override
    public PkiStore store() {
        return store;
    }
}
