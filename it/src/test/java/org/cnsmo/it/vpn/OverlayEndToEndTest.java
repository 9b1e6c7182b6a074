/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.vpn;

import static org.awaitility.Awaitility.await;
import static org.cnsmo.it.rest.RestAssertions.assertRefused;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.cnsmo.it.Shell;
import org.cnsmo.it.rest.Controller;
import org.cnsmo.it.rest.ControllerExtension;
import org.cnsmo.it.rest.RestconfClient;
import org.cnsmo.it.rest.V1Client;
import org.cnsmo.it.vpn.Overlay.Machine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overlay end to end: the controller's OpenVPN server and dnsmasq in the root namespace, nodes in
 * namespaces joined with the node agent shipped in the distribution, an external machine with a plain
 * OpenVPN client, all driven through RESTCONF and the agent.
 */
@ExtendWith(ControllerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlayEndToEndTest {
    private static final String N1 = "cnsmo-n1";
    private static final String N2 = "cnsmo-n2";
    private static final String N3 = "cnsmo-n3";
    private static final String X1 = "cnsmo-x1";
    private static final String N1_ADDRESS = "10.9.0.50";
    private static final String SERVER_ADDRESS = "10.9.0.1";
    private static final String BRIDGE = "br-cnsmo";
    /** A bridge on n3 that claims n1's datapath id. */
    private static final String IMPOSTOR = "br-impostor";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A client whose certificate the server refused tries again only when OpenVPN's TLS handshake window (60 s by
     * default) has run out, so it can take a minute to come back once it is let in again.
     */
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofSeconds(90);
    private static final String RECORDS = "cnsmo-dns:dns/record=";
    private static final String WEB = "cnsmo-load-balancers:load-balancers/load-balancer=web";
    private static final String VIP_URL = "http://10.9.0.100/";
    /** The figures the load balancer checks measure, in the test's output. */
    private static final System.Logger FIGURES = System.getLogger(OverlayEndToEndTest.class.getName());
    /** The flows of a node's base pipeline (classification, the stateful firewall frame, QoS stage, forwarding). */
    private static final int NODE_BASE_FLOWS = 20;

    private static Overlay overlay;
    private static Machine n1;
    private static Machine n2;
    private static Machine n3;
    private static Machine x1;
    private static Path agent;
    /** A token created at the start and used once it has expired, at the end. */
    private static String expiringToken;
    private static Instant expiringTokenExpires;
    /** A token spent in the used-token test, which must stay spent across the restart. */
    private static String usedToken;
    /** The pin of the controller's HTTPS key, from the first join command. */
    private static String pin;


    @BeforeAll
    static void startOverlay(final Controller controller) throws Exception {
        overlay = Overlay.start(Path.of("target/overlay"), List.of(N1, N2, N3, X1));
        n1 = overlay.node(N1, "10.96.0.11");
        n2 = overlay.node(N2, "10.96.0.12");
        n3 = overlay.node(N3, "10.96.0.13");
        x1 = overlay.external(X1, "10.96.0.21");
        agent = controller.home().resolve("bin/cnsmo-node");
        final var client = controller.client();
        assertStatus(201, client.put("cnsmo-vpn:vpn/server", """
            {"cnsmo-vpn:server": {"enabled": true, "public-address": "%s", "subnet": "10.9.0.0/24"}}"""
            .formatted(Overlay.CONTROLLER_IP)));
        // DNS first: enabling it later changes what the VPN server pushes, which restarts it.
        assertStatus(201, client.put("cnsmo-dns:dns", "{\"cnsmo-dns:dns\": {\"enabled\": true}}"));
        await("VPN server up").atMost(Duration.ofSeconds(20)).until(() -> "up".equals(
            operational(client, "cnsmo-vpn:vpn/server/status").getAsJsonObject("cnsmo-vpn:status")
                .get("state").getAsString()));
        final var expiring = createToken(client, "expired.node", 60);
        expiringToken = expiring.get("token").getAsString();
        expiringTokenExpires = Instant.parse(expiring.get("expires").getAsString());
    }

    @AfterAll
    static void stopOverlay(final RestconfClient client) throws Exception {
        if (overlay != null) {
            overlay.close();
        }
        client.delete("cnsmo-vpn:vpn");
        client.delete("cnsmo-dns:dns");
        client.delete("cnsmo-nodes:nodes/node=vpn.n1");
        client.delete("cnsmo-nodes:nodes/node=vpn.n2");
        client.delete("cnsmo-nodes:nodes/node=vpn.n5");
    }

    @Test
    @Order(1)
    void twoNodesJoinWithTokensAndReachEachOtherOverTheOverlay(final RestconfClient client,
            final Controller controller) throws Exception {
        final var token1 = createToken(client, "vpn.n1", N1_ADDRESS, 600);
        final var token2 = createToken(client, "vpn.n2", null, 600);
        final var joinCommand = token1.get("join-command").getAsString();
        // The token reaches the agent on standard input (echo is a shell builtin), never on a command line.
        assertTrue(joinCommand.contains("echo '" + token1.get("token").getAsString() + "' | sudo bash cnsmo-node join")
            && joinCommand.contains("--token -") && joinCommand.startsWith("curl -fsSk --pinnedpubkey 'sha256//"),
            joinCommand);
        final var pinMatch = Pattern.compile("--pin '([^']+)'").matcher(joinCommand);
        assertTrue(pinMatch.find(), joinCommand);
        pin = pinMatch.group(1);

        // Everything both joins send crosses the underlay bridge: record it, as a man in the middle would.
        final var capture = Path.of("target/overlay/join.pcap").toAbsolutePath();
        final var tcpdump = new ProcessBuilder("tcpdump", "-i", "cnsmo-ul", "-U", "-s", "0", "-w", capture.toString(),
            "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1_000);
        // n1 runs the join command exactly as the controller gave it (as root already, so without sudo): it
        // fetches the agent over pinned HTTPS too.
        final var joined = runJoinCommand(n1, joinCommand);
        assertEquals(0, joined.exitCode(), joined.output());
        assertTrue(joined.output().contains("joined: node"), joined.output());
        // n2 joins with the join command too, while every command line on the machine is watched (as ps would):
        // the token is never on one.
        final var token2Text = token2.get("token").getAsString();
        final var lines = ConcurrentHashMap.<String>newKeySet();
        final var joining = CompletableFuture.supplyAsync(() -> {
            try {
                return runJoinCommand(n2, token2.get("join-command").getAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        while (!joining.isDone()) {
            ProcessHandle.allProcesses().forEach(handle -> handle.info().commandLine().ifPresent(lines::add));
            Thread.sleep(10);
        }
        final var joined2 = joining.get();
        assertEquals(0, joined2.exitCode(), joined2.output());
        assertTrue(lines.stream().anyMatch(line -> line.contains("cnsmo-node/enroll")),
            "the watch saw the agent's enrollment request: " + lines.size() + " command lines");
        assertTrue(lines.stream().noneMatch(line -> line.contains(token2Text)), "the token on a command line");
        Thread.sleep(1_000);
        tcpdump.destroy();
        tcpdump.waitFor();
        final var captured = new String(Files.readAllBytes(capture), StandardCharsets.ISO_8859_1);
        assertTrue(captured.length() > 10_000, "the capture saw the joins: " + captured.length() + " bytes");
        for (var secret : List.of(token1.get("token").getAsString(), token2.get("token").getAsString(),
                "client.key", "PRIVATE KEY", "token=", controller.adminPassword())) {
            assertFalse(captured.contains(secret), "the underlay carries '" + secret + "' in clear");
        }
        final var n2Address = configuredAddress(client, "vpn.n2");
        assertNotEquals(N1_ADDRESS, n2Address);

        await("n1 pings n2 over the overlay").atMost(JOIN_TIMEOUT).until(() -> overlay.ping(n1, n2Address));
        assertTrue(overlay.ping(n2, N1_ADDRESS));
        for (var name : List.of("vpn.n1", "vpn.n2")) {
            await(name + " listed with VPN up and switch connected").atMost(JOIN_TIMEOUT)
                .until(() -> nodeUp(client, name));
        }
        assertEquals(N1_ADDRESS, nodeStatus(client, "vpn.n1").get("overlay-address").getAsString());
        assertEquals("10.96.0.11", nodeStatus(client, "vpn.n1").get("real-address").getAsString());
        await("the controller's flows on n1's bridge").atMost(JOIN_TIMEOUT)
            .until(() -> cnsmoFlows(n1).size() == NODE_BASE_FLOWS);
        // The nodes' switches got those flows over TLS, authenticated by the nodes' certificates.
        for (var machine : List.of(n1, n2)) {
            assertEquals("ssl:" + SERVER_ADDRESS + ":6653",
                overlay.ovs(machine, "ovs-vsctl", "get-controller", BRIDGE).output().strip());
            assertEquals("true", overlay.ovs(machine, "ovs-vsctl", "get", "controller", BRIDGE, "is_connected")
                .output().strip());
        }
        switchImpostorsClaimingN1GetNothing(client);
    }

    /**
     * While n1's switch is away, a bridge on n3 claims n1's datapath id: over plain TCP without a certificate the
     * controller refuses the connection; with a valid certificate (n2's) but from the underlay rather than n1's
     * overlay address it is connected yet gets no flows, and vpn.n1 shows why. n1 then comes back.
     */
    private static void switchImpostorsClaimingN1GetNothing(final RestconfClient client) throws Exception {
        final var dpid = client.getConfig("cnsmo-nodes:nodes/node=vpn.n1").json().getAsJsonArray("cnsmo-nodes:node")
            .get(0).getAsJsonObject().get("datapath-id").getAsString();
        final var controllerTarget = "ssl:" + SERVER_ADDRESS + ":6653";
        assertTrue(overlay.ovs(n1, "ovs-vsctl", "del-controller", BRIDGE).ok());
        await("n1's switch away").atMost(JOIN_TIMEOUT).until(() -> !nodeStatus(client, "vpn.n1")
            .get("switch-connected").getAsBoolean());
        try {
            assertTrue(overlay.ovs(n3, "ovs-vsctl", "add-br", IMPOSTOR, "--", "set", "bridge", IMPOSTOR,
                "datapath_type=netdev", "fail-mode=secure", "protocols=OpenFlow13",
                "other-config:datapath-id=" + String.format("%016x", Long.parseUnsignedLong(dpid)),
                "--", "set-controller", IMPOSTOR, "tcp:" + Overlay.CONTROLLER_IP + ":6653").ok());
            Thread.sleep(5_000);
            assertEquals("false", overlay.ovs(n3, "ovs-vsctl", "get", "controller", IMPOSTOR, "is_connected")
                .output().strip(), "a switch without a certificate is refused");
            assertFalse(nodeStatus(client, "vpn.n1").get("switch-connected").getAsBoolean());
            assertEquals(List.of(), flows(n3, IMPOSTOR));

            // A valid certificate (n2's), connecting from n3's underlay address instead of n1's overlay address.
            final var n2Agent = n2.agentDir();
            assertTrue(overlay.ovs(n3, "ovs-vsctl", "set-ssl", n2Agent.resolve("client.key").toString(),
                n2Agent.resolve("client.crt").toString(), n2Agent.resolve("ca.crt").toString()).ok());
            assertTrue(overlay.ovs(n3, "ovs-vsctl", "set-controller", IMPOSTOR,
                "ssl:" + Overlay.CONTROLLER_IP + ":6653").ok());
            await("the impostor's TLS connection").atMost(JOIN_TIMEOUT).until(() -> "true".equals(
                overlay.ovs(n3, "ovs-vsctl", "get", "controller", IMPOSTOR, "is_connected").output().strip()));
            await("vpn.n1 tells why its switch gets nothing").atMost(JOIN_TIMEOUT).until(() ->
                sdnReason(client, "vpn.n1").contains("connects from 10.96.0.13, not from node vpn.n1's address "
                    + N1_ADDRESS));
            Thread.sleep(3_000);
            assertFalse(nodeStatus(client, "vpn.n1").get("switch-connected").getAsBoolean());
            assertEquals(List.of(), flows(n3, IMPOSTOR), "the impostor got flows");
        } finally {
            overlay.ovs(n3, "ovs-vsctl", "--if-exists", "del-br", IMPOSTOR);
            overlay.ovs(n3, "ovs-vsctl", "del-ssl");
            overlay.ovs(n1, "ovs-vsctl", "set-controller", BRIDGE, controllerTarget);
        }
        await("n1's switch back with its flows").atMost(JOIN_TIMEOUT)
            .until(() -> nodeUp(client, "vpn.n1") && cnsmoFlows(n1).size() == NODE_BASE_FLOWS);
    }

    private static String sdnReason(final RestconfClient client, final String name)
            throws IOException, InterruptedException {
        final var status = nodeStatus(client, name);
        if (status == null || !status.has("service-status")) {
            return "";
        }
        return status.getAsJsonArray("service-status").asList().stream().map(JsonElement::getAsJsonObject)
            .filter(service -> "sdn".equals(service.get("service").getAsString()) && service.has("reason"))
            .map(service -> service.get("reason").getAsString()).findFirst().orElse("");
    }

    private static List<String> flows(final Machine machine, final String bridge)
            throws IOException, InterruptedException {
        return overlay.ovs(machine, "ovs-ofctl", "-O", "OpenFlow13", "dump-flows", bridge).output().lines()
            .filter(line -> line.contains("actions=")).toList();
    }

    @Test
    @Order(2)
    void loadBalancerSpreadsRequestsOverHealthyMembersAndSurvivesItsHaproxy(final RestconfClient client,
            final Controller controller) throws Exception {
        final var n2Address = configuredAddress(client, "vpn.n2");
        final var servers = new ArrayList<Process>();
        final var haproxyDir = controller.home().resolve("cnsmo/haproxy").toString();
        try {
            // Three members, each answering with its own name: two on n1, one on n2.
            servers.add(httpServer(n1, "m1", 8081));
            final var m2 = httpServer(n1, "m2", 8082);
            servers.add(m2);
            servers.add(httpServer(n2, "m3", 8081));
            final var m1 = new Member("m1", N1_ADDRESS, 8081);
            final var m3 = new Member("m3", n2Address, 8081);
            assertStatus(201, putWeb(client, "round-robin", m1, new Member("m2", N1_ADDRESS, 8082), m3));
            await("load balancer up with three healthy members").atMost(Duration.ofSeconds(20))
                .until(() -> "up".equals(lbState(client)));
            final var counts = new TreeMap<String, Integer>();
            for (int i = 0; i < 30; i++) {
                counts.merge(curl(n2, VIP_URL), 1, Integer::sum);
            }
            assertEquals(Set.of("m1", "m2", "m3"), counts.keySet(), counts.toString());
            counts.values().forEach(count -> assertTrue(count >= 9 && count <= 11, "round robin: " + counts));
            // The nodes that hold members show a green lb light.
            await("lb up on both member nodes").atMost(Duration.ofSeconds(10)).until(() ->
                "up".equals(serviceState(client, "vpn.n1", "lb")) && "up".equals(serviceState(client, "vpn.n2", "lb")));

            memberKilledIsUnhealthyInTimeAndNoRequestFailsAfter(client, m2);
            refusedLoadBalancersLeaveHaproxyServing(client, haproxyDir);

            // HAProxy is killed: the controller starts it again and the VIP answers within 5 s.
            overlay.shell().exec("pkill", "-KILL", "-f", "haproxy.*" + haproxyDir);
            await("VIP answers again").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("m1", "m3").contains(curl(n2, VIP_URL)));
            memberBackIsHealthyAndGetsRequests(client, servers);

            sourceIpKeepsEachClientOnOneMember(client, m1, m3);
            final var m4 = new Member("m4", n2Address, 8084);
            servers.add(httpServer(n2, "m4", 8084));
            memberAddedDuringADownloadKeepsItAndGetsRequests(client, servers, m1, m3, m4);
            leastConnectionsAvoidsAMemberHoldingSlowRequests(client, servers, m1, m3, m4);

            // With OpenVPN, dnsmasq, HAProxy and two joined agents running: nothing under the controller's
            // cnsmo/ or an agent's directory is open to other users.
            assertEquals(List.of(), openToOthers(controller.home().resolve("cnsmo")));
            assertEquals(List.of(), openToOthers(n1.agentDir()));
        } finally {
            servers.forEach(Process::destroy);
            client.delete(WEB);
        }
        // The last load balancer gone, HAProxy stops and the member nodes lose their lb light.
        await("HAProxy stopped").atMost(Duration.ofSeconds(10)).until(() -> !overlay.shell().exec("pgrep", "-f",
            "haproxy.*" + haproxyDir).ok());
        await("no lb state on the nodes").atMost(Duration.ofSeconds(10)).until(() ->
            serviceState(client, "vpn.n1", "lb") == null && serviceState(client, "vpn.n2", "lb") == null);
    }

    /**
     * A member dies while n2 sends requests without pause: within interval x retries + 2 s it is unhealthy over
     * RESTCONF, its node's lb light turns amber naming it, and none of the next 20 requests started after that
     * fails or reaches it. The sample is counted, not timed: a loaded machine answers slower, not differently.
     */
    private static void memberKilledIsUnhealthyInTimeAndNoRequestFailsAfter(final RestconfClient client,
            final Process m2) throws Exception {
        final var answers = new ConcurrentLinkedQueue<Answer>();
        final var stop = new AtomicBoolean();
        final var load = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                final var start = Instant.now();
                try {
                    final var answer = curl(n2, VIP_URL);
                    answers.add(new Answer(start, Duration.between(start, Instant.now()), answer));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        Thread.sleep(500);
        final var killed = Instant.now();
        m2.destroy();
        await("m2 unhealthy").atMost(Duration.ofSeconds(6)).until(() -> !memberHealthy(client, "m2"));
        final var unhealthy = Instant.now();
        await("20 requests started after m2 showed unhealthy").atMost(Duration.ofSeconds(60))
            .until(() -> answers.stream().filter(answer -> answer.start().isAfter(unhealthy)).count() >= 20);
        stop.set(true);
        load.get();
        final var after = answers.stream().filter(answer -> answer.start().isAfter(unhealthy)).toList();
        final var failedBefore = answers.stream().filter(answer -> answer.start().isBefore(unhealthy))
            .filter(answer -> !List.of("m1", "m2", "m3").contains(answer.body())).count();
        figure("LB member kill: unhealthy over RESTCONF after %d ms; %d requests before (%d failed), %d after "
            + "(slowest %d ms)", Duration.between(killed, unhealthy).toMillis(), answers.size() - after.size(),
            failedBefore, after.size(), after.stream().mapToLong(answer -> answer.took().toMillis()).max().orElse(0));
        after.forEach(answer -> assertTrue(List.of("m1", "m3").contains(answer.body()),
            "a request at " + answer.start() + " after m2 showed unhealthy (" + unhealthy + ") answered '"
                + answer.body() + "' after " + answer.took().toMillis() + " ms"));
        final var status = operational(client, WEB + "/status").getAsJsonObject("cnsmo-load-balancers:status");
        assertEquals("degraded", status.get("state").getAsString(), status.toString());
        assertTrue(status.get("reason").getAsString().contains("m2"), status.toString());
        await("n1's lb light amber, naming m2").atMost(Duration.ofSeconds(5)).until(() ->
            "degraded".equals(serviceState(client, "vpn.n1", "lb"))
                && serviceReason(client, "vpn.n1", "lb").contains("web/m2"));
        assertEquals("up", serviceState(client, "vpn.n2", "lb"), "n2's member m3 is healthy");
    }

    /**
     * The killed member comes back: within interval x rise (2 s x 1) plus a stats poll it is healthy again over
     * RESTCONF, its node's lb light is green, and round robin gives it its share of requests again.
     */
    private static void memberBackIsHealthyAndGetsRequests(final RestconfClient client, final List<Process> servers)
            throws Exception {
        servers.add(httpServer(n1, "m2", 8082));
        final var started = Instant.now();
        await("m2 healthy again").atMost(Duration.ofSeconds(8)).until(() -> memberHealthy(client, "m2"));
        figure("LB member back: healthy over RESTCONF after %d ms",
            Duration.between(started, Instant.now()).toMillis());
        await("n1's lb light green again").atMost(Duration.ofSeconds(5))
            .until(() -> "up".equals(serviceState(client, "vpn.n1", "lb")));
        final var counts = new TreeMap<String, Integer>();
        for (int i = 0; i < 30; i++) {
            counts.merge(curl(n2, VIP_URL), 1, Integer::sum);
        }
        assertEquals(Set.of("m1", "m2", "m3"), counts.keySet(), "m2 receives requests again: " + counts);
        counts.values().forEach(count -> assertTrue(count >= 9 && count <= 11, "round robin: " + counts));
    }

    /** One request through the VIP: when it started, how long it took and what it answered. */
    private record Answer(Instant start, Duration took, String body) {
    }

    /**
     * Refused load balancers (a VIP outside the overlay, a VIP that is a node's address, a health check timeout
     * not below its interval) get a 400 naming the field; HAProxy is not even reloaded and keeps serving.
     */
    private static void refusedLoadBalancersLeaveHaproxyServing(final RestconfClient client, final String haproxyDir)
            throws Exception {
        final var before = overlay.shell().exec("pgrep", "-f", "haproxy.*" + haproxyDir).output();
        final var bad = "cnsmo-load-balancers:load-balancers/load-balancer=bad";
        final var body = """
            {"cnsmo-load-balancers:load-balancer":[{"name":"bad","vip":{"address":"%s","port":80},
              "member":[{"name":"a","address":"%s","port":8081}]%s}]}""";
        assertRefused(client.put(bad, body.formatted("10.8.0.100", N1_ADDRESS, "")),
            "load-balancers/load-balancer=bad/vip/address");
        assertRefused(client.put(bad, body.formatted(N1_ADDRESS, N1_ADDRESS, "")),
            "load-balancers/load-balancer=bad/vip/address: VIP " + N1_ADDRESS + " is the overlay address of a VPN "
                + "client");
        assertRefused(client.put(bad, body.formatted("10.9.0.101", N1_ADDRESS,
            ",\"health-monitor\":{\"interval\":2,\"timeout\":2}")),
            "load-balancers/load-balancer=bad/health-monitor/timeout");
        assertEquals(409, client.getConfig(bad).status(), "nothing of a refused load balancer is written");
        for (int i = 0; i < 5; i++) {
            final var answer = curl(n2, VIP_URL);
            assertTrue(List.of("m1", "m3").contains(answer), "answered by " + answer);
        }
        assertEquals(before, overlay.shell().exec("pgrep", "-f", "haproxy.*" + haproxyDir).output(),
            "the same HAProxy processes: no reload for a refused change");
    }

    /** With source-ip, every request from one node reaches the same member. */
    private static void sourceIpKeepsEachClientOnOneMember(final RestconfClient client, final Member... members)
            throws Exception {
        assertStatus(204, putWeb(client, "source-ip", members));
        // The reload takes effect within a moment; ten answers in a row from one member cannot happen in turns.
        await("source-ip applied").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
            .until(() -> sameMember(n2, 10) != null);
        final var fromN2 = sameMember(n2, 20);
        assertTrue(fromN2 != null, "20 requests from n2 reached one member");
        final var fromN1 = sameMember(n1, 20);
        assertTrue(fromN1 != null, "20 requests from n1 reached one member");
        figure("LB source-ip: n2 -> %s, n1 -> %s", fromN2, fromN1);
    }

    /** The member that answered every one of a number of requests from a machine, or null. */
    private static String sameMember(final Machine machine, final int requests) throws Exception {
        final var answers = new TreeMap<String, Integer>();
        for (int i = 0; i < requests; i++) {
            answers.merge(curl(machine, VIP_URL), 1, Integer::sum);
        }
        final var only = answers.size() == 1 ? answers.firstKey() : null;
        return only == null || only.isEmpty() ? null : only;
    }

    /**
     * A member is added (and m2 removed) while n2 downloads 10 MiB through the VIP at 1 MiB/s: the new member is
     * healthy, so served by the new workers, while the download still runs in an old one, and the download
     * completes; the new member then gets its share of requests.
     */
    private static void memberAddedDuringADownloadKeepsItAndGetsRequests(final RestconfClient client,
            final List<Process> servers, final Member m1, final Member m3, final Member m4) throws Exception {
        final long size = 10L << 20;
        for (var machine : List.of(n1, n2)) {
            for (var name : List.of("m1", "m3")) {
                final var dir = machine.dir().resolve("www-" + name);
                if (Files.isDirectory(dir)) {
                    try (var file = new RandomAccessFile(dir.resolve("big").toFile(), "rw")) {
                        file.setLength(size);
                    }
                }
            }
        }
        final var started = Instant.now();
        final var download = new ProcessBuilder("ip", "netns", "exec", N2, "curl", "-s", "-m", "60", "--limit-rate",
            "1M", "-o", "/dev/null", "-w", "%{http_code} %{size_download}", VIP_URL + "big")
            .redirectErrorStream(true).start();
        servers.add(download);
        Thread.sleep(1_000);
        assertTrue(download.isAlive(), "the download runs");
        assertStatus(204, putWeb(client, "round-robin", m1, m3, m4));
        await("m4 healthy").atMost(Duration.ofSeconds(5)).until(() -> memberHealthy(client, "m4"));
        final var reloaded = Instant.now();
        assertTrue(download.isAlive(), "the download still runs once the new workers serve m4");
        assertTrue(download.waitFor(30, TimeUnit.SECONDS), "the download ends");
        final var result = new String(download.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        figure("LB reload during a download: m4 healthy %d ms after the start, done after %d ms: %s",
            Duration.between(started, reloaded).toMillis(),
            Duration.between(started, Instant.now()).toMillis(), result);
        assertEquals("200 " + size, result, "the download completed across the reload");
        final var counts = new TreeMap<String, Integer>();
        for (int i = 0; i < 12; i++) {
            counts.merge(curl(n2, VIP_URL), 1, Integer::sum);
        }
        assertEquals(Set.of("m1", "m3", "m4"), counts.keySet(), "round robin over the new members: " + counts);
        counts.values().forEach(count -> assertTrue(count >= 3 && count <= 5, "round robin: " + counts));
    }

    /**
     * With least-connections and a member that holds its requests (it answers after 30 s), requests sent one
     * after the other reach each member in turn until one is held by the slow member; from then on every new
     * request goes to the others.
     */
    private static void leastConnectionsAvoidsAMemberHoldingSlowRequests(final RestconfClient client,
            final List<Process> servers, final Member... fast) throws Exception {
        servers.add(slowServer(n1, 8083));
        final var members = new ArrayList<>(List.of(fast));
        members.add(new Member("slow", N1_ADDRESS, 8083));
        assertStatus(204, putWeb(client, "least-connections", members.toArray(Member[]::new)));
        await("slow member healthy").atMost(Duration.ofSeconds(10)).until(() -> memberHealthy(client, "slow")
            && "up".equals(lbState(client)));
        Process held = null;
        // Members of equal load are taken in turn: within a few requests one reaches the slow member.
        for (int i = 0; i < 2 * (fast.length + 1) && held == null; i++) {
            final var request = new ProcessBuilder("ip", "netns", "exec", N2, "curl", "-s", "-m", "40", VIP_URL)
                .redirectErrorStream(true).start();
            servers.add(request);
            if (!request.waitFor(1, TimeUnit.SECONDS)) {
                held = request;
            }
        }
        assertTrue(held != null, "a request is held by the slow member");
        final var counts = new TreeMap<String, Integer>();
        for (int i = 0; i < 15; i++) {
            counts.merge(curl(n2, VIP_URL), 1, Integer::sum);
        }
        assertEquals(Set.of("m1", "m3", "m4"), counts.keySet(), "new requests go to the others: " + counts);
        await("the slow member shows its held session").atMost(Duration.ofSeconds(5)).until(() ->
            memberSessions(client, "slow") >= 1);
        figure("LB least-connections: %s while slow holds %d", counts, memberSessions(client, "slow"));
        held.destroy();
    }

    private record Member(String name, String address, int port) {
    }

    private static void figure(final String format, final Object... args) {
        FIGURES.log(System.Logger.Level.INFO, String.format(format, args));
    }

    private static RestconfClient.Response putWeb(final RestconfClient client, final String algorithm,
            final Member... members) throws IOException, InterruptedException {
        final var list = new ArrayList<String>();
        for (var member : members) {
            list.add("{\"name\":\"%s\",\"address\":\"%s\",\"port\":%d}".formatted(member.name(), member.address(),
                member.port()));
        }
        return client.put(WEB, """
            {"cnsmo-load-balancers:load-balancer":[{"name":"web","vip":{"address":"10.9.0.100","port":80},
              "algorithm":"%s","member":[%s],
              "health-monitor":{"type":"tcp","interval":2,"timeout":1,"max-retries":2}}]}"""
            .formatted(algorithm, String.join(",", list)));
    }

    /** A TCP member that accepts requests and answers each only after 30 s. */
    private static Process slowServer(final Machine machine, final int port) throws Exception {
        final var script = machine.dir().resolve("slow-server.py");
        Files.writeString(script, """
            import http.server, sys, time
            class Slow(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    time.sleep(30)
                    self.send_response(200)
                    self.send_header("Content-Length", "4")
                    self.end_headers()
                    self.wfile.write(b"slow")
                def log_message(self, *args):
                    pass
            http.server.ThreadingHTTPServer(("", int(sys.argv[1])), Slow).serve_forever()
            """);
        final var server = new ProcessBuilder("ip", "netns", "exec", machine.namespace(), "python3",
            script.toString(), String.valueOf(port)).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await("the slow member listens").atMost(Duration.ofSeconds(10)).until(() -> overlay.shell().execIn(
            machine.namespace(), "bash", "-c", "echo > /dev/tcp/127.0.0.1/" + port).ok());
        return server;
    }

    private static long memberSessions(final RestconfClient client, final String member)
            throws IOException, InterruptedException {
        final var status = operational(client, WEB + "/status").getAsJsonObject("cnsmo-load-balancers:status");
        for (var entry : status.getAsJsonArray("member-status")) {
            final var object = entry.getAsJsonObject();
            if (member.equals(object.get("name").getAsString()) && object.has("current-sessions")) {
                return object.get("current-sessions").getAsLong();
            }
        }
        return -1;
    }

    /** A node's service-status entry of one service, or null when it has none. */
    private static JsonObject serviceEntry(final RestconfClient client, final String node, final String service)
            throws IOException, InterruptedException {
        final var response = client.getOperational("cnsmo-nodes:nodes/node=" + node);
        if (response.status() != 200) {
            return null;
        }
        final var status = response.json().getAsJsonArray("cnsmo-nodes:node").get(0).getAsJsonObject()
            .getAsJsonObject("status");
        if (status == null || !status.has("service-status")) {
            return null;
        }
        return status.getAsJsonArray("service-status").asList().stream().map(JsonElement::getAsJsonObject)
            .filter(entry -> service.equals(entry.get("service").getAsString())).findFirst().orElse(null);
    }

    private static String serviceState(final RestconfClient client, final String node, final String service)
            throws IOException, InterruptedException {
        final var entry = serviceEntry(client, node, service);
        return entry == null ? null : entry.get("state").getAsString();
    }

    private static String serviceReason(final RestconfClient client, final String node, final String service)
            throws IOException, InterruptedException {
        final var entry = serviceEntry(client, node, service);
        return entry == null || !entry.has("reason") ? "" : entry.get("reason").getAsString();
    }

    /**
     * Every file, directory and socket under a directory that a group or other users may access (a socket
     * counts as open when its directory is).
     */
    private static List<String> openToOthers(final Path dir) throws IOException {
        try (var entries = Files.walk(dir)) {
            return entries.filter(entry -> {
                try {
                    if (Files.isSymbolicLink(entry)) {
                        return false;
                    }
                    // OpenVPN makes its management socket 0777 whatever the umask; a socket is reachable only
                    // through its directory, so for a socket the directory is what must be private.
                    final var judged = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? entry : entry.getParent();
                    return Files.getPosixFilePermissions(judged, LinkOption.NOFOLLOW_LINKS).stream()
                        .anyMatch(permission -> permission.name().startsWith("GROUP")
                            || permission.name().startsWith("OTHERS"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(entry -> entry + " " + permissionsOf(entry)).toList();
        }
    }

    private static String permissionsOf(final Path entry) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP server in a machine's namespace on every address, answering every GET with its name. */
    private static Process httpServer(final Machine machine, final String name, final int port) throws Exception {
        final var root = Files.createDirectories(machine.dir().resolve("www-" + name));
        Files.writeString(root.resolve("index.html"), name);
        final var server = new ProcessBuilder("ip", "netns", "exec", machine.namespace(), "python3", "-m",
            "http.server", String.valueOf(port), "--directory", root.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await(name + " serves").atMost(Duration.ofSeconds(10)).until(() -> overlay.shell().execIn(
            machine.namespace(), "curl", "-s", "-m", "2", "http://127.0.0.1:" + port + "/").output().contains(name));
        return server;
    }

    private static String curl(final Machine machine, final String url) throws IOException, InterruptedException {
        return overlay.shell().execIn(machine.namespace(), "curl", "-s", "-m", "3", url).output().strip();
    }

    private static String lbState(final RestconfClient client) throws IOException, InterruptedException {
        final var response = client.getOperational("cnsmo-load-balancers:load-balancers/load-balancer=web/status");
        return response.status() == 200 ? response.json().getAsJsonObject("cnsmo-load-balancers:status")
            .get("state").getAsString() : "absent";
    }

    private static boolean memberHealthy(final RestconfClient client, final String member)
            throws IOException, InterruptedException {
        final var status = operational(client, "cnsmo-load-balancers:load-balancers/load-balancer=web/status")
            .getAsJsonObject("cnsmo-load-balancers:status");
        final var members = status.getAsJsonArray("member-status");
        if (members == null) {
            // a HAProxy that has just been started has no statistics yet: nothing is known healthy
            return false;
        }
        for (var entry : members) {
            final var object = entry.getAsJsonObject();
            if (member.equals(object.get("name").getAsString())) {
                return object.get("healthy").getAsBoolean();
            }
        }
        return false;
    }

    @Test
    @Order(3)
    void recordsAndNodeNamesResolveFromANodeWithinOneSecond(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(RECORDS + "db", record("db", "A", "10.9.0.20")));
        await("db.overlay resolves").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
            .until(() -> dig(n2, "db.overlay").contains("10.9.0.20"));
        assertStatus(201, client.put(RECORDS + "www", record("www", "CNAME", "db")));
        await("www.overlay is an alias of db.overlay").atMost(Duration.ofSeconds(1))
            .pollInterval(Duration.ofMillis(50)).until(() -> {
                final var answer = dig(n2, "www.overlay");
                return answer.contains("CNAME\tdb.overlay.") && answer.contains("10.9.0.20");
            });
        assertTrue(dig(n2, "vpn.n1.overlay").contains(N1_ADDRESS), "a joined node has a name");

        assertStatus(204, client.delete(RECORDS + "db"));
        await("db.overlay gone").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
            .until(() -> dig(n2, "db.overlay").contains("status: NXDOMAIN"));
        final long start = System.nanoTime();
        assertTrue(dig(n2, "example.org").contains("status: REFUSED"), "no upstream: refused, not ignored");
        assertTrue(System.nanoTime() - start < Duration.ofMillis(900).toNanos(), "refused at once");
        final var status = operational(client, "cnsmo-dns:dns/status").getAsJsonObject("cnsmo-dns:status");
        assertEquals("up", status.get("state").getAsString());
        assertTrue(status.get("record-count").getAsInt() >= 3, status.toString());
    }

    @Test
    @Order(4)
    void badRecordsAreRefusedWithAClearMessage(final RestconfClient client) throws Exception {
        assertRefused(client.put(RECORDS + "v6", record("v6", "A", "2001:db8::1")),
            "dns/record=v6/value: value '2001:db8::1' of an A record is not an IPv4 address");
        assertStatus(400, client.put(RECORDS + "bad_name", record("bad_name", "A", "10.9.0.9")));
        final var loop = client.patch("cnsmo-dns:dns", """
            {"cnsmo-dns:dns": {"record": [{"name": "a", "type": "CNAME", "value": "b"},
                                          {"name": "b", "type": "CNAME", "value": "a"}]}}""");
        assertStatus(400, loop);
        assertTrue(loop.errorMessage().contains("CNAME loop: a -> b -> a"), loop.toString());
        assertEquals(409, client.getConfig(RECORDS + "a").status(), "nothing of a refused change is written");
    }

    @Test
    @Order(5)
    void usedTokenIsRefusedWithAClearMessage(final RestconfClient client) throws Exception {
        final var token = createToken(client, "vpn.n3", null, 600).get("token").getAsString();
        // The observed list is published after the RPC answers.
        await("the new token listed").atMost(Duration.ofSeconds(5)).until(() -> client
            .getOperational("cnsmo-vpn:vpn/enrollment-tokens").body().contains("\"vpn.n3\""));
        final var pending = client.getOperational("cnsmo-vpn:vpn/enrollment-tokens");
        assertFalse(pending.body().contains(token.substring(token.indexOf('.') + 1)), "secrets are never listed");
        // A server with another key (a man in the middle, whatever CA signed it) gets nothing: the agent stops
        // before sending a byte, the token stays unspent and the VM unchanged.
        final var spoofed = overlay.agent(n3, agent, "join", "--controller", controllerUrl(), "--pin",
            "sha256//" + "A".repeat(43) + "=", "--token", token);
        assertNotEquals(0, spoofed.exitCode(), spoofed.output());
        assertTrue(spoofed.output().contains("does not match the pin"), spoofed.output());
        assertFalse(overlay.ovs(n3, "ovs-vsctl", "br-exists", "br-cnsmo").ok(), "a refused join creates nothing");
        assertFalse(Files.exists(n3.agentDir().resolve("node.env")) || Files.exists(n3.agentDir().resolve(
            "client.key")), "a refused join leaves no files");
        join(n3, token);
        usedToken = token;
        assertStatus(204, client.invoke("cnsmo-vpn:revoke-client", "{\"input\": {\"name\": \"vpn.n3\"}}"));
        assertTrue(overlay.agent(n3, agent, "leave", "--force").ok());

        final var again = overlay.agent(n3, agent, "join", "--controller", controllerUrl(), "--pin", pin, "--token",
            token);
        assertNotEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("has already been used"), again.output());
        assertFalse(overlay.ovs(n3, "ovs-vsctl", "br-exists", "br-cnsmo").ok(), "a refused join creates nothing");
    }

    @Test
    @Order(6)
    void generatedBundleConnectsWithAPlainOpenVpnClient(final RestconfClient client, final Controller controller)
            throws Exception {
        // The bundle comes over the original CNSMO API v1, as its GUI fetched it: a POST, then the four files.
        final var token = V1Client.login("admin", controller.adminPassword());
        final var issued = V1Client.call("POST", "/certs/clients/laptop", token, null);
        assertEquals(204, issued.status(), issued::toString);
        final var bundle = Files.createDirectories(x1.dir().resolve("bundle"));
        for (var file : Map.of("ca.crt", "ca", "client.crt", "cert", "client.key", "key", "client.conf", "config")
                .entrySet()) {
            final var answer = V1Client.call("GET", "/certs/clients/laptop/" + file.getValue(), token, null);
            assertEquals(200, answer.status(), answer::toString);
            Files.writeString(bundle.resolve(file.getKey()), answer.json().getAsJsonObject().get("data").getAsString());
        }
        assertStatus(409, client.invoke("cnsmo-vpn:generate-client-bundle", "{\"input\": {\"name\": \"laptop\"}}"));

        new ProcessBuilder("ip", "netns", "exec", X1, "openvpn", "--config", "client.conf")
            .directory(bundle.toFile()).redirectErrorStream(true)
            .redirectOutput(x1.dir().resolve("openvpn.log").toFile()).start();
        await("the external machine reaches n1").atMost(JOIN_TIMEOUT).until(() -> overlay.ping(x1, N1_ADDRESS));
    }

    @Test
    @Order(7)
    void bundleHolderTakingANodesAddressReachesNobodyAndHearsNothingForIt(final RestconfClient client)
            throws Exception {
        final var laptopAddress = configuredAddress(client, "laptop");
        final var laptopMac = macOf(laptopAddress);
        final var n1Mac = macOf(N1_ADDRESS);
        final var n2Address = configuredAddress(client, "vpn.n2");
        // The observed binding: the MAC the server learnt for each client, the one bound to its address.
        await("the bindings observed").atMost(Duration.ofSeconds(10)).until(() -> n1Mac.equals(
            observedMac(client, "vpn.n1")) && laptopMac.equals(observedMac(client, "laptop")));
        assertTrue(x1Shell("ip", "link", "show", "tap0").output().contains(laptopMac),
            "the bundle's client.conf gives the tap its bound MAC");

        final var capture = x1.dir().resolve("impostor.pcap").toAbsolutePath();
        final var tcpdump = overlay.capture(x1, "tap0", capture);
        Thread.sleep(1_000);
        // First with its own MAC, then with n1's MAC too.
        x1Shell("ip", "addr", "add", N1_ADDRESS + "/24", "dev", "tap0");
        impostorFails(client, n2Address, "with its own MAC");
        x1Shell("ip", "link", "set", "tap0", "address", n1Mac);
        impostorFails(client, n2Address, "with n1's MAC");
        Thread.sleep(500);
        tcpdump.destroy();
        tcpdump.waitFor();

        final var frames = overlay.frames(capture);
        assertTrue(frames.stream().anyMatch(frame -> frame.contains("Reply " + N1_ADDRESS + " is-at")),
            "the impostor sent its gratuitous ARP: " + frames);
        // n2 pinged n1 all along: the impostor received none of it, nor any ARP for n1's address.
        final var heard = frames.stream().filter(frame -> !frame.startsWith(laptopMac) && !frame.startsWith(n1Mac))
            .filter(frame -> frame.contains(N1_ADDRESS)).toList();
        assertEquals(List.of(), heard, "frames for n1's address reached the impostor");

        // Back to its own MAC and address, the bundle holder works again.
        x1Shell("ip", "link", "set", "tap0", "address", laptopMac);
        x1Shell("ip", "addr", "del", N1_ADDRESS + "/24", "dev", "tap0");
        await("the bundle holder reaches n1 with its own address").atMost(Duration.ofSeconds(10))
            .until(() -> overlay.ping(x1, N1_ADDRESS));
        assertTrue(overlay.ping(x1, n2Address), "and n2");
        assertEquals(laptopMac, observedMac(client, "laptop"));
    }

    /**
     * The impostor (x1) announces n1's address and tries to use it; meanwhile n2 and the server, their ARP
     * entries for n1 forgotten, still reach the real n1, and n1's observed binding stays.
     */
    private static void impostorFails(final RestconfClient client, final String n2Address, final String how)
            throws Exception {
        overlay.shell().execIn(N2, "ip", "neigh", "flush", "to", N1_ADDRESS);
        overlay.shell().exec("ip", "neigh", "flush", "to", N1_ADDRESS);
        // Gratuitous ARP, as a request and as a reply.
        x1Shell("arping", "-U", "-c", "2", "-w", "2", "-I", "tap0", "-s", N1_ADDRESS, N1_ADDRESS);
        x1Shell("arping", "-A", "-c", "2", "-w", "2", "-I", "tap0", "-s", N1_ADDRESS, N1_ADDRESS);
        assertFalse(x1Shell("ping", "-c", "2", "-W", "1", "-I", N1_ADDRESS, n2Address).ok(),
            "the impostor " + how + " reaches n2 with n1's address");
        assertFalse(x1Shell("ping", "-c", "2", "-W", "1", "-I", N1_ADDRESS, SERVER_ADDRESS).ok(),
            "the impostor " + how + " reaches the server with n1's address");
        await("n2 reaches the real n1 while the impostor " + how + " claims its address")
            .atMost(Duration.ofSeconds(5)).until(() -> overlay.ping(n2, N1_ADDRESS));
        for (int i = 0; i < 3; i++) {
            assertTrue(overlay.ping(n2, N1_ADDRESS), "n2 keeps reaching n1");
        }
        final var n2Neighbour = overlay.shell().execIn(N2, "ip", "neigh", "show", "to", N1_ADDRESS).output();
        assertTrue(n2Neighbour.contains(macOf(N1_ADDRESS)), "n2 resolved n1's address to: " + n2Neighbour);
        assertTrue(overlay.shell().exec("ping", "-c", "1", "-W", "1", N1_ADDRESS).ok(), "the server reaches n1");
        final var serverNeighbour = overlay.shell().exec("ip", "neigh", "show", "to", N1_ADDRESS).output();
        assertTrue(serverNeighbour.contains(macOf(N1_ADDRESS)), "the server resolved n1 to: " + serverNeighbour);
        assertEquals(macOf(N1_ADDRESS), observedMac(client, "vpn.n1"));
    }

    private static Shell.Result x1Shell(final String... command) throws IOException, InterruptedException {
        return overlay.shell().execIn(X1, command);
    }

    /** The MAC address bound to an overlay address: 02:00 and the address's four bytes. */
    private static String macOf(final String address) {
        final var bytes = address.split("\\.");
        return String.format("02:00:%02x:%02x:%02x:%02x", Integer.parseInt(bytes[0]), Integer.parseInt(bytes[1]),
            Integer.parseInt(bytes[2]), Integer.parseInt(bytes[3]));
    }

    private static String observedMac(final RestconfClient client, final String name)
            throws IOException, InterruptedException {
        final var status = operational(client, "cnsmo-vpn:vpn/client=" + name).getAsJsonArray("cnsmo-vpn:client")
            .get(0).getAsJsonObject().getAsJsonObject("status");
        return status == null || !status.has("overlay-mac") ? "" : status.get("overlay-mac").getAsString();
    }

    @Test
    @Order(8)
    void killedServerIsRestartedAndNodesComeBack(final Controller controller) throws Exception {
        final var config = controller.home().resolve("cnsmo/openvpn/server.conf").toString();
        final var before = pid(config);
        overlay.shell().run("kill", "-9", before);

        await("a new OpenVPN server").atMost(Duration.ofSeconds(15))
            .until(() -> !pid(config).isEmpty() && !pid(config).equals(before));
        await("n1 reaches the controller again").atMost(JOIN_TIMEOUT).until(() -> overlay.ping(n1, SERVER_ADDRESS));
        final var n2Address = configuredAddress(controller.client(), "vpn.n2");
        await("n1 reaches n2 again").atMost(JOIN_TIMEOUT).until(() -> overlay.ping(n1, n2Address));
    }

    @Test
    @Order(9)
    void killedDnsServerIsRestartedAndAnswersAgain(final Controller controller) throws Exception {
        final var config = controller.home().resolve("cnsmo-dns/dnsmasq.conf").toString();
        final var before = pid(config);
        overlay.shell().run("kill", "-9", before);

        await("a new dnsmasq").atMost(Duration.ofSeconds(10))
            .until(() -> !pid(config).isEmpty() && !pid(config).equals(before));
        await("names resolve again").atMost(Duration.ofSeconds(10))
            .until(() -> dig(n2, "vpn.n1.overlay").contains(N1_ADDRESS));
    }

    @Test
    @Order(10)
    void revokedNodeIsDisconnectedAndCannotReconnect(final RestconfClient client) throws Exception {
        final var n2Address = configuredAddress(client, "vpn.n2");
        assertStatus(204, client.invoke("cnsmo-vpn:revoke-client", "{\"input\": {\"name\": \"vpn.n2\"}}"));

        await("n2 cut off").atMost(Duration.ofSeconds(10)).until(() -> !overlay.ping(n1, n2Address));
        await("n2 shown disconnected").atMost(Duration.ofSeconds(10))
            .until(() -> !nodeStatus(client, "vpn.n2").get("connected").getAsBoolean());
        // Its client retries every few seconds; the CRL must keep refusing it the whole time.
        await("n2 stays out").during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> !overlay.ping(n1, n2Address) && !nodeStatus(client, "vpn.n2").get("connected")
                .getAsBoolean());
        final var refused = client.invoke("cnsmo-vpn:revoke-client", "{\"input\": {\"name\": \"nobody\"}}");
        assertStatus(409, refused);
    }

    @Test
    @Order(11)
    void unrevokedNodeConnectsAgainWithItsOwnCertificate(final RestconfClient client) throws Exception {
        // Revocation puts the certificate on hold: setting revoked back to false takes it off the CRL.
        final var n2Address = configuredAddress(client, "vpn.n2");
        assertStatus(200, client.patch("cnsmo-vpn:vpn/client=vpn.n2",
            "{\"cnsmo-vpn:client\": [{\"name\": \"vpn.n2\", \"revoked\": false}]}"));
        await("n2 back, with the bundle it joined with").atMost(RETRY_AFTER_REFUSAL)
            .until(() -> overlay.ping(n1, n2Address));
        await("n2 shown connected").atMost(Duration.ofSeconds(10))
            .until(() -> nodeStatus(client, "vpn.n2").get("connected").getAsBoolean());

        // A PUT of the whole vpn container that leaves n2 out (a script that rewrites the server settings, say)
        // shuts n2 out, but does not destroy it: putting the entry back lets the same certificate in again.
        final var vpn = client.getConfig("cnsmo-vpn:vpn").json();
        final var withoutN2 = vpn.deepCopy();
        final var clients = withoutN2.getAsJsonObject("cnsmo-vpn:vpn").getAsJsonArray("client");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if ("vpn.n2".equals(clients.get(i).getAsJsonObject().get("name").getAsString())) {
                clients.remove(i);
            }
        }
        assertStatus(204, client.put("cnsmo-vpn:vpn", withoutN2.toString()));
        await("n2 shut out by the container write").atMost(Duration.ofSeconds(10))
            .until(() -> !overlay.ping(n1, n2Address));
        assertStatus(204, client.put("cnsmo-vpn:vpn", vpn.toString()));
        await("n2 back once its entry is").atMost(RETRY_AFTER_REFUSAL).until(() -> overlay.ping(n1, n2Address));
    }

    @Test
    @Order(12)
    void leavingNodeDisappearsWithItsBridgeAndName(final RestconfClient client) throws Exception {
        final var left = overlay.agent(n1, agent, "leave");
        assertEquals(0, left.exitCode(), left.output());

        assertStatus(409, client.getConfig("cnsmo-nodes:nodes/node=vpn.n1"));
        await("n1 gone from the observed nodes").atMost(Duration.ofSeconds(10))
            .until(() -> client.getOperational("cnsmo-nodes:nodes/node=vpn.n1").status() == 409);
        assertFalse(overlay.ovs(n1, "ovs-vsctl", "br-exists", "br-cnsmo").ok(), "the bridge is removed");
        assertFalse(overlay.ping(x1, N1_ADDRESS));
        await("n1's name gone").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
            .until(() -> dig(x1, "vpn.n1.overlay").contains("status: NXDOMAIN"));
    }

    @Test
    @Order(13)
    void expiredTokenIsRefusedWithAClearMessage() throws Exception {
        await("the first token expires").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .until(() -> Instant.now().isAfter(expiringTokenExpires.plusSeconds(1)));
        final var result = overlay.agent(n3, agent, "join", "--controller", controllerUrl(), "--pin", pin,
            "--token", expiringToken);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("expired at"), result.output());
    }

    @Test
    @Order(14)
    void restartedControllerBringsTheOverlayBack(final Controller controller) throws Exception {
        assertStatus(201, controller.client().put(RECORDS + "kept", record("kept", "A", "10.9.0.77")));
        // Tokens are recorded in the datastore: one issued before the restart still joins after it.
        final var beforeRestart = createToken(controller.client(), "vpn.n5", 600).get("token").getAsString();
        final var openvpn = controller.home().resolve("cnsmo/openvpn/server.conf").toString();
        final var dnsmasq = controller.home().resolve("cnsmo-dns/dnsmasq.conf").toString();
        controller.stop();
        // A clean stop stops the controller's daemons itself: nobody else killed them.
        assertEquals("", pid(openvpn), "OpenVPN outlived a clean stop");
        assertEquals("", pid(dnsmasq), "dnsmasq outlived a clean stop");
        controller.startAgain();
        final var client = controller.client();
        await("VPN server up after the restart").atMost(Duration.ofSeconds(30)).until(() -> "up".equals(
            operational(client, "cnsmo-vpn:vpn/server/status").getAsJsonObject("cnsmo-vpn:status")
                .get("state").getAsString()));
        await("the external machine reaches the server again").atMost(JOIN_TIMEOUT)
            .until(() -> overlay.ping(x1, SERVER_ADDRESS));
        await("a record made before the restart resolves").atMost(Duration.ofSeconds(10))
            .until(() -> dig(x1, "kept.overlay").contains("10.9.0.77"));

        final var reused = overlay.agent(n3, agent, "join", "--controller", controllerUrl(), "--pin", pin,
            "--token", usedToken);
        assertNotEquals(0, reused.exitCode(), reused.output());
        assertTrue(reused.output().contains("has already been used"), "a used token stays used: " + reused.output());
        join(n3, beforeRestart);
        await("n3 joined with a token from before the restart").atMost(JOIN_TIMEOUT)
            .until(() -> nodeUp(client, "vpn.n5"));
    }

    @Test
    @Order(15)
    void killedControllerLeavesNoSecondDaemonsAfterItsNextStart(final Controller controller) throws Exception {
        final var openvpn = controller.home().resolve("cnsmo/openvpn/server.conf").toString();
        final var dnsmasq = controller.home().resolve("cnsmo-dns/dnsmasq.conf").toString();
        final var openvpnBefore = pid(openvpn);
        final var dnsmasqBefore = pid(dnsmasq);
        assertFalse(openvpnBefore.isEmpty() || dnsmasqBefore.isEmpty(), "both daemons run before the kill");
        controller.kill();
        // kill -9 gives the JVM no chance to stop them: they run on, unsupervised.
        assertEquals(openvpnBefore, pid(openvpn));
        assertEquals(dnsmasqBefore, pid(dnsmasq));

        controller.startAgain();
        final var client = controller.client();
        await("one new OpenVPN server and one new dnsmasq").atMost(Duration.ofSeconds(30))
            .until(() -> single(pid(openvpn), openvpnBefore) && single(pid(dnsmasq), dnsmasqBefore));
        await("VPN server up after the kill").atMost(Duration.ofSeconds(30)).until(() -> "up".equals(
            operational(client, "cnsmo-vpn:vpn/server/status").getAsJsonObject("cnsmo-vpn:status")
                .get("state").getAsString()));
        await("the external machine reaches the server again").atMost(JOIN_TIMEOUT)
            .until(() -> overlay.ping(x1, SERVER_ADDRESS));
        await("names resolve again").atMost(Duration.ofSeconds(10))
            .until(() -> dig(x1, "kept.overlay").contains("10.9.0.77"));
        assertTrue(single(pid(openvpn), openvpnBefore) && single(pid(dnsmasq), dnsmasqBefore),
            "still one of each: OpenVPN " + pid(openvpn) + ", dnsmasq " + pid(dnsmasq));
    }

    /** Whether pgrep found exactly one process, and not the one from before. */
    private static boolean single(final String pids, final String before) {
        return !pids.isEmpty() && pids.lines().count() == 1 && !pids.equals(before);
    }

    /**
     * Runs a join command as a user pasting it into a root shell would: bash reads it (from a file here, not from
     * its command line, where ps would show it), in the machine's directory.
     */
    private static Shell.Result runJoinCommand(final Machine machine, final String joinCommand)
            throws IOException, InterruptedException {
        final var script = machine.dir().resolve("join-command.sh");
        Files.writeString(script, "cd " + machine.dir() + " && " + joinCommand.replace("sudo ", "") + "\n");
        return overlay.ovs(machine, "bash", script.toString());
    }

    private static void join(final Machine machine, final String token) throws IOException, InterruptedException {
        final var result = overlay.agent(machine, agent, "join", "--controller", controllerUrl(), "--pin", pin,
            "--token", token);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("joined: node"), result.output());
    }

    /** Asks the overlay DNS server, through the overlay, from a machine. */
    private static String dig(final Machine machine, final String name) throws IOException, InterruptedException {
        return overlay.shell().execIn(machine.namespace(), "dig", "+time=1", "+tries=1", "@" + SERVER_ADDRESS, name)
            .output();
    }

    private static String record(final String name, final String type, final String value) {
        return "{\"cnsmo-dns:record\": [{\"name\": \"%s\", \"type\": \"%s\", \"value\": \"%s\"}]}"
            .formatted(name, type, value);
    }

    private static String controllerUrl() {
        return "https://" + Overlay.CONTROLLER_IP + ":8443";
    }

    private static JsonObject createToken(final RestconfClient client, final String node, final int validity)
            throws IOException, InterruptedException {
        return createToken(client, node, null, validity);
    }

    private static JsonObject createToken(final RestconfClient client, final String node, final String address,
            final int validity) throws IOException, InterruptedException {
        final var input = new JsonObject();
        input.addProperty("node", node);
        input.addProperty("validity", validity);
        if (address != null) {
            input.addProperty("static-address", address);
        }
        final var body = new JsonObject();
        body.add("input", input);
        final var response = client.invoke("cnsmo-vpn:create-enrollment-token", body.toString());
        assertStatus(200, response);
        return response.json().getAsJsonObject("cnsmo-vpn:output");
    }

    private static String configuredAddress(final RestconfClient client, final String name)
            throws IOException, InterruptedException {
        return client.getConfig("cnsmo-vpn:vpn/client=" + name).json().getAsJsonArray("cnsmo-vpn:client").get(0)
            .getAsJsonObject().get("static-address").getAsString();
    }

    private static JsonObject operational(final RestconfClient client, final String path)
            throws IOException, InterruptedException {
        final var response = client.getOperational(path);
        assertStatus(200, response);
        return response.json();
    }

    private static JsonObject nodeStatus(final RestconfClient client, final String name)
            throws IOException, InterruptedException {
        return operational(client, "cnsmo-nodes:nodes/node=" + name).getAsJsonArray("cnsmo-nodes:node").get(0)
            .getAsJsonObject().getAsJsonObject("status");
    }

    private static boolean nodeUp(final RestconfClient client, final String name)
            throws IOException, InterruptedException {
        final var response = client.getOperational("cnsmo-nodes:nodes/node=" + name);
        if (response.status() != 200) {
            return false;
        }
        final var status = response.json().getAsJsonArray("cnsmo-nodes:node").get(0).getAsJsonObject()
            .getAsJsonObject("status");
        if (status == null || !status.has("connected") || !status.has("switch-connected")
                || !status.has("service-status")) {
            return false;
        }
        final boolean vpnUp = status.getAsJsonArray("service-status").asList().stream()
            .map(JsonElement::getAsJsonObject)
            .anyMatch(service -> "vpn".equals(service.get("service").getAsString())
                && "up".equals(service.get("state").getAsString()));
        return vpnUp && status.get("connected").getAsBoolean() && status.get("switch-connected").getAsBoolean();
    }

    private static List<String> cnsmoFlows(final Machine machine) throws IOException, InterruptedException {
        return overlay.ovs(machine, "ovs-ofctl", "-O", "OpenFlow13", "dump-flows", BRIDGE).output().lines()
            .filter(line -> line.contains("cookie=0xca")).toList();
    }

    private static String pid(final String config) throws IOException, InterruptedException {
        return overlay.shell().exec("pgrep", "-f", config).output().strip();
    }
}
