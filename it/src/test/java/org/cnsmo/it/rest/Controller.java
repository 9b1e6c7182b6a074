/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * The CNSMO Karaf distribution, copied from the build into a fresh directory and run as a real controller
 * process, so that every test run starts with an empty datastore.
 */
final class Controller implements AutoCloseable {
    /** Services whose commit guard must be active before tests write anything. */
    private static final int GUARDED_CONTAINERS = 7;
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final Path home;
    private final RestconfClient client;

    private Controller(final Process process, final Path home, final RestconfClient client) {
        this.process = process;
        this.home = home;
        this.client = client;
    }

    static Controller start(final Path assembly, final Path home) throws IOException, InterruptedException {
        run("rm", "-rf", home.toString());
        Files.createDirectories(home.getParent());
        run("cp", "-a", assembly.toString(), home.toString());
        final var builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("EXTRA_JAVA_OPTS", "-Xmx768m");
        final var controller = new Controller(builder.start(), home, new RestconfClient("http://127.0.0.1:8181"));
        boolean ready = false;
        try {
            controller.awaitReady();
            ready = true;
        } finally {
            if (!ready) {
                controller.close();
            }
        }
        return controller;
    }

    RestconfClient client() {
        return client;
    }

    private void awaitReady() {
        Awaitility.await("controller ready, see " + home).atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(500))
            .until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Karaf exited with " + process.exitValue() + ", see " + home);
                }
                return guardsActive() && restconfAnswers();
            });
    }

    private boolean guardsActive() throws IOException {
        final var log = home.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return false;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("CNSMO validating")).count() >= GUARDED_CONTAINERS;
    }

    private boolean restconfAnswers() throws InterruptedException {
        try {
            final int status = client.get("cnsmo-nodes:nodes").status();
            return status == 200 || status == 404 || status == 409;
        } catch (ConnectException | HttpTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void run(final String... command) throws IOException, InterruptedException {
        final var proc = new ProcessBuilder(command).inheritIO().start();
        if (proc.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
