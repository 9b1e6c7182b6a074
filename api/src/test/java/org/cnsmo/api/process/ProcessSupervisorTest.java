/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private Process unrelated;

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        if (unrelated != null) {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void daemonLeftByAKilledControllerIsStoppedByTheNextSupervisor() throws Exception {
        final var log = dir.resolve("sleeper.log");
        final var first = new ProcessSupervisor("sleeper", log, executor, Clock.systemUTC());
        final var daemon = onExecutor(() -> {
            first.run(List.of("sleep", "300"));
            return pidOf(dir.resolve("sleeper.pid"));
        });
        final var handle = ProcessHandle.of(daemon).orElseThrow();
        assertTrue(handle.isAlive());

        // The first supervisor is never closed, as when its JVM is killed; a new one starts with the same files.
        final var second = new ProcessSupervisor("sleeper", log, executor, Clock.systemUTC());
        handle.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(handle.isAlive());
        assertFalse(Files.exists(dir.resolve("sleeper.pid")));
        onExecutor(() -> {
            second.close();
            return 0L;
        });
    }

    @Test
    void cleanStopStopsTheDaemonAndForgetsIt() throws Exception {
        final var supervisor = new ProcessSupervisor("sleeper", dir.resolve("sleeper.log"), executor,
            Clock.systemUTC());
        final long pid = onExecutor(() -> {
            supervisor.run(List.of("sleep", "300"));
            return pidOf(dir.resolve("sleeper.pid"));
        });
        onExecutor(() -> {
            supervisor.close();
            return 0L;
        });
        assertTrue(ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
        assertFalse(Files.exists(dir.resolve("sleeper.pid")));
    }

    @Test
    void whatTheDaemonCreatesAndItsLogAndPidFileAreItsUsersOnly() throws Exception {
        final var made = dir.resolve("made-by-daemon");
        final var supervisor = new ProcessSupervisor("sleeper", dir.resolve("sleeper.log"), executor,
            Clock.systemUTC());
        final long pid = onExecutor(() -> {
            supervisor.run(List.of("sh", "-c", "touch " + made + " && exec sleep 300"));
            return pidOf(dir.resolve("sleeper.pid"));
        });
        // The daemon's shell touches the file and then replaces itself with sleep: wait for both, a loaded
        // machine can take seconds.
        final var deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !(Files.exists(made) && commandOf(pid).endsWith("sleep"))) {
            Thread.sleep(50);
        }
        final var own = PosixFilePermissions.fromString("rw-------");
        assertEquals(own, Files.getPosixFilePermissions(made));
        assertEquals(own, Files.getPosixFilePermissions(dir.resolve("sleeper.log")));
        assertEquals(own, Files.getPosixFilePermissions(dir.resolve("sleeper.pid")));
        // The wrapping shells replaced themselves: the recorded pid is the daemon's.
        assertTrue(commandOf(pid).endsWith("sleep"), commandOf(pid));
        onExecutor(() -> {
            supervisor.close();
            return 0L;
        });
    }

    private static String commandOf(final long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).orElse("");
    }

    @Test
    void processThatReusedTheRecordedPidIsLeftAlone() throws Exception {
        unrelated = new ProcessBuilder("sleep", "300").start();
        final var started = unrelated.toHandle().info().startInstant().orElseThrow();
        // The same pid, but it started an hour after the recorded daemon: another process.
        Files.writeString(dir.resolve("sleeper.pid"), unrelated.pid() + " " + started.minusSeconds(3600)
            .toEpochMilli() + "\n", StandardCharsets.US_ASCII);

        new ProcessSupervisor("sleeper", dir.resolve("sleeper.log"), executor, Clock.systemUTC());
        assertTrue(unrelated.isAlive());
        assertFalse(Files.exists(dir.resolve("sleeper.pid")));
    }

    @Test
    void garbledPidFileIsIgnored() throws Exception {
        Files.writeString(dir.resolve("sleeper.pid"), "not a pid\n", StandardCharsets.US_ASCII);
        new ProcessSupervisor("sleeper", dir.resolve("sleeper.log"), executor, Clock.systemUTC());
        assertFalse(Files.exists(dir.resolve("sleeper.pid")));
    }

    private <T> T onExecutor(final java.util.concurrent.Callable<T> task) throws Exception {
        return executor.submit(task).get(30, TimeUnit.SECONDS);
    }

    private static long pidOf(final Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip().split(" ")[0]);
    }
}
