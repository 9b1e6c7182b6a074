/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.sdn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cnsmo.it.rest.Controller;

/**
 * A private Open vSwitch (userspace datapath, its own database and run directory) with two node
 * bridges and three hosts in network namespaces, all created here and removed on close:
 *
 * <pre>
 *   ns cnsmo-ha  10.99.0.1 --port 2--+                               +--port 2-- ns cnsmo-hb 10.99.0.2
 *                                    [bridge cnsmo-a] =1=patch=1= [bridge cnsmo-b]
 *   ns cnsmo-ha2 10.99.0.5 --port 3--+    dpid 0xa                      dpid 0xb
 * </pre>
 *
 * <p>Port 1 of each bridge is its uplink to the overlay; both bridges are OpenFlow 1.3 switches in
 * fail-mode secure and out-of-band, connected to the controller over the lab's plain TCP listener on 127.0.0.1:6633.
 */
public final class Dataplane implements AutoCloseable {
    public static final String BRIDGE_A = "cnsmo-a";
    static final String BRIDGE_B = "cnsmo-b";
    public static final long DPID_A = 0xA;
    public static final long DPID_B = 0xB;
    public static final String HOST_A = "cnsmo-ha";
    static final String HOST_A2 = "cnsmo-ha2";
    public static final String HOST_B = "cnsmo-hb";
    public static final String IP_A = "10.99.0.1";
    static final String IP_A2 = "10.99.0.5";
    public static final String IP_B = "10.99.0.2";
    /** The third node, which {@link #addThirdNode()} adds behind a hub. */
    static final String BRIDGE_C = "cnsmo-c";
    static final long DPID_C = 0xC;
    static final String HOST_C = "cnsmo-hc";
    static final String IP_C = "10.99.0.3";
    private static final String HUB = "cnsmo-hub";
    private static final String CONTROLLER = "tcp:" + Controller.PLAIN_OPENFLOW;
    private static final List<String> NAMESPACES = List.of(HOST_A, HOST_A2, HOST_B, HOST_C);

    private final Path dir;
    private final List<Process> listeners = new ArrayList<>();

    private Dataplane(final Path dir) {
        this.dir = dir;
    }

    /** Builds the topology from scratch, removing what a previous run may have left. */
    public static Dataplane start(final Path dir) throws IOException, InterruptedException {
        final var dataplane = new Dataplane(dir.toAbsolutePath());
        dataplane.removeLeftovers();
        boolean started = false;
        try {
            dataplane.create();
            started = true;
        } finally {
            if (!started) {
                dataplane.close();
            }
        }
        return dataplane;
    }

