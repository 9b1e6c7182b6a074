/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Reads the clients connected now from the status file the OpenVPN server rewrites every second
 * ({@code status-version 3}). A file older than a few seconds means the server is stuck or gone.
 */
public final class StatusFile {
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final Path file;
    private final Clock clock;

    public StatusFile(final Path file, final Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The connected clients.
     *
     * @return the clients
     * @throws IOException if the file is missing, stale or unreadable
     */
    public List<ConnectedClient> clients() throws IOException {
        final var age = Duration.between(Files.getLastModifiedTime(file).toInstant(), clock.instant());
        if (age.compareTo(MAX_AGE) > 0) {
            throw new IOException("OpenVPN has not updated " + file + " for " + age.toSeconds() + " s");
        }
        try {
            return ClientList.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("Cannot read " + file, e);
        }
    }
}
