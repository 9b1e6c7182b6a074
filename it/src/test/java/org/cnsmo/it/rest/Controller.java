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
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The CNSMO Karaf distribution, copied from the build into a fresh directory and run as a real controller
 * process, so that every test run starts with an empty datastore.
 */
public final class Controller implements AutoCloseable {
    /** Services whose commit guard must be active before tests write anything. */
    private static final int GUARDED_CONTAINERS = 7;
    private static final List<String> SERVICES_STARTED = List.of("CNSMO SDN renderer started",
        "CNSMO VPN service started", "CNSMO DNS service started", "CNSMO access policies in place");
    private static final String HTTP = "http://127.0.0.1:8181";
    /** Where the lab's plain TCP OpenFlow listener is opened. */
    public static final String PLAIN_OPENFLOW = "127.0.0.1:6633";
    private static final String HTTPS = "https://127.0.0.1:8443";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private final Path home;
    /** The admin's client; the password is created at the first start. */
    private RestconfClient client;
    private Process process;
    private final Set<String> firstStartCommandLines = ConcurrentHashMap.newKeySet();
    /** Log lines written before the current start, which readiness checks skip. */
    private long logLinesBefore;

    private Controller(final Path home) {
        this.home = home;
    }

    static Controller start(final Path assembly, final Path home) throws IOException, InterruptedException {
        run("rm", "-rf", home.toString());
        Files.createDirectories(home.getParent());
        run("cp", "-a", assembly.toString(), home.toString());
        // A lab: the hand-made bridges of the SDN tests attach over plain TCP on loopback, opened the way the
        // README tells an operator to, before the first start. Nodes' own switches still use TLS on 6653.
        Files.writeString(home.resolve("etc/org.cnsmo.openflow.cfg"), "plain-tcp = " + PLAIN_OPENFLOW + "\n",
            StandardCharsets.UTF_8);
        final var controller = new Controller(home);
        controller.launch();
        return controller;
    }

    public RestconfClient client() {
        return client;
    }

    /** The random admin password written at the first start, read the way the README tells operators to. */
    public String adminPassword() throws IOException {
        return Files.readString(home.resolve("cnsmo/admin-password"), StandardCharsets.UTF_8).strip();
    }

    /** The admin's client over HTTPS, trusting only the controller's CA and checking the host name. */
    public RestconfClient httpsClient() throws IOException, GeneralSecurityException {
        return new RestconfClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .sslContext(trustingItsCa()).build(), HTTPS, "admin", adminPassword());
    }

    /** The base URL of the controller's HTTPS web server. */
    public static String httpsBase() {
        return HTTPS;
    }

    /** A TLS context that trusts only the controller's CA. */
    public SSLContext trustingItsCa() throws IOException, GeneralSecurityException {
        final var trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(home.resolve("cnsmo/pki/ca.crt"))) {
            trust.setCertificateEntry("cnsmo-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        final var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final var tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        return tls;
    }

    /** The controller's installation directory. */
    public Path home() {
        return home;
    }

    /** Stops the controller and starts it again on the same data, as an operator restart would. */
    public void restart() throws IOException, InterruptedException {
        close();
        launch();
    }

    /**
     * Stops the controller as an operator would, with SIGTERM to its JVM, and waits for the JVM to exit. Unlike
     * {@link #close()}, nothing else is killed: what the controller started must stop by itself.
     */
    public void stop() throws IOException, InterruptedException {
        signalJvm("TERM");
    }

    /** The pid of the controller's JVM. */
    public long jvmPid() {
        return jvm().orElseThrow(() -> new IllegalStateException("no controller JVM under " + home)).pid();
    }

    /** Kills the controller's JVM with SIGKILL, leaving whatever it started to itself. */
    public void kill() throws IOException, InterruptedException {
        signalJvm("KILL");
    }

    /** Starts the controller again on the same data after {@link #stop()} or {@link #kill()}. */
    public void startAgain() throws IOException, InterruptedException {
        launch();
    }

    private void signalJvm(final String signal) throws IOException, InterruptedException {
        final var jvm = jvm().orElseThrow(() -> new IllegalStateException("no controller JVM under " + home));
        run("kill", "-" + signal, String.valueOf(jvm.pid()));
        try {
            jvm.onExit().get(90, TimeUnit.SECONDS);
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the controller under " + home + " did not exit on SIG" + signal, e);
        }
        process = null;
    }

    private Optional<ProcessHandle> jvm() {
        return process == null ? Optional.empty() : process.descendants()
            .filter(child -> child.info().command().orElse("").endsWith("java")).findFirst();
    }

    private void launch() throws IOException, InterruptedException {
        final var log = home.resolve("data/log/karaf.log");
        logLinesBefore = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).size() : 0;
        final var builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("EXTRA_JAVA_OPTS", "-Xmx768m");
        final boolean firstStart = !Files.exists(home.resolve("cnsmo/admin-password"));
        process = builder.start();
        boolean ready = false;
        try {
            if (firstStart) {
                recordCommandLinesUntilFirstStartEnds();
            }
            // bin/cnsmo-first-start writes the password before Karaf boots.
            Awaitility.await("admin password in " + home).atMost(Duration.ofMinutes(1))
                .until(() -> Files.isRegularFile(home.resolve("cnsmo/admin-password")));
            client = new RestconfClient(RestconfClient.plainHttp(), HTTP, "admin", adminPassword());
            awaitReady();
            ready = true;
        } finally {
            if (!ready) {
                close();
            }
        }
    }

    /**
     * Every command line on this machine while the first start runs (bin/cnsmo-first-start creates the users and
     * the HTTPS keystore), read from /proc every 10 ms, as any local user could with ps.
     */
    public Set<String> firstStartCommandLines() {
        return Set.copyOf(firstStartCommandLines);
    }

    private void recordCommandLinesUntilFirstStartEnds() {
        final long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!Files.exists(home.resolve("cnsmo/https/keystore.p12")) && System.nanoTime() < deadline) {
            ProcessHandle.allProcesses().forEach(handle -> handle.info().commandLine()
                .ifPresent(firstStartCommandLines::add));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        try {
            Awaitility.await("controller ready, see " + home).atMost(BOOT_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Karaf exited with " + process.exitValue() + ", see " + home);
                    }
                    return guardsActive() && restconfAnswers();
                });
        } catch (ConditionTimeoutException e) {
            // A boot that never gets ready is diagnosed from its threads: keep them next to its log.
            dumpThreads(home.resolve("thread-dump.txt"));
            throw e;
        }
    }

    private void dumpThreads(final Path file) throws IOException, InterruptedException {
        final var jvm = jvm();
        if (jvm.isPresent()) {
            final var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, String.valueOf(jvm.orElseThrow().pid()), "Thread.print")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
        }
    }

    private boolean guardsActive() throws IOException {
        final var log = home.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return false;
        }
        final var lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().skip(logLinesBefore).toList();
        return lines.stream().filter(line -> line.contains("CNSMO validating")).count() >= GUARDED_CONTAINERS
            && SERVICES_STARTED.stream().allMatch(marker -> lines.stream().anyMatch(line -> line.contains(marker)));
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
        if (process == null) {
            return;
        }
        // bin/karaf runs the JVM as a child: wait for every process, or a restart finds the instance running.
        final var processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        processes.forEach(ProcessHandle::destroy);
        for (var handle : processes) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    private static void run(final String... command) throws IOException, InterruptedException {
        final var proc = new ProcessBuilder(command).inheritIO().start();
        if (proc.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
