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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one external daemon (OpenVPN, dnsmasq) running in the foreground: starts it, restarts it with
 * exponential back-off when it exits, and stops it. Its output is appended to a log file, whose last line
 * explains a failure in {@link #problem()}.
 *
 * <p>The running daemon's pid and start time are kept in {@code <name>.pid} next to the log. A controller that
 * was killed leaves its daemon running with nobody supervising it; the next supervisor of that name stops that
 * leftover when it is created, before it starts anything, so that two daemons never fight over one device or
 * port. The start time tells the leftover from an unrelated process that got the same pid since.
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
    /** Start times are read from /proc in clock ticks; two readings of one process agree well within this. */
    private static final Duration PID_START_TOLERANCE = Duration.ofSeconds(1);

    private final String name;
    private final Path log;
    private final Path pidFile;
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
        pidFile = log.resolveSibling(name + ".pid");
        stopLeftover();
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

    /**
     * Sends a signal to the running daemon, for example {@code USR2} to make it reload its configuration
     * without a restart.
     *
     * @param signal the signal's name, without {@code SIG}
     * @return whether a daemon ran and took the signal
     * @throws IOException when {@code kill} cannot run
     * @throws InterruptedException when interrupted while waiting for {@code kill}
     */
    public boolean signal(final String signal) throws IOException, InterruptedException {
        final var running = process;
        if (running == null || !running.isAlive()) {
            return false;
        }
        final var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(running.pid()))
            .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
        return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
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
            if (!Files.exists(log)) {
                // Private from its creation: a daemon's output can name clients and addresses.
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
            }
            final var started = new ProcessBuilder(privately(line)).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
            process = started;
            recordPid(started);
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

    /**
     * The command run with umask 077, so that what the daemon creates (its sockets, status files) is its
     * user's only. The shell replaces itself with the daemon: the pid is the daemon's.
     */
    static List<String> privately(final List<String> command) {
        final var wrapped = new ArrayList<String>(command.size() + 3);
        wrapped.addAll(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
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
        if (running != null && running.isAlive()) {
            terminate(running.toHandle());
        }
        forgetPid();
    }

    private void terminate(final ProcessHandle running) {
        running.destroy();
        try {
            running.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} did not stop within {} s; killing it", name, STOP_GRACE.toSeconds());
            running.destroyForcibly();
            try {
                running.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException failed) {
                LOG.error("{} (pid {}) survived SIGKILL for {} s", name, running.pid(), STOP_GRACE.toSeconds());
                if (failed instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (ExecutionException e) {
            LOG.warn("Could not wait for {} to stop", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    /** Stops the daemon an earlier supervisor of this name left running, as recorded in its pid file. */
    private void stopLeftover() {
        final List<String> fields;
        try {
            fields = List.of(Files.readString(pidFile, StandardCharsets.US_ASCII).strip().split(" "));
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.warn("Cannot read {}: a {} left by an earlier run may still be running", pidFile, name, e);
            return;
        }
        final var leftover = leftover(fields);
        if (leftover.isPresent()) {
            LOG.warn("Stopping {} (pid {}) left running by an earlier controller", name, leftover.orElseThrow().pid());
            terminate(leftover.orElseThrow());
        }
        forgetPid();
    }

    private static Optional<ProcessHandle> leftover(final List<String> fields) {
        if (fields.size() != 2) {
            return Optional.empty();
        }
        final long pid;
        final long startedMillis;
        try {
            pid = Long.parseLong(fields.get(0));
            startedMillis = Long.parseLong(fields.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            .filter(handle -> handle.info().startInstant()
                .map(started -> Math.abs(started.toEpochMilli() - startedMillis) <= PID_START_TOLERANCE.toMillis())
                .orElse(false));
    }

    private void recordPid(final Process started) {
        final var startInstant = started.toHandle().info().startInstant();
        if (startInstant.isEmpty()) {
            LOG.warn("No start time for {} (pid {}): it will not be stopped if the controller dies", name,
                started.pid());
            return;
        }
        try {
            if (!Files.exists(pidFile)) {
                Files.createFile(pidFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
            }
            Files.writeString(pidFile, started.pid() + " " + startInstant.orElseThrow().toEpochMilli() + "\n",
                StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {} will not be stopped if the controller dies", pidFile, name, e);
        }
    }

    private void forgetPid() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", pidFile, e);
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