    private void create() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run("ovsdb-tool", "create", dir.resolve("conf.db").toString(), "/usr/share/openvswitch/vswitch.ovsschema");
        run("ovsdb-server", "--remote=punix:" + dir.resolve("db.sock"), "--pidfile=" + dir.resolve("ovsdb-server.pid"),
            "--detach", "--log-file=" + dir.resolve("ovsdb-server.log"), dir.resolve("conf.db").toString());
        vsctl("--no-wait", "init");
        run("ovs-vswitchd", "unix:" + dir.resolve("db.sock"), "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
            "--detach", "--log-file=" + dir.resolve("ovs-vswitchd.log"));
        bridge(BRIDGE_A, DPID_A);
        bridge(BRIDGE_B, DPID_B);
        vsctl("add-port", BRIDGE_A, "a-up", "--", "set", "interface", "a-up", "type=patch", "options:peer=b-up",
            "ofport_request=1");
        vsctl("add-port", BRIDGE_B, "b-up", "--", "set", "interface", "b-up", "type=patch", "options:peer=a-up",
            "ofport_request=1");
        host(HOST_A, IP_A, BRIDGE_A, 2);
        host(HOST_A2, IP_A2, BRIDGE_A, 3);
        host(HOST_B, IP_B, BRIDGE_B, 2);
    }

    private void bridge(final String name, final long dpid) throws IOException, InterruptedException {
        vsctl("add-br", name, "--", "set", "bridge", name, "datapath_type=netdev", "protocols=OpenFlow13",
            "fail-mode=secure", "other-config:datapath-id=" + String.format("%016x", dpid));
        attachController(name);
    }

    /** Points a bridge at the controller (out-of-band, so OVS adds no hidden in-band flows). */
    void attachController(final String bridge) throws IOException, InterruptedException {
        vsctl("set-controller", bridge, CONTROLLER, "--", "set", "controller", bridge, "connection-mode=out-of-band");
    }

    /** Whether a bridge's controller connection is up, as Open vSwitch reports it. */
    boolean controllerConnected(final String bridge) throws IOException, InterruptedException {
        final var db = "--db=unix:" + dir.resolve("db.sock");
        final var uuid = exec("ovs-vsctl", db, "get", "bridge", bridge, "controller").output().strip()
            .replace("[", "").replace("]", "");
        return !uuid.isEmpty() && "true".equals(exec("ovs-vsctl", db, "get", "controller", uuid, "is_connected")
            .output().strip());
    }

    /** Disconnects a bridge from the controller; Open vSwitch flushes its flow table when it does. */
    void detachController(final String bridge) throws IOException, InterruptedException {
        vsctl("del-controller", bridge);
    }

    private void host(final String ns, final String ip, final String bridge, final int port)
            throws IOException, InterruptedException {
        final var veth = ns.replace("cnsmo-", "v-");
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns);
        run("ip", "link", "set", veth, "up");
        inNamespace(ns, "ip", "addr", "add", ip + "/24", "dev", "eth0");
        inNamespace(ns, "ip", "link", "set", "eth0", "up");
        inNamespace(ns, "ip", "link", "set", "lo", "up");
        // The userspace datapath does not fill in offloaded checksums: without this TCP is dropped.
        inNamespace(ns, "ethtool", "-K", "eth0", "tx", "off");
        vsctl("add-port", bridge, veth, "--", "set", "interface", veth, "ofport_request=" + port);
    }

    /**
     * Adds a third node: bridge {@value #BRIDGE_C} (dpid 0xc, connected to the controller) with host
     * {@value #HOST_C} at {@value #IP_C} on port 2, and joins the three uplinks through a hub bridge (no controller,
     * one NORMAL flow) instead of A's and B's direct patch, so that each node's traffic to another crosses only the
     * two nodes' bridges, as over the VPN. {@link #removeThirdNode()} restores the two-node topology.
     */
    void addThirdNode() throws IOException, InterruptedException {
        bridge(BRIDGE_C, DPID_C);
        vsctl("add-br", HUB, "--", "set", "bridge", HUB, "datapath_type=netdev", "protocols=OpenFlow13",
            "fail-mode=secure");
        run("ovs-ofctl", "-O", "OpenFlow13", "add-flow", HUB, "priority=0,actions=NORMAL");
        vsctl("add-port", BRIDGE_C, "c-up", "--", "set", "interface", "c-up", "type=patch", "options:peer=hub-c",
            "ofport_request=1");
        for (var node : List.of("a", "b", "c")) {
            vsctl("add-port", HUB, "hub-" + node, "--", "set", "interface", "hub-" + node, "type=patch",
                "options:peer=" + node + "-up");
        }
        vsctl("set", "interface", "a-up", "options:peer=hub-a");
        vsctl("set", "interface", "b-up", "options:peer=hub-b");
        host(HOST_C, IP_C, BRIDGE_C, 2);
    }

    /** Removes what {@link #addThirdNode()} added and patches A's and B's uplinks together again. */
    void removeThirdNode() throws IOException, InterruptedException {
        vsctl("set", "interface", "a-up", "options:peer=b-up");
        vsctl("set", "interface", "b-up", "options:peer=a-up");
        vsctl("del-br", HUB);
        vsctl("del-br", BRIDGE_C);
        exec("ip", "netns", "pids", HOST_C).output().lines().forEach(pid -> {
            try {
                exec("kill", pid.strip());
            } catch (IOException e) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        run("ip", "netns", "del", HOST_C);
        exec("ip", "link", "del", "v-hc");
    }

    /**
     * Starts, in a host, a responder that accepts TCP connections on every given port (and closes them) and echoes
     * UDP datagrams on every given port; returns once it is bound. Ports that a listener of the fixture already
     * holds are left to it.
     *
     * @return the responder's process
     */
    Process respond(final String ns, final Collection<Integer> tcpPorts, final Collection<Integer> udpPorts)
            throws IOException {
        final var process = new ProcessBuilder("ip", "netns", "exec", ns, "python3", probeScript().toString(),
            "respond", join(tcpPorts), join(udpPorts)).redirectError(dir.resolve("respond-" + ns + ".log").toFile())
            .start();
        listeners.add(process);
        final var ready = new String(process.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        if (!"ready\n".equals(ready)) {
            throw new IOException("the responder in " + ns + " did not start: " + ready);
        }
        return process;
    }

    /**
     * Real connection attempts from a host, started at a rate and run in parallel: TCP connects, and UDP datagrams
     * to a responder (sent again after 1 s without an answer).
     *
     * @param attempts lines "tcp|udp ADDRESS PORT"
     * @param timeoutSeconds how long an attempt waits for an answer before it counts as dropped
     * @param perSecond how many attempts start each second
     * @return one line per attempt, in order: "tcp|udp ADDRESS PORT OUTCOME MILLIS", OUTCOME one of accept (connected,
     *     or the echo came back), reject (TCP reset or ICMP port unreachable), drop (no answer), error-ERRNO
     */
    List<String> probe(final String ns, final List<String> attempts, final int timeoutSeconds, final int perSecond)
            throws IOException, InterruptedException {
        final var process = new ProcessBuilder("ip", "netns", "exec", ns, "python3", probeScript().toString(), "probe",
            String.valueOf(timeoutSeconds), String.valueOf(perSecond)).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(String.join("\n", attempts).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("probes from " + ns + " failed: " + output);
        }
        final var lines = output.lines().toList();
        if (lines.size() != attempts.size()) {
            throw new IOException("probes from " + ns + ": " + attempts.size() + " attempts, answers " + output);
        }
        return lines;
    }

    private Path probeScript() throws IOException {
        final var script = dir.resolve("probe.py");
        if (!Files.exists(script)) {
            try (var in = Dataplane.class.getResourceAsStream("probe.py")) {
                if (in == null) {
                    throw new IOException("probe.py is not on the class path");
                }
                Files.copy(in, script);
            }
        }
        return script;
    }

    private static String join(final Collection<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Starts a TCP server in a host that accepts connections on a port and closes them. */
    public void listen(final String ns, final int port) throws IOException {
        listeners.add(new ProcessBuilder("ip", "netns", "exec", ns, "socat", "TCP-LISTEN:" + port + ",fork,reuseaddr",
            "SYSTEM:true").redirectErrorStream(true).redirectOutput(dir.resolve("socat-" + ns + "-" + port + ".log")
            .toFile()).start());
    }

    /** Starts a UDP echo server in a host: every datagram to the port is sent back to its sender. */
    public void udpEcho(final String ns, final int port) throws IOException {
        listeners.add(new ProcessBuilder("ip", "netns", "exec", ns, "socat", "UDP4-RECVFROM:" + port + ",fork",
            "EXEC:cat").redirectErrorStream(true).redirectOutput(dir.resolve("socat-udp-" + ns + "-" + port + ".log")
            .toFile()).start());
    }

    /** Sends one UDP datagram from a host to an echo server and says whether its echo came back within 2 s. */
    public boolean udpEchoed(final String fromNs, final String ip, final int port)
            throws IOException, InterruptedException {
        final var builder = new ProcessBuilder("ip", "netns", "exec", fromNs, "timeout", "5", "socat", "-T", "2", "-",
            "UDP4:" + ip + ":" + port).redirectErrorStream(true);
        final var process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write("cnsmo-echo\n".getBytes(StandardCharsets.UTF_8));
        }
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.contains("cnsmo-echo");
    }

    /** Sends one ICMP echo request from a host and says whether the reply came back within 2 s. */
    public boolean pings(final String fromNs, final String ip) throws IOException, InterruptedException {
        return exec("ip", "netns", "exec", fromNs, "ping", "-c", "1", "-W", "2", ip).exitCode() == 0;
    }

    /** Tries a TCP connection from one host to an address, for at most three seconds. */
    public ConnectResult connect(final String fromNs, final String ip, final int port)
            throws IOException, InterruptedException {
        final long start = System.nanoTime();
        final var result = exec("ip", "netns", "exec", fromNs, "nc", "-z", "-v", "-w", "3", ip, String.valueOf(port));
        return new ConnectResult(result.exitCode() == 0, result.output().contains("refused"),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), result.output());
    }

    /** The flows of a bridge, one per line, as ovs-ofctl prints them. */
    List<String> flows(final String bridge) throws IOException, InterruptedException {
        final var result = exec("ovs-ofctl", "-O", "OpenFlow13", "dump-flows", "--no-stats", bridge);
        if (result.exitCode() != 0) {
            throw new IOException("dump-flows failed: " + result.output());
        }
        return result.output().lines().filter(line -> line.contains("cookie=")).map(String::strip).sorted().toList();
    }

    /** The flows of a bridge with one cookie. */
    List<String> flows(final String bridge, final String cookie) throws IOException, InterruptedException {
        return flows(bridge).stream().filter(line -> line.contains("cookie=" + cookie + ",")).toList();
    }

    void addFlow(final String bridge, final String flow) throws IOException, InterruptedException {
        run("ovs-ofctl", "-O", "OpenFlow13", "add-flow", bridge, flow);
    }

    /** Changes the actions of the flows a spec selects, as {@code ovs-ofctl mod-flows} does. */
    void modFlows(final String bridge, final String spec) throws IOException, InterruptedException {
        run("ovs-ofctl", "-O", "OpenFlow13", "mod-flows", bridge, spec);
    }

    /** Deletes the flows a spec selects. */
    void deleteFlows(final String bridge, final String spec) throws IOException, InterruptedException {
        run("ovs-ofctl", "-O", "OpenFlow13", "del-flows", bridge, spec);
    }

    void deleteAllFlows(final String bridge) throws IOException, InterruptedException {
        run("ovs-ofctl", "-O", "OpenFlow13", "del-flows", bridge);
    }

    /** The meters of a bridge, as ovs-ofctl prints them. */
    String meters(final String bridge) throws IOException, InterruptedException {
        return exec("ovs-ofctl", "-O", "OpenFlow13", "dump-meters", bridge).output();
    }

    /**
     * The packets a meter took in and the packets its band dropped.
     *
     * @return {packets in, packets dropped}
     */
    long[] meterStats(final String bridge, final long meterId) throws IOException, InterruptedException {
        final var text = exec("ovs-ofctl", "-O", "OpenFlow13", "meter-stats", bridge, "meter=" + meterId).output();
        final var in = Pattern.compile("packet_in_count:(\\d+)").matcher(text);
        final var band = Pattern.compile("0: packet_count:(\\d+)").matcher(text);
        if (!in.find() || !band.find()) {
            throw new IOException("no statistics for meter " + meterId + " on " + bridge + ": " + text);
        }
        return new long[] { Long.parseLong(in.group(1)), Long.parseLong(band.group(1)) };
    }

    /** Deletes a meter from a bridge behind the controller's back. */
    void deleteMeter(final String bridge, final long meterId) throws IOException, InterruptedException {
        run("ovs-ofctl", "-O", "OpenFlow13", "del-meter", bridge, "meter=" + meterId);
    }

    /**
     * Starts a UDP probe: a receiver in one host that logs every datagram it gets, and a sender in another that
     * sends one datagram every millisecond to it, each from the next source port (a new connection for
     * conntrack), carrying its sequence number and the CLOCK_MONOTONIC time it was sent (System.nanoTime's clock).
     */
    UdpProbe udpProbe(final String fromNs, final String toNs, final String toIp, final int port)
            throws IOException, InterruptedException {
        final var receiver = dir.resolve("probe-receiver.py");
        Files.writeString(receiver, """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
            s.bind(("0.0.0.0", int(sys.argv[1])))
            out = open(sys.argv[2], "w", buffering=1)
            print("ready", flush=True)
            while True:
                out.write(s.recv(64).decode() + "\\n")
            """);
        final var sender = dir.resolve("probe-sender.py");
        Files.writeString(sender, """
            import os, socket, sys, time
            ip, port, stop, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
            sent, seq, due = [], 0, time.monotonic_ns()
            while not os.path.exists(stop):
                now = time.monotonic_ns()
                if now < due:
                    time.sleep((due - now) / 1e9)
                    continue
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(("0.0.0.0", 20000 + seq % 40000))
                at = time.monotonic_ns()
                s.sendto(("%d %d" % (seq, at)).encode(), (ip, port))
                s.close()
                sent.append("%d %d" % (seq, at))
                seq += 1
                due += 1000000
            with open(log, "w") as f:
                f.write("\\n".join(sent) + "\\n")
            """);
        final var received = dir.resolve("probe-received.log");
        final var sentLog = dir.resolve("probe-sent.log");
        final var stop = dir.resolve("probe-stop");
        Files.deleteIfExists(stop);
        Files.deleteIfExists(sentLog);
        final var listening = new ProcessBuilder("ip", "netns", "exec", toNs, "python3", receiver.toString(),
            String.valueOf(port), received.toString()).redirectErrorStream(true).start();
        listeners.add(listening);
        final var ready = new String(listening.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        if (!ready.startsWith("ready")) {
            listening.waitFor(5, TimeUnit.SECONDS);
            throw new IOException("the probe's receiver did not start: " + ready
                + new String(listening.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        final var sending = new ProcessBuilder("ip", "netns", "exec", fromNs, "python3", sender.toString(), toIp,
            String.valueOf(port), stop.toString(), sentLog.toString()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("probe-sender.out").toFile()).start();
        listeners.add(sending);
        return new UdpProbe(listening, sending, stop, sentLog, received);
    }

    /** A running UDP probe (see {@link #udpProbe}). */
    record UdpProbe(Process receiver, Process sender, Path stopFile, Path sentLog, Path receivedLog) {
        /**
         * Stops the sender, lets the last datagrams arrive and stops the receiver.
         *
         * @return per sequence number sent, the time it was sent (System.nanoTime), and whether it arrived
         */
        Map<Long, Map.Entry<Long, Boolean>> finish() throws IOException, InterruptedException {
            Files.writeString(stopFile, "stop");
            if (!sender.waitFor(10, TimeUnit.SECONDS)) {
                sender.destroyForcibly();
                throw new IOException("the probe's sender did not stop");
            }
            Thread.sleep(200);
            receiver.destroy();
            receiver.waitFor(5, TimeUnit.SECONDS);
            final var arrived = new HashSet<Long>();
            Files.readAllLines(receivedLog).stream().filter(line -> !line.isBlank())
                .forEach(line -> arrived.add(Long.parseLong(line.split(" ")[0])));
            final var result = new TreeMap<Long, Map.Entry<Long, Boolean>>();
            Files.readAllLines(sentLog).stream().filter(line -> !line.isBlank()).forEach(line -> {
                final var parts = line.split(" ");
                final long seq = Long.parseLong(parts[0]);
                result.put(seq, Map.entry(Long.parseLong(parts[1]), arrived.contains(seq)));
            });
            return result;
        }
    }

    /** Starts an iperf3 server in a host, on port 5201. */
    void iperfServer(final String ns) throws IOException {
        listeners.add(new ProcessBuilder("ip", "netns", "exec", ns, "iperf3", "-s").redirectErrorStream(true)
            .redirectOutput(dir.resolve("iperf3-" + ns + ".log").toFile()).start());
    }

    /**
     * Measures with iperf3 what a host's iperf3 server receives from another host, in kbit/s: one TCP connection,
     * or UDP offered at a rate.
     *
     * @param udpKbps the UDP rate offered, or 0 for TCP
     */
    double receivedKbps(final String fromNs, final String ip, final int seconds, final long udpKbps)
            throws IOException, InterruptedException {
        final var command = new ArrayList<>(List.of("ip", "netns", "exec", fromNs, "iperf3", "-J", "-c", ip, "-t",
            String.valueOf(seconds)));
        if (udpKbps > 0) {
            command.addAll(List.of("-u", "-b", udpKbps + "K"));
        }
        final var result = exec(command.toArray(String[]::new));
        final var json = com.google.gson.JsonParser.parseString(result.output()).getAsJsonObject();
        if (result.exitCode() != 0 || !json.has("end")) {
            throw new IOException("iperf3 failed: " + result.output());
        }
        final var end = json.getAsJsonObject("end");
        if (end.has("sum_received")) {
            return end.getAsJsonObject("sum_received").get("bits_per_second").getAsDouble() / 1000;
        }
        // UDP on iperf3 3.12: the sender's rate with the receiver's loss
        final var sum = end.getAsJsonObject("sum");
        return sum.get("bits_per_second").getAsDouble() * (1 - sum.get("lost_percent").getAsDouble() / 100) / 1000;
    }

    /**
     * Pings from one host to another while tcpdump listens in the receiving host.
     *
     * @return the IPv4 tos value of the first echo request the receiver saw, as tcpdump prints it ("0xb8")
     */
    String receivedTos(final String fromNs, final String toNs, final String ip)
            throws IOException, InterruptedException {
        final var dump = new ProcessBuilder("ip", "netns", "exec", toNs, "timeout", "5", "tcpdump", "-l", "-n", "-v",
            "-c", "1", "-i", "eth0", "icmp[icmptype] = icmp-echo").redirectErrorStream(true).start();
        final var output = new StringBuilder();
        final var reader = new Thread(() -> {
            try {
                output.append(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        // tcpdump needs a moment to open the interface
        for (int i = 0; i < 8 && dump.isAlive(); i++) {
            exec("ip", "netns", "exec", fromNs, "ping", "-c", "1", "-W", "1", ip);
        }
        dump.waitFor(6, TimeUnit.SECONDS);
        reader.join(1000);
        final var tos = Pattern.compile("tos (0x[0-9a-f]+)").matcher(output);
        if (!tos.find()) {
            throw new IOException("tcpdump saw no echo request: " + output);
        }
        return tos.group(1);
    }

    /**
     * Sends TCP SYNs from a host to a port, a packet every {@code intervalMicros}, for a number of seconds;
     * bounded in rate and time, inside the test's own namespaces.
     */
    void synFlood(final String fromNs, final String ip, final int port, final int intervalMicros, final int seconds)
            throws IOException, InterruptedException {
        exec("ip", "netns", "exec", fromNs, "timeout", "--signal=INT", String.valueOf(seconds), "hping3", "-q", "-S",
            "-p", String.valueOf(port), "-i", "u" + intervalMicros, ip);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listeners.forEach(Process::destroy);
        removeLeftovers();
    }

    private void removeLeftovers() throws IOException, InterruptedException {
        for (var ns : NAMESPACES) {
            exec("ip", "netns", "pids", ns).output().lines().forEach(pid -> {
                try {
                    exec("kill", pid.strip());
                } catch (IOException e) {
                    // already gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            exec("ip", "netns", "del", ns);
        }
        for (var pidFile : List.of("ovs-vswitchd.pid", "ovsdb-server.pid")) {
            final var path = dir.resolve(pidFile);
            if (Files.exists(path)) {
                exec("kill", Files.readString(path, StandardCharsets.UTF_8).strip());
            }
        }
        for (var veth : List.of("v-ha", "v-ha2", "v-hb", "v-hc")) {
            exec("ip", "link", "del", veth);
        }
        exec("rm", "-rf", dir.toString());
    }

    private void vsctl(final String... args) throws IOException, InterruptedException {
        final var command = new ArrayList<String>();
        command.add("ovs-vsctl");
        command.add("--db=unix:" + dir.resolve("db.sock"));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private void inNamespace(final String ns, final String... args) throws IOException, InterruptedException {
        final var command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        command.addAll(List.of(args));
        run(command.toArray(String[]::new));
    }

    private void run(final String... command) throws IOException, InterruptedException {
        final var result = exec(command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + result.output());
        }
    }

    private ExecResult exec(final String... command) throws IOException, InterruptedException {
        final var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("OVS_RUNDIR", dir.toString(), "OVS_LOGDIR", dir.toString(),
            "OVS_DBDIR", dir.toString(), "OVS_SYSCONFDIR", dir.toString()));
        final var process = builder.start();
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ExecResult(process.waitFor(), output);
    }

    private record ExecResult(int exitCode, String output) {
        // a value
    }

    /**
     * The outcome of a TCP connection attempt.
     *
     * @param connected whether it connected
     * @param refused whether it was actively refused (reset or ICMP unreachable)
     * @param millis how long the attempt took
     * @param output what nc printed
     */
    public record ConnectResult(boolean connected, boolean refused, long millis, String output) {
        // a value
    }
}
