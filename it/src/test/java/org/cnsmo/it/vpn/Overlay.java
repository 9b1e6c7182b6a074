/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.vpn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cnsmo.it.Shell;

/**
 * The machines of the VPN end-to-end test. The controller runs in the root namespace, behind a Linux bridge
 * {@code cnsmo-ul} (10.96.0.1/24) that stands for the Internet. Every node is a namespace with its own
 * Open vSwitch (ovsdb-server and ovs-vswitchd run inside it, on a private directory) and an address on the
 * underlay; an external machine is a namespace without Open vSwitch.
 */
final class Overlay implements AutoCloseable {
    static final String UNDERLAY = "cnsmo-ul";
    static final String CONTROLLER_IP = "10.96.0.1";

    /**
     * A machine of the test.
     *
     * @param namespace its network namespace
     * @param underlayIp its address on the underlay
     * @param dir its private directory (Open vSwitch run files; the agent's files under {@code agent})
     */
    record Machine(String namespace, String underlayIp, Path dir) {
        Path agentDir() {
            return dir.resolve("agent");
        }

        Map<String, String> environment() {
            final var run = dir.toString();
            return Map.of("OVS_RUNDIR", run, "OVS_LOGDIR", run, "OVS_DBDIR", run, "OVS_SYSCONFDIR", run,
                "CNSMO_NODE_DIR", agentDir().toString());
        }
    }

    private final Path dir;
    private final Shell shell = new Shell(Map.of());
    private final List<Machine> machines = new ArrayList<>();

    private Overlay(final Path dir) {
        this.dir = dir;
    }

    static Overlay start(final Path dir, final List<String> leftovers) throws IOException, InterruptedException {
        final var overlay = new Overlay(dir.toAbsolutePath());
        for (var namespace : leftovers) {
            overlay.shell.removeNamespace(namespace);
            overlay.shell.exec("ip", "link", "del", veth(namespace));
        }
        overlay.shell.exec("ip", "link", "del", UNDERLAY);
        overlay.shell.exec("rm", "-rf", overlay.dir.toString());
        Files.createDirectories(overlay.dir);
        overlay.shell.run("ip", "link", "add", UNDERLAY, "type", "bridge");
        overlay.shell.run("ip", "addr", "add", CONTROLLER_IP + "/24", "dev", UNDERLAY);
        overlay.shell.run("ip", "link", "set", UNDERLAY, "up");
        return overlay;
    }

    /** A node machine: a namespace on the underlay with its own Open vSwitch. */
    Machine node(final String namespace, final String underlayIp) throws IOException, InterruptedException {
        final var machine = external(namespace, underlayIp);
        final var ovs = new Shell(machine.environment());
        final var db = machine.dir().resolve("conf.db").toString();
        ovs.run("ovsdb-tool", "create", db, "/usr/share/openvswitch/vswitch.ovsschema");
        ovs.runIn(namespace, "ovsdb-server", "--remote=punix:" + machine.dir().resolve("db.sock"),
            "--pidfile=" + machine.dir().resolve("ovsdb-server.pid"), "--detach",
            "--log-file=" + machine.dir().resolve("ovsdb-server.log"), db);
        ovs.run("ovs-vsctl", "--no-wait", "init");
        // A second ovs-vswitchd must run in its own namespace: the userspace datapath's tap is per namespace.
        ovs.runIn(namespace, "ovs-vswitchd", "unix:" + machine.dir().resolve("db.sock"),
            "--pidfile=" + machine.dir().resolve("ovs-vswitchd.pid"), "--detach",
            "--log-file=" + machine.dir().resolve("ovs-vswitchd.log"));
        return machine;
    }

    /** A machine on the underlay without Open vSwitch. */
    Machine external(final String namespace, final String underlayIp) throws IOException, InterruptedException {
        final var machine = new Machine(namespace, underlayIp, dir.resolve(namespace));
        Files.createDirectories(machine.dir());
        machines.add(machine);
        final var veth = veth(namespace);
        shell.run("ip", "netns", "add", namespace);
        shell.run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        shell.run("ip", "link", "set", veth, "master", UNDERLAY, "up");
        shell.runIn(namespace, "ip", "addr", "add", underlayIp + "/24", "dev", "eth0");
        shell.runIn(namespace, "ip", "link", "set", "eth0", "up");
        shell.runIn(namespace, "ip", "link", "set", "lo", "up");
        return machine;
    }

    /** Runs the node agent shipped with the distribution on a machine. */
    Shell.Result agent(final Machine machine, final Path agent, final String... args)
            throws IOException, InterruptedException {
        final var command = new ArrayList<>(List.of("bash", agent.toString()));
        command.addAll(List.of(args));
        return new Shell(machine.environment()).execIn(machine.namespace(), command.toArray(String[]::new));
    }

    /** Runs Open vSwitch's tools against a node's own switch. */
    Shell.Result ovs(final Machine machine, final String... command) throws IOException, InterruptedException {
        return new Shell(machine.environment()).execIn(machine.namespace(), command);
    }

    /** Whether one ping from a machine to an address gets an answer within a second. */
    boolean ping(final Machine from, final String address) throws IOException, InterruptedException {
        return shell.execIn(from.namespace(), "ping", "-c", "1", "-W", "1", address).ok();
    }

    /** Starts recording every frame a machine's device sends or receives, into a file. */
    Process capture(final Machine machine, final String device, final Path file) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", machine.namespace(), "tcpdump", "-i", device, "-U", "-n",
            "-s", "0", "-w", file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    /** The frames of a capture, one line each, starting with their source MAC address. */
    List<String> frames(final Path file) throws IOException, InterruptedException {
        final var result = shell.exec("tcpdump", "-n", "-e", "-t", "-r", file.toString());
        if (!result.ok()) {
            throw new IOException("Cannot read " + file + ": " + result.output());
        }
        return result.output().lines().filter(line -> !line.startsWith("reading from")).toList();
    }

    Shell shell() {
        return shell;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (var machine : machines.reversed()) {
            shell.removeNamespace(machine.namespace());
            shell.exec("ip", "link", "del", veth(machine.namespace()));
        }
        shell.exec("ip", "link", "del", UNDERLAY);
    }

    private static String veth(final String namespace) {
        return "u-" + namespace.replace("cnsmo-", "");
    }
}
