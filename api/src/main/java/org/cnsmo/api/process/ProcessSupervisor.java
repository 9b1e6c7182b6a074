/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one external daemon (OpenVPN, dnsmasq) running in the foreground: starts it, restarts it with
 * exponential back-off when it exits, and stops it. Its output is appended to a log file, whose last line
 * explains a failure in {@link #problem()}.
 *
 * <p>Not thread-safe: call every method on the given single-threaded executor, where exit notifications
 * are delivered too.
 */
public final class ProcessSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A process that ran this long before exiting is restarted quickly again. */
    static final Duration STABLE = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Path log;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private @Nullable List<String> command;
    private @Nullable Process process;
    private Instant startedAt = Instant.MIN;
    private int generation;
    private Duration backoff = FIRST_BACKOFF;
    private @Nullable String problem;

    /**
     * A supervisor that runs nothing yet.
     *
     * @param name short name of the daemon, for messages
     * @param log file its output is appended to
     * @param executor the single thread all calls and exit notifications run on
     * @param clock the clock
     */
    public ProcessSupervisor(final String name, final Path log, final ScheduledExecutorService executor,
            final Clock clock) {
        this.name = requireNonNull(name);
        this.log = requireNonNull(log);
        this.executor = requireNonNull(executor);
        this.clock = requireNonNull(clock);
    }

    /**
     * Makes sure the daemon runs with this command line: starts it if it does not run, restarts it if it runs
     * with another command line.
     *
     * @param newCommand the command line
     */
    public void run(final List<String> newCommand) {
        if (newCommand.equals(command) && process != null && process.isAlive()) {
            return;
        }
        if (!newCommand.equals(command)) {
            command = List.copyOf(newCommand);
            backoff = FIRST_BACKOFF;
        }
        restart();
    }

    /**
     * Restarts the daemon now, so that it reads its configuration again.
     */
    public void restart() {
        if (command == null) {
            return;
        }
        stopProcess();
        start();
    }

    /**
     * Stops the daemon and keeps it stopped.
     */
    public void stop() {
        command = null;
        problem = null;
        generation++;
        stopProcess();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Why the daemon is not running although it should, if it is not.
     *
     * @return the reason
     */
    public Optional<String> problem() {
        return command == null || isRunning() ? Optional.empty() : Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        stop();
    }

    private void start() {
        final int current = ++generation;
        final var line = requireNonNull(command);
        try {
            final var started = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
            process = started;
            startedAt = clock.instant();
            problem = null;
            LOG.info("Started {} (pid {}): {}", name, started.pid(), String.join(" ", line));
            started.onExit().thenRun(() -> executor.execute(() -> onExit(current, started)));
        } catch (IOException e) {
            process = null;
            problem = "cannot start " + line.getFirst() + ": " + e.getMessage();
            scheduleRestart(current);
        }
    }

    private void onExit(final int exited, final Process stopped) {
        if (exited != generation || command == null) {
            // Stopped or replaced on purpose.
            return;
        }
        if (Duration.between(startedAt, clock.instant()).compareTo(STABLE) > 0) {
            backoff = FIRST_BACKOFF;
        }
        problem = name + " exited with code " + stopped.exitValue() + lastLogLine().map(text -> ": " + text)
            .orElse("");
        LOG.warn("{}; restarting it in {} ms", problem, backoff.toMillis());
        scheduleRestart(exited);
    }

    private void scheduleRestart(final int failed) {
        final var delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        executor.schedule(() -> {
            if (failed == generation && command != null) {
                start();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopProcess() {
        final var running = process;
        process = null;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s; killing it", name, STOP_GRACE.toSeconds());
                running.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    private Optional<String> lastLogLine() {
        try (var file = new RandomAccessFile(log.toFile(), "r")) {
            final long length = file.length();
            final int size = (int) Math.min(length, 2048);
            final var tail = new byte[size];
            file.seek(length - size);
            file.readFully(tail);
            final var lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
            return Optional.of(lines[lines.length - 1].strip()).filter(text -> !text.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
