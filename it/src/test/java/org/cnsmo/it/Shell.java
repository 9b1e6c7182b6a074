/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands for the end-to-end fixtures, optionally inside a network namespace and with extra
 * environment variables.
 */
public final class Shell {
    private final Map<String, String> environment;

    public Shell(final Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The outcome of a command.
     *
     * @param exitCode its exit code
     * @param output what it printed, standard error included
     */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command and fails when it fails. */
    public String run(final String... command) throws IOException, InterruptedException {
        final var result = exec(command);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                + result.output());
        }
        return result.output();
    }

    /** Runs a command. */
    public Result exec(final String... command) throws IOException, InterruptedException {
        final var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        final var process = builder.start();
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** Runs a command inside a network namespace. */
    public Result execIn(final String namespace, final String... command) throws IOException, InterruptedException {
        final var full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return exec(full.toArray(String[]::new));
    }

    /** Runs a command inside a network namespace and fails when it fails. */
    public String runIn(final String namespace, final String... command) throws IOException, InterruptedException {
        final var full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full.toArray(String[]::new));
    }

    /** Kills every process of a namespace, then removes it. */
    public void removeNamespace(final String namespace) throws IOException, InterruptedException {
        for (var pid : exec("ip", "netns", "pids", namespace).output().lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList()) {
            exec("kill", "-9", pid);
        }
        exec("ip", "netns", "del", namespace);
    }
}
