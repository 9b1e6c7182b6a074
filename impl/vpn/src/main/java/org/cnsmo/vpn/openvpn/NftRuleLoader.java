/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Loads rules with {@code nft -f FILE}, waiting at most a timeout for it.
 */
public final class NftRuleLoader implements RuleLoader {
    private final String binary;
    private final Duration timeout;

    /**
     * A loader.
     *
     * @param binary the nft executable
     * @param timeout how long nft may take
     */
    public NftRuleLoader(final String binary, final Duration timeout) {
        this.binary = requireNonNull(binary);
        this.timeout = requireNonNull(timeout);
    }

    @Override
    public void load(final Path rules) throws IOException {
        final var process = new ProcessBuilder(binary, "-f", rules.toString()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(binary + " -f " + rules + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while loading " + rules, e);
        }
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException(binary + " -f " + rules + " failed (exit " + process.exitValue() + "): " + output);
        }
    }
}
