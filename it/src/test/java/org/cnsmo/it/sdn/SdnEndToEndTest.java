/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.sdn;

import static org.cnsmo.it.rest.RestAssertions.assertRefused;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.cnsmo.it.sdn.Dataplane.BRIDGE_A;
import static org.cnsmo.it.sdn.Dataplane.BRIDGE_B;
import static org.cnsmo.it.sdn.Dataplane.BRIDGE_C;
import static org.cnsmo.it.sdn.Dataplane.HOST_A;
import static org.cnsmo.it.sdn.Dataplane.HOST_A2;
import static org.cnsmo.it.sdn.Dataplane.HOST_B;
import static org.cnsmo.it.sdn.Dataplane.HOST_C;
import static org.cnsmo.it.sdn.Dataplane.IP_A;
import static org.cnsmo.it.sdn.Dataplane.IP_B;
import static org.cnsmo.it.sdn.Dataplane.IP_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.cnsmo.it.rest.Controller;
import org.cnsmo.it.rest.ControllerExtension;
import org.cnsmo.it.rest.RestconfClient;
import org.cnsmo.it.rest.V1Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traffic filters and firewall rules, end to end: RESTCONF writes on the real controller become
 * OpenFlow flows on real Open vSwitch bridges, and TCP connections between hosts in network
 * namespaces behind those bridges are blocked, refused or let through accordingly.
 */
@ExtendWith(ControllerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdnEndToEndTest {
    private static final String NODES = "cnsmo-nodes:nodes/node=";
    private static final String FILTERS = "cnsmo-traffic-filters:traffic-filters/filter=";
    private static final String RULES = "cnsmo-firewall:firewall/rule=";
    private static final String QOS = "cnsmo-qos:qos/policy=";
    private static final String DEPLOYMENT = "cnsmo-verification:deployment/node=";
    /**
     * Every node bridge carries twenty base flows: classification (2), the stateful frame of each firewall
     * table (track, invalid, established, related, new, not IP: 6 each, and in table 10 untracked resets and
     * unreachables: 2), commit (1), the QoS stage's passes (2) and forwarding (1).
     */
    private static final int BASE_FLOWS = 20;
    private static final int LIMIT_KBPS = 10_000;
    /** How often the controller reads each switch (SdnService). */
    private static final long POLL_MILLIS = 1_000;
    private static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(30);
    /** How soon CNSMO repairs a switch whose flows differ from the intent (issue 14: within 10 s). */
    private static final Duration REPAIR_TIMEOUT = Duration.ofSeconds(10);
    /** The cookie marker of every CNSMO flow, as ovs-ofctl prints cookies. */
    private static final String CNSMO_COOKIE = "cookie=0xca";
    /** The cookie prefixes of firewall rule and traffic filter flows (marker 0xca, kind 3 and 2). */
    private static final String RULE_COOKIE = "cookie=0xca03";
    private static final String FILTER_COOKIE = "cookie=0xca02";
    private static final String VPN_SERVER = "cnsmo-vpn:vpn/server";
    private static final String VPN_CLIENTS = "cnsmo-vpn:vpn/client=";
    /** An overlay subnet holding the fixture's host addresses as client addresses; its server takes 10.98.0.1. */
    private static final String PROBE_SUBNET = "10.98.0.0/15";
    private static final String WHAT_IF_RULE = "wi-no-8070s";
    private static final int POLICY_RULES = 30;
    private static final int POLICY_FILTERS = 4;
    private static final int MIN_SAMPLES = 300;
    /** As long as {@link Dataplane#connect} waits before a connection counts as dropped. */
    private static final int PROBE_TIMEOUT_SECONDS = 3;
    /** Attempts started per second from all hosts: within the reject meter's 100 packet-ins a second per switch. */
    private static final int PROBES_PER_SECOND = 48;

    /** USER_HZ: Linux reports process CPU times in /proc in these units, 100 on every common platform. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private static Dataplane dataplane;

    @BeforeAll
    static void startDataplane(final RestconfClient client) throws Exception {
        dataplane = Dataplane.start(Path.of("target/dataplane"));
        for (int port : List.of(8080, 8081, 7005, 7100, 9100, 9101)) {
            dataplane.listen(HOST_A, port);
        }
        dataplane.listen(HOST_B, 9000);
        dataplane.udpEcho(HOST_A, 9300);
        dataplane.udpEcho(HOST_B, 9300);
        assertStatus(201, client.put(NODES + "sdn.A", node("sdn.A", Dataplane.DPID_A)));
        assertStatus(201, client.put(NODES + "sdn.B", node("sdn.B", Dataplane.DPID_B)));
        await("base flows on both bridges").until(() -> baseFlowsPresent(BRIDGE_A) && baseFlowsPresent(BRIDGE_B));
        await("B reaches A through both bridges").until(() -> dataplane.connect(HOST_B, IP_A, 8081).connected());
    }

    @AfterAll
    static void stopDataplane() throws Exception {
        if (dataplane != null) {
            dataplane.close();
        }
    }

    @Test
    @Order(1)
    void nodesShowTheirConnectedSwitches(final RestconfClient client) throws Exception {
        await("node A's switch connected").until(() -> {
            final var status = client.getOperational(NODES + "sdn.A/status");
            return status.status() == 200 && status.body().contains("\"switch-connected\":true")
                && status.body().contains("\"switch-id\":\"openflow:10\"");
        });
    }

    @Test
    @Order(2)
    void filterBlocksItsPortCountsAndLeavesWithItsFlows(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(FILTERS + "no-8080", """
            {"cnsmo-traffic-filters:filter":[{"name":"no-8080","node":"sdn.A","tcp-destination-port":8080,
              "ipv4-destination":"%s/32"}]}""".formatted(IP_A)));
        await("filter flow on A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("tp_dst=8080") && flow.contains("actions=drop")));

        final var blocked = dataplane.connect(HOST_B, IP_A, 8080);
        assertFalse(blocked.connected(), () -> "8080 should be blocked: " + blocked);
        final var open = dataplane.connect(HOST_B, IP_A, 8081);
        assertTrue(open.connected(), () -> "8081 should stay open: " + open);
        assertTrue(dataplane.flows(BRIDGE_B).stream().noneMatch(flow -> flow.contains("tp_dst=8080")),
            "the filter targets node A only");

        await("filter installed with packets counted").until(() -> {
            final var status = client.getOperational(FILTERS + "no-8080/status");
            return status.status() == 200 && status.body().contains("\"installed\":\"installed\"")
                && packets(status.json().getAsJsonObject("cnsmo-traffic-filters:status")
                    .getAsJsonObject("statistics")) > 0;
        });

        assertStatus(204, client.delete(FILTERS + "no-8080"));
        await("filter flow gone from A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .noneMatch(flow -> flow.contains("tp_dst=8080")));
        assertTrue(dataplane.connect(HOST_B, IP_A, 8080).connected(), "8080 open again");
        assertEquals(BASE_FLOWS, dataplane.flows(BRIDGE_A).size(), "only the base flows remain");
    }

    @Test
    @Order(2)
    void filterMadeOverV1BlocksAndItsNumPacketsRisesWithBlockedTraffic(final RestconfClient client,
            final Controller controller) throws Exception {
        final var token = V1Client.login("admin", controller.adminPassword());
        final var put = V1Client.call("PUT", "/services/sdn/blockByPort", token, """
            {"tcp-destination-port":8080,"ip4-destination":"%s/32","ssinstanceid":"sdn.A"}""".formatted(IP_A));
        assertEquals(200, put.status(), put::toString);
        final var flowId = put.json().getAsJsonObject().get("flowId").getAsString();
        assertStatus(200, client.getConfig(FILTERS + flowId));
        await("v1 filter flow on A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("tp_dst=8080") && flow.contains("actions=drop")));
        final var monitoring = "/services/sdn/nodes/sdn.A/flows/" + flowId + "/monitoring";
        final long before = numPackets(token, monitoring);
        assertFalse(dataplane.connect(HOST_B, IP_A, 8080).connected(), "8080 blocked by the v1 filter");
        await("numPackets rises").until(() -> numPackets(token, monitoring) > before);
        final long after = numPackets(token, monitoring);
        assertTrue(numPackets(token, monitoring) >= after, "monotonic");
        assertEquals(200, V1Client.call("DELETE", "/services/sdn/nodes/sdn.A/flows/" + flowId, token, null)
            .status());
        await("v1 filter flow gone from A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .noneMatch(flow -> flow.contains("tp_dst=8080")));
    }

    @Test
    @Order(3)
    void inboundRejectRefusesAtOnceWhileDropTimesOut(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(RULES + "reject-7000s", rule("reject-7000s", "in", "tcp",
            "\"destination-port-range\":{\"lower\":7000,\"upper\":7010}", "reject", 100)));
        assertStatus(201, client.put(RULES + "drop-7100", rule("drop-7100", "in", "tcp",
            "\"destination-port\":7100", "drop", 100)));
        // 7000..7010 needs three port/mask matches: 7000/0xfff8, 7008/0xfffe, 7010 exact.
        await("rule flows on A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 4);

        final var refused = dataplane.connect(HOST_B, IP_A, 7005);
        assertTrue(refused.refused() && refused.millis() < 2_000, () -> "7005 should be refused at once: " + refused);
        final var dropped = dataplane.connect(HOST_B, IP_A, 7100);
        assertTrue(!dropped.connected() && !dropped.refused() && dropped.millis() >= 2_500,
            () -> "7100 should time out: " + dropped);
        assertTrue(dataplane.connect(HOST_B, IP_A, 8081).connected(), "other ports stay open");

        assertStatus(204, client.delete(RULES + "reject-7000s"));
        assertStatus(204, client.delete(RULES + "drop-7100"));
        await("rule flows gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    /**
     * A flood at a reject rule reaches the controller through the reject meter: the switch drops what is over
     * the budget, so the controller's cost is bounded and RESTCONF keeps answering.
     */
    @Test
    @Order(4)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void synFloodAtARejectRuleCostsTheControllerOnlyTheMeteredRate(final RestconfClient client,
            final Controller controller) throws Exception {
        assertStatus(201, client.put(RULES + "reject-flood", rule("reject-flood", "in", "tcp",
            "\"destination-port\":7005", "reject", 100)));
        await("reject flow on A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 1);
        final var meters = dataplane.meters(BRIDGE_A);
        assertTrue(meters.contains("meter=1") && meters.contains("pktps") && meters.contains("rate=100"),
            () -> "the reject meter on A: " + meters);
        assertTrue(dataplane.flows(BRIDGE_A).stream().anyMatch(flow -> flow.contains("tp_dst=7005")
            && flow.contains("meter:1") && flow.contains("CONTROLLER")), "the reject flow goes through the meter");

        final int seconds = 10;
        final long idleCpu = controllerCpuMillis(controller, seconds);
        final long[] before = dataplane.meterStats(BRIDGE_A, 1);
        final long cpuBefore = cpuMillis(controller);
        final var flood = CompletableFuture.runAsync(() -> {
            try {
                // 10,000 SYNs a second for 10 s: without the meter, each would be a packet-in.
                dataplane.synFlood(HOST_B, IP_A, 7005, 100, seconds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long slowest = 0;
        while (!flood.isDone()) {
            final long start = System.nanoTime();
            assertEquals(200, client.getConfig(RULES + "reject-flood").status(), "RESTCONF answers during the flood");
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            Thread.sleep(500);
        }
        flood.get();
        final long floodCpu = cpuMillis(controller) - cpuBefore;
        final long[] after = dataplane.meterStats(BRIDGE_A, 1);
        final long metered = after[0] - before[0];
        final long dropped = after[1] - before[1];
        final long passed = metered - dropped;
        System.out.printf("Reject flood: %d SYNs metered in %d s, %d dropped by the switch, %d reached the "
            + "controller (budget %d/s); controller CPU %d ms during the flood, %d ms idle over as long; slowest "
            + "RESTCONF read %d ms%n", metered, seconds, dropped, passed, 100, floodCpu, idleCpu, slowest);
        assertTrue(metered > 20_000, () -> "the flood reached the reject flow: " + metered);
        assertTrue(passed <= 100L * (seconds + 2) + 50, () -> passed + " packet-ins in " + seconds + " s");
        // Without the meter the controller would take every SYN as a packet-in: over 10 s, several seconds of CPU.
        assertTrue(floodCpu - idleCpu < 4_000, () -> "controller CPU " + floodCpu + " ms vs idle " + idleCpu);
        final var refused = dataplane.connect(HOST_B, IP_A, 7005);
        assertTrue(refused.refused(), () -> "a connection after the flood is still refused: " + refused);

        assertStatus(204, client.delete(RULES + "reject-flood"));
        await("reject flow gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    @Test
    @Order(5)
    void outboundRuleAppliesOnlyToItsSourceRange(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(RULES + "a2-no-9000", rule("a2-no-9000", "out", "tcp",
            "\"destination-port\":9000,\"address-match\":\"source\",\"address-range\":\"10.99.0.4/30\"", "drop", 100)));
        await("outbound rule on A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 1);

        final var fromA2 = dataplane.connect(HOST_A2, IP_B, 9000);
        assertFalse(fromA2.connected(), () -> "10.99.0.5 is in the range and must be blocked: " + fromA2);
        final var fromA = dataplane.connect(HOST_A, IP_B, 9000);
        assertTrue(fromA.connected(), () -> "10.99.0.1 is outside the range: " + fromA);

        await("rule counters").until(() -> {
            final var stats = client.getOperational(RULES + "a2-no-9000/statistics");
            return stats.status() == 200 && packets(stats.json().getAsJsonObject("cnsmo-firewall:statistics")) > 0;
        });
        assertStatus(204, client.delete(RULES + "a2-no-9000"));
        await("rule flows gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    @Test
    @Order(6)
    void higherPriorityWinsWhereRulesOverlap(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(RULES + "drop-9100s", rule("drop-9100s", "in", "tcp",
            "\"destination-port-range\":{\"lower\":9100,\"upper\":9199}", "drop", 100)));
        assertStatus(201, client.put(RULES + "allow-9100", rule("allow-9100", "in", "tcp",
            "\"destination-port\":9100,\"address-match\":\"source\",\"address-range\":\"" + IP_B + "/32\"",
            "accept", 200)));
        await("overlapping rules on A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("priority=1200")));
        await("drop rule on A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("priority=1100")));

        assertTrue(dataplane.connect(HOST_B, IP_A, 9100).connected(), "priority 200 accept beats priority 100 drop");
        assertFalse(dataplane.connect(HOST_B, IP_A, 9101).connected(), "9101 only matches the drop rule");

        assertStatus(204, client.delete(RULES + "drop-9100s"));
        assertStatus(204, client.delete(RULES + "allow-9100"));
        await("rule flows gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    @Test
    @Order(7)
    void invalidRuleIsRefusedAndLeavesTheSwitchAlone(final RestconfClient client) throws Exception {
        final var before = dataplane.flows(BRIDGE_A);
        assertRefused(client.put(RULES + "upside-down", rule("upside-down", "in", "tcp",
            "\"destination-port-range\":{\"lower\":7010,\"upper\":7000}", "drop", 100)), "upside-down");
        assertStatus(409, client.get(RULES + "upside-down"));
        // A valid rule written afterwards shows the controller has caught up: it must be the only change.
        assertStatus(201, client.put(RULES + "drop-7100", rule("drop-7100", "in", "tcp",
            "\"destination-port\":7100", "drop", 100)));
        await("valid rule on A").until(() -> dataplane.flows(BRIDGE_A).size() == before.size() + 1);
        final var added = dataplane.flows(BRIDGE_A).stream().filter(flow -> !before.contains(flow)).toList();
        assertEquals(1, added.size(), () -> "unexpected flows " + added);
        assertTrue(added.get(0).contains("tp_dst=7100"), () -> "unexpected flow " + added);
        assertStatus(204, client.delete(RULES + "drop-7100"));
        await("rule flows gone").until(() -> before.equals(dataplane.flows(BRIDGE_A)));
    }

    @Test
    @Order(8)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void wipedFlowTableComesBack(final RestconfClient client) throws Exception {
        blockPort8080(client);
        final var intended = dataplane.flows(BRIDGE_A);
        dataplane.deleteAllFlows(BRIDGE_A);
        final long wiped = System.nanoTime();
        assertTrue(dataplane.flows(BRIDGE_A).isEmpty());
        await("flows back after del-flows").atMost(REPAIR_TIMEOUT)
            .until(() -> intended.equals(dataplane.flows(BRIDGE_A)));
        System.out.printf("wiped table restored in %d ms%n", (System.nanoTime() - wiped) / 1_000_000);
        assertFalse(dataplane.connect(HOST_B, IP_A, 8080).connected(), "the filter applies again");
    }

    @Test
    @Order(9)
    void strayFlowWithAFiltersCookieIsReplaced() throws Exception {
        final var intended = dataplane.flows(BRIDGE_A);
        final var filterFlow = intended.stream().filter(flow -> flow.contains("tp_dst=8080")).findFirst()
            .orElseThrow();
        final var cookie = filterFlow.substring(filterFlow.indexOf("cookie=") + 7, filterFlow.indexOf(','));
        // What a switch cut off from the controller keeps when the filter changes meanwhile: an old flow
        // with the filter's cookie next to the current one.
        dataplane.addFlow(BRIDGE_A, "cookie=" + cookie + ",table=0,priority=40000,tcp,nw_dst=" + IP_A
            + ",tp_dst=9999,actions=drop");
        assertEquals(intended.size() + 1, dataplane.flows(BRIDGE_A).size());
        await("stray flow replaced").atMost(REPAIR_TIMEOUT)
            .until(() -> intended.equals(dataplane.flows(BRIDGE_A)));
    }

    @Test
    @Order(10)
    void reconnectedBridgeGetsItsFlowsBack() throws Exception {
        final var intended = dataplane.flows(BRIDGE_A);
        dataplane.detachController(BRIDGE_A);
        dataplane.attachController(BRIDGE_A);
        await("flows back after reconnect").atMost(RECONCILE_TIMEOUT)
            .until(() -> intended.equals(dataplane.flows(BRIDGE_A)));
    }

    @Test
    @Order(11)
    void restartedControllerRestoresExactlyTheIntent(final Controller controller) throws Exception {
        final var intendedA = dataplane.flows(BRIDGE_A);
        final var intendedB = dataplane.flows(BRIDGE_B);
        controller.restart();
        // The switches keep their flows while the controller is away (fail-mode secure); after the
        // restart they reconnect and must hold the same flows, no more, no less.
        await("flows after restart").atMost(RECONCILE_TIMEOUT).until(() ->
            intendedA.equals(dataplane.flows(BRIDGE_A)) && intendedB.equals(dataplane.flows(BRIDGE_B)));
        await("node A's switch reconnected").atMost(RECONCILE_TIMEOUT).until(() -> controller.client()
            .getOperational(NODES + "sdn.A/status").body().contains("\"switch-connected\":true"));
        // Deleting after the restart proves the controller owns the flows again.
        assertStatus(204, controller.client().delete(FILTERS + "no-8080"));
        await("filter flow gone after restart").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
        assertTrue(dataplane.connect(HOST_B, IP_A, 8080).connected(), "8080 open again");
    }

    /**
     * The firewall is stateful: with rules dropping what B sends towards A, A's own connections to B still get
     * their answers (TCP, UDP and ICMP echo), while a new connection from B is still dropped.
     */
    @Test
    @Order(12)
    void inboundDropLetsRepliesToOutboundConnectionsThrough(final RestconfClient client) throws Exception {
        assertTrue(dataplane.udpEchoed(HOST_B, IP_A, 9300), "B's datagrams reach A before any rule");
        final var fromB = "\"address-match\":\"source\",\"address-range\":\"" + IP_B + "/32\"";
        for (var protocol : List.of("tcp", "udp", "icmp")) {
            assertStatus(201, client.put(RULES + "no-" + protocol + "-from-b", rule("no-" + protocol + "-from-b", "in",
                protocol, fromB, "drop", 300)));
        }
        await("drop rules on A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 3);
        assertTrue(dataplane.flows(BRIDGE_A).stream().anyMatch(flow -> flow.contains("ct_state=-trk")
            && flow.contains("ct(table=10,zone=11)")), "untracked packets from the uplink go through conntrack");
        assertTrue(dataplane.flows(BRIDGE_A).stream().anyMatch(flow -> flow.contains("table=25")
            && flow.contains("ct(commit,zone=11)")), "permitted connections are committed");

        final var outbound = dataplane.connect(HOST_A, IP_B, 9000);
        assertTrue(outbound.connected(), () -> "A's connection to B gets B's SYN-ACK: " + outbound);
        assertTrue(dataplane.udpEchoed(HOST_A, IP_B, 9300), "B's answer to A's datagram reaches A");
        assertTrue(dataplane.pings(HOST_A, IP_B), "B's echo reply reaches A");

        final var inbound = dataplane.connect(HOST_B, IP_A, 8081);
        assertTrue(!inbound.connected() && !inbound.refused(), () -> "a new connection from B is dropped: " + inbound);
        assertFalse(dataplane.udpEchoed(HOST_B, IP_A, 9300), "a new datagram from B is dropped");
        assertFalse(dataplane.pings(HOST_B, IP_A), "an echo request from B is dropped");

        for (var protocol : List.of("tcp", "udp", "icmp")) {
            assertStatus(204, client.delete(RULES + "no-" + protocol + "-from-b"));
        }
        await("drop rules gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
        assertTrue(dataplane.connect(HOST_B, IP_A, 8081).connected(), "B connects to A again");
    }

    /**
     * Reconciliation compares content, not counts: a drop rule whose actions are changed on the switch by hand
     * (the flow count stays the same) is put back, and the traffic it drops is dropped again.
     */
    @Test
    @Order(13)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void ruleWhoseActionsWereChangedOnTheSwitchIsRepaired(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(RULES + "no-7005", rule("no-7005", "in", "tcp", "\"destination-port\":7005",
            "drop", 150)));
        await("drop rule on A").until(() -> dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("tp_dst=7005") && flow.contains("actions=drop")));
        assertFalse(dataplane.connect(HOST_B, IP_A, 7005).connected(), "7005 is dropped");
        final var intended = dataplane.flows(BRIDGE_A);
        final var ruleFlow = intended.stream().filter(flow -> flow.contains("tp_dst=7005")).findFirst().orElseThrow();
        final var cookie = ruleFlow.substring(ruleFlow.indexOf("cookie=") + 7, ruleFlow.indexOf(','));
        await("the verifier finds A's switch as intended").until(() -> matchesIntent(client, "sdn.A"));
        final var seenBefore = lastDifferenceSeenAt(client, "sdn.A");

        dataplane.modFlows(BRIDGE_A, "table=10,cookie=" + cookie + "/-1,actions=goto_table:30");
        final long tampered = System.nanoTime();
        assertTrue(dataplane.flows(BRIDGE_A).stream()
            .anyMatch(flow -> flow.contains("tp_dst=7005") && flow.contains("goto_table:30")), "the rule is tampered");
        assertEquals(intended.size(), dataplane.flows(BRIDGE_A).size(), "as many flows as before: counts agree");
        await("tampered rule repaired").atMost(REPAIR_TIMEOUT).pollInterval(Duration.ofMillis(100))
            .until(() -> intended.equals(dataplane.flows(BRIDGE_A)));
        System.out.printf("mod-flows on a drop rule repaired in %d ms%n", (System.nanoTime() - tampered) / 1_000_000);
        assertFalse(dataplane.connect(HOST_B, IP_A, 7005).connected(), "7005 is dropped again");
        // deployment vs intent: the tampered switch was reported as differing on 7005, and matches again
        await("the tampered switch reported as differing").until(() -> {
            final var last = lastDifference(client, "sdn.A");
            return last != null && !last.get("seen-at").getAsString().equals(seenBefore)
                && last.get("port-lower").getAsInt() <= 7005 && last.get("port-upper").getAsInt() >= 7005
                && "drop".equals(last.get("intended").getAsString())
                && "accept".equals(last.get("deployed").getAsString());
        });
        System.out.println("deployment difference seen: " + lastDifference(client, "sdn.A").get("summary"));
        await("the repaired switch matches the intent again").until(() -> matchesIntent(client, "sdn.A"));

        assertStatus(204, client.delete(RULES + "no-7005"));
        await("rule flows gone").until(() -> dataplane.flows(BRIDGE_A).size() == intended.size() - 1);
    }

    /**
     * A switch bound to no node (its node was deleted while it was disconnected) loses every CNSMO flow, the
     * forwarding one included, soon after it connects; flows of other applications stay.
     */
    @Test
    @Order(14)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void switchWhoseNodeWasDeletedWhileAwayLosesItsCnsmoFlows(final RestconfClient client) throws Exception {
        final var forward = dataplane.flows(BRIDGE_B).stream().filter(flow -> flow.contains("actions=NORMAL"))
            .findFirst().orElseThrow();
        final var cookie = forward.substring(forward.indexOf("cookie=") + 7, forward.indexOf(','));
        dataplane.detachController(BRIDGE_B);
        assertStatus(204, client.delete(NODES + "sdn.B"));
        dataplane.attachController(BRIDGE_B);
        await("B connected again").until(() -> dataplane.controllerConnected(BRIDGE_B));
        // Open vSwitch flushes the table when its controller changes: add back what a switch that was away
        // keeps (the node's forwarding flow), and a flow of another application
        dataplane.addFlow(BRIDGE_B, "cookie=" + cookie + ",table=30,priority=0,actions=NORMAL");
        dataplane.addFlow(BRIDGE_B, "cookie=0x1,table=40,priority=7,actions=drop");
        final long attached = System.nanoTime();
        assertEquals(2, dataplane.flows(BRIDGE_B).size(), "the stray CNSMO flow and the foreign flow");
        await("CNSMO flows gone from the unbound switch").atMost(REPAIR_TIMEOUT).pollInterval(Duration.ofMillis(100))
            .until(() -> dataplane.flows(BRIDGE_B).stream().noneMatch(flow -> flow.contains(CNSMO_COOKIE)));
        System.out.printf("CNSMO flows removed from an unbound switch %d ms after they were added%n",
            (System.nanoTime() - attached) / 1_000_000);
        final var left = dataplane.flows(BRIDGE_B);
        assertTrue(left.size() == 1 && left.get(0).contains("cookie=0x1,"), () -> "only the other application's "
            + "flow stays: " + left);

        dataplane.deleteFlows(BRIDGE_B, "cookie=0x1/-1");
        assertStatus(201, client.put(NODES + "sdn.B", node("sdn.B", Dataplane.DPID_B)));
        await("base flows on B again").until(() -> baseFlowsPresent(BRIDGE_B));
    }

    /** The controller JVM's CPU time (user and system), from /proc, in milliseconds. */
    private static long cpuMillis(final Controller controller) throws IOException {
        final var stat = Files.readString(Path.of("/proc/" + controller.jvmPid() + "/stat"));
        // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
        final var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** The controller's CPU time over a quiet period as long as the flood, as the baseline of the same run. */
    private static long controllerCpuMillis(final Controller controller, final int seconds)
            throws IOException, InterruptedException {
        final long before = cpuMillis(controller);
        Thread.sleep(seconds * 1000L);
        return cpuMillis(controller) - before;
    }

    @Test
    @Order(15)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void qosLimitsMarksAndCountsOnTheNodesSwitches(final RestconfClient client) throws Exception {
        dataplane.iperfServer(HOST_B);
        // Egress limit and marking on the sender.
        assertStatus(201, client.put(QOS + "slow", policy("slow", "sdn.A", "egress", LIMIT_KBPS, true)));
        await("egress policy installed on A").until(() -> qosInstalled(client, "slow")
            && dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 1);
        final var meters = dataplane.meters(BRIDGE_A);
        assertTrue(meters.contains("meter=2") && meters.contains("rate=10000") && meters.contains("burst_size=2000"),
            () -> "meter 2 at 10,000 kbps with the default burst of 2,000 kbit: " + meters);
        final double tcp = dataplane.receivedKbps(HOST_A, IP_B, 5, 0);
        assertInRange("TCP under a 10,000 kbps egress limit", tcp, 0.75 * LIMIT_KBPS, 1.05 * LIMIT_KBPS);
        assertEquals("0xb8", dataplane.receivedTos(HOST_A, HOST_B, IP_B), "DSCP 46 on the wire");
        final long droppedBefore = droppedPackets(client, "slow");
        final double udp = dataplane.receivedKbps(HOST_A, IP_B, 5, 2L * LIMIT_KBPS);
        assertInRange("UDP offered at twice the limit", udp, 0.90 * LIMIT_KBPS, 1.05 * LIMIT_KBPS);
        await("dropped packets over RESTCONF rise").until(() -> droppedPackets(client, "slow") > droppedBefore);

        // Deleted: back to line rate, unmarked.
        assertStatus(204, client.delete(QOS + "slow"));
        await("QoS flows gone from A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS
            && !dataplane.meters(BRIDGE_A).contains("meter=2"));
        final double free = dataplane.receivedKbps(HOST_A, IP_B, 5, 0);
        assertTrue(free > 3 * LIMIT_KBPS, () -> "without the policy TCP is above 3x the limit: " + free);
        assertEquals("0x0", dataplane.receivedTos(HOST_A, HOST_B, IP_B), "unmarked once the policy is gone");

        // Ingress limit on the receiver.
        assertStatus(201, client.put(QOS + "down", policy("down", "sdn.B", "ingress", LIMIT_KBPS, false)));
        await("ingress policy installed on B").until(() -> qosInstalled(client, "down")
            && dataplane.flows(BRIDGE_B).size() == BASE_FLOWS + 1);
        final double ingress = dataplane.receivedKbps(HOST_A, IP_B, 5, 0);
        assertInRange("TCP under a 10,000 kbps ingress limit", ingress, 0.75 * LIMIT_KBPS, 1.05 * LIMIT_KBPS);
        final double ingressUdp = dataplane.receivedKbps(HOST_A, IP_B, 5, 2L * LIMIT_KBPS);
        assertInRange("UDP offered at twice the ingress limit", ingressUdp, 0.90 * LIMIT_KBPS, 1.05 * LIMIT_KBPS);
        final var nodeStatus = client.getOperational(NODES + "sdn.B/status");
        assertTrue(nodeStatus.body().contains("\"service\":\"qos\"") && nodeStatus.body().contains("\"up\""),
            () -> "node B's qos service is up: " + nodeStatus.body());
        // The ingress limit changed: on B's switch within 2 s (meter 3 is the ingress limit's).
        final long changed = System.nanoTime();
        assertStatus(204, client.put(QOS + "down", policy("down", "sdn.B", "ingress", 2 * LIMIT_KBPS, false)));
        Awaitility.await("ingress meter at 20,000 kbps").atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(50)).until(() -> dataplane.meters(BRIDGE_B).contains("rate=20000")
                && dataplane.flows(BRIDGE_B).stream().anyMatch(flow -> flow.contains("meter:3")));
        final long ingressChangeMillis = (System.nanoTime() - changed) / 1_000_000;
        assertStatus(204, client.delete(QOS + "down"));
        await("ingress flows gone from B").until(() -> dataplane.flows(BRIDGE_B).size() == BASE_FLOWS
            && !dataplane.meters(BRIDGE_B).contains("meter=3"));
        final double ingressFree = dataplane.receivedKbps(HOST_A, IP_B, 5, 0);
        assertTrue(ingressFree > 3 * LIMIT_KBPS,
            () -> "without the ingress policy TCP is above 3x the limit: " + ingressFree);
        System.out.printf("QoS: TCP %.0f kbps, UDP %.0f kbps at 10,000 egress; %.0f without; ingress TCP %.0f, "
            + "UDP %.0f, changed in %d ms, %.0f without%n", tcp, udp, free, ingress, ingressUdp, ingressChangeMillis,
            ingressFree);
    }

    /**
     * A changed limit replaces the meter (the plugin's update-meter reaches Open vSwitch 3.1 as a second add, which
     * it refuses with METER_EXISTS, so CNSMO deletes and adds it, and sends the flows using it again).
     */
    @Test
    @Order(16)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void qosLimitChangeIsOnTheSwitchWithinTwoSeconds(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(QOS + "slow", policy("slow", "sdn.A", "egress", LIMIT_KBPS, true)));
        await("egress policy installed on A again").until(() -> qosInstalled(client, "slow"));
        final long changed = System.nanoTime();
        assertStatus(204, client.put(QOS + "slow", policy("slow", "sdn.A", "egress", 2 * LIMIT_KBPS, true)));
        Awaitility.await("meter at 20,000 kbps").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
            .until(() -> dataplane.meters(BRIDGE_A).contains("rate=20000")
                && dataplane.flows(BRIDGE_A).stream().anyMatch(flow -> flow.contains("meter:2")));
        final long changeMillis = (System.nanoTime() - changed) / 1_000_000;
        final double faster = dataplane.receivedKbps(HOST_A, IP_B, 5, 0);
        assertInRange("TCP under the 20,000 kbps limit", faster, 1.5 * LIMIT_KBPS, 2.1 * LIMIT_KBPS);
        System.out.printf("QoS: TCP %.0f kbps at 20,000 (meter changed in %d ms)%n", faster, changeMillis);
        assertStatus(204, client.delete(QOS + "slow"));
        await("QoS flows gone from A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    /**
     * One version of the flipped rule: its action, its port range, and the one masked match that range becomes.
     */
    private record Version(String action, int lower, int upper, String match) {
        boolean drops() {
            return "drop".equals(action);
        }
    }

    /**
     * Issue 14: a probe sends a UDP datagram every millisecond to port 7205 of A, each from the next source port
     * (so that conntrack judges every one as a new connection), while the test changes a rule 75 times: its
     * action flips 50 times between accept and drop, and between two drop versions its range is re-expanded
     * (7204-7207 to 7200-7215, both of which hold 7205). Each change is one bundle, so the switch moves between
     * versions in one step: no datagram passes a drop version nor the change between two drop versions (a
     * removal before an addition would let it through there), and none is lost in an accept version. A
     * version is in force from when dump-flows shows it (plus a 50 ms allowance for the datapath's cached flows)
     * until the next change is sent; the datagrams sent during a change may meet either side.
     */
    @Test
    @Order(17)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void flippedRuleNeverPassesWhatNeitherVersionAllows(final RestconfClient client) throws Exception {
        final var cycle = List.of(new Version("accept", 7200, 7207, "tp_dst=0x1c20/0xfff8"),
            new Version("drop", 7204, 7207, "tp_dst=0x1c24/0xfffc"),
            new Version("drop", 7200, 7215, "tp_dst=0x1c20/0xfff0"));
        final long settle = Duration.ofMillis(50).toNanos();
        final long hold = Duration.ofMillis(350).toNanos();
        final var versions = new ArrayList<Version>();
        final var sentAt = new ArrayList<Long>();
        final var seenAt = new ArrayList<Long>();
        putFlip(client, cycle.get(0), 201);
        awaitFlip(cycle.get(0));
        versions.add(cycle.get(0));
        sentAt.add(0L);
        seenAt.add(System.nanoTime());
        final var probe = dataplane.udpProbe(HOST_B, HOST_A, IP_A, 7205);
        try {
            Thread.sleep(300);
            for (int change = 1; change <= 75; change++) {
                final var version = cycle.get(change % cycle.size());
                final long sent = System.nanoTime();
                putFlip(client, version, 204);
                awaitFlip(version);
                versions.add(version);
                sentAt.add(sent);
                seenAt.add(System.nanoTime());
                Thread.sleep(hold / 1_000_000);
            }
        } finally {
            final var datagrams = probe.finish();
            assertStatus(204, client.delete(RULES + "flip"));
            judgeFlips(datagrams, versions, sentAt, seenAt, settle);
        }
        await("flip rule gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    private static void judgeFlips(final Map<Long, Map.Entry<Long, Boolean>> datagrams, final List<Version> versions,
            final List<Long> sentAt, final List<Long> seenAt, final long settle) {
        long accepted = 0;
        long dropped = 0;
        long changing = 0;
        long changingBetweenDrops = 0;
        final var wrong = new ArrayList<String>();
        for (var datagram : datagrams.entrySet()) {
            final long at = datagram.getValue().getKey();
            final boolean arrived = datagram.getValue().getValue();
            // the last change sent at or before the datagram
            int last = 0;
            while (last + 1 < versions.size() && sentAt.get(last + 1) <= at) {
                last++;
            }
            if (at < seenAt.get(last) + settle) {
                // between sending change `last` and its being in force: either version may judge it
                changing++;
                if (versions.get(last).drops() && versions.get(last - 1).drops()) {
                    changingBetweenDrops++;
                    if (arrived) {
                        wrong.add("datagram " + datagram.getKey() + " passed between drop versions " + (last - 1)
                            + " and " + last);
                    }
                }
            } else if (versions.get(last).drops()) {
                dropped++;
                if (arrived) {
                    wrong.add("datagram " + datagram.getKey() + " passed drop version " + last);
                }
            } else {
                accepted++;
                if (!arrived) {
                    wrong.add("datagram " + datagram.getKey() + " was lost in accept version " + last);
                }
            }
        }
        System.out.printf("Flips: %d datagrams, %d in accept versions, %d in drop versions, %d during changes "
            + "(%d between two drop versions); %d wrong%n", datagrams.size(), accepted, dropped, changing,
            changingBetweenDrops, wrong.size());
        // 25 accept and 50 drop versions, each in force for about 300 ms: some 7,500 and 15,000 datagrams
        assertTrue(accepted > 4_000 && dropped > 8_000 && changingBetweenDrops > 100,
            "too few datagrams to judge: " + accepted + " / " + dropped + " / " + changingBetweenDrops);
        assertEquals(List.of(), wrong.stream().limit(20).toList(), wrong.size() + " datagrams judged wrong");
    }

    private static void putFlip(final RestconfClient client, final Version version, final int status)
            throws IOException, InterruptedException {
        assertStatus(status, client.put(RULES + "flip", rule("flip", "in", "udp",
            "\"destination-port-range\":{\"lower\":%d,\"upper\":%d}".formatted(version.lower(), version.upper()),
            version.action(), 300)));
    }

    /** Waits until A's switch holds exactly this version of the flip rule (OpenFlow priority 1300). */
    private static void awaitFlip(final Version version) {
        Awaitility.await("flip rule at " + version).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(2)).until(() -> {
                final var flows = dataplane.flows(BRIDGE_A).stream()
                    .filter(flow -> flow.contains("priority=1300")).toList();
                return flows.size() == 1 && flows.get(0).contains(version.match())
                    && flows.get(0).contains("actions=drop") == version.drops();
            });
    }

    /**
     * A flow the switch refuses (a reject rule whose meter was deleted behind CNSMO's back) makes its rule
     * failed with the switch's error; a rule changed at the same time is installed; the switch is whole again
     * once it reconnects (CNSMO installs its meters first).
     */
    @Test
    @Order(18)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void ruleTheSwitchRefusesIsFailedWithItsReason(final RestconfClient client) throws Exception {
        dataplane.deleteMeter(BRIDGE_A, 1);
        assertStatus(201, client.put(RULES + "reject-9101", rule("reject-9101", "in", "tcp",
            "\"destination-port\":9101", "reject", 100)));
        assertStatus(201, client.put(RULES + "drop-7100", rule("drop-7100", "in", "tcp",
            "\"destination-port\":7100", "drop", 100)));
        await("reject rule failed").until(() -> "failed".equals(ruleState(client, "reject-9101")));
        final var reason = client.getOperational(RULES + "reject-9101/status").json()
            .getAsJsonObject("cnsmo-firewall:status").get("reason").getAsString();
        System.out.println("Refused rule: " + reason);
        assertTrue(reason.contains("openflow:10") && reason.contains("keeps what it had"), reason);
        await("drop rule installed").until(() -> "installed".equals(ruleState(client, "drop-7100")));
        assertTrue(dataplane.flows(BRIDGE_A).stream().noneMatch(flow -> flow.contains("tp_dst=9101")),
            "nothing of the refused rule is on the switch");
        assertFalse(dataplane.connect(HOST_B, IP_A, 7100).connected(), "the other rule is enforced");
        // not sent again every poll: the refusal stays until the switch reconnects
        Thread.sleep(3 * POLL_MILLIS);
        assertEquals("failed", ruleState(client, "reject-9101"));

        dataplane.detachController(BRIDGE_A);
        dataplane.attachController(BRIDGE_A);
        await("reject rule installed after the reconnection").atMost(RECONCILE_TIMEOUT)
            .until(() -> "installed".equals(ruleState(client, "reject-9101")));
        final var refused = dataplane.connect(HOST_B, IP_A, 9101);
        assertTrue(refused.refused(), () -> "9101 is rejected again: " + refused);
        assertStatus(204, client.delete(RULES + "reject-9101"));
        assertStatus(204, client.delete(RULES + "drop-7100"));
        await("rule flows gone").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS);
    }

    /** Whether the verifier last found a node's switch holding the intended reachability. */
    private static boolean matchesIntent(final RestconfClient client, final String node)
            throws IOException, InterruptedException {
        final var response = client.getOperational(DEPLOYMENT + node);
        if (response.status() != 200) {
            return false;
        }
        final var entry = response.json().getAsJsonObject().getAsJsonArray("cnsmo-verification:node").get(0)
            .getAsJsonObject();
        return entry.has("matches-intent") && entry.get("matches-intent").getAsBoolean();
    }

    /** The last difference the verifier found between a node's switch and the intent, or null. */
    private static JsonObject lastDifference(final RestconfClient client, final String node)
            throws IOException, InterruptedException {
        final var response = client.getOperational(DEPLOYMENT + node);
        if (response.status() != 200) {
            return null;
        }
        final var entry = response.json().getAsJsonObject().getAsJsonArray("cnsmo-verification:node").get(0)
            .getAsJsonObject();
        return entry.has("last-difference") ? entry.getAsJsonObject("last-difference") : null;
    }

    private static String lastDifferenceSeenAt(final RestconfClient client, final String node)
            throws IOException, InterruptedException {
        final var last = lastDifference(client, node);
        return last == null ? "" : last.get("seen-at").getAsString();
    }

    /** The datapath id of the scripted switch without meters ('M'). */
    private static final long DPID_M = 0x4D;
    private static final String METERLESS = "meterless";

    /**
     * Issue 16: a policy on a node whose switch lacks meter support shows {@code failed} with the switch's reason,
     * and nothing else on that switch changes, while the same policy is enforced on a node whose switch has meters.
     *
     * <p>Node {@code sdn.M}'s switch is a scripted OpenFlow 1.3 switch ({@code meterless-switch.py}, next to this
     * class in the test resources), not Open vSwitch: Open vSwitch 3.1's userspace datapath accepts every meter
     * CNSMO can make (max_meter 262144, any id and rate; it has no datapath feature toggle for meters), so no OVS
     * bridge here can refuse one. The script says max_meter 0 in its METER_FEATURES and answers every METER_MOD
     * with OFPET_METER_MOD_FAILED / OFPMMFC_INVALID_METER, what Open vSwitch answers a meter add with when its
     * datapath implements no meters; it keeps a flow table for flow-mods and bundles, answers CNSMO's flow-stats
     * reads from it, and logs every message it gets, which is how this test sees that nothing was sent to it.
     */
    @Test
    @Order(30)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void policyOnASwitchWithoutMetersFailsWithItsReasonAndChangesNothingThere(final RestconfClient client)
            throws Exception {
        final var dir = Path.of("target/meterless-switch").toAbsolutePath();
        final var log = dir.resolve("switch.log");
        final var table = dir.resolve("table.json");
        final var meterless = startMeterlessSwitch(dir, log, table);
        try {
            assertStatus(201, client.put(NODES + "sdn.M", node("sdn.M", DPID_M)));
            await("base flows on the scripted switch").atMost(RECONCILE_TIMEOUT)
                .until(() -> meterlessFlows(table).size() == BASE_FLOWS);
            assertTrue(switchLog(log).stream().anyMatch(event -> "meter-mod".equals(text(event, "event"))
                && event.get("meter").getAsLong() == 1), () -> "CNSMO offered its reject meter: " + tail(log));
            final var before = Files.readString(table);
            final int logged = switchLog(log).size();

            assertStatus(201, client.put(QOS + METERLESS, """
                {"cnsmo-qos:policy":[{"name":"%s","node":["sdn.A","sdn.M"],
                  "bandwidth-limit":{"direction":"egress","max-kbps":%d},"dscp-marking":{"dscp-mark":46}}]}"""
                .formatted(METERLESS, LIMIT_KBPS)));
            await("the policy failed on sdn.M and installed on sdn.A").until(() ->
                "failed".equals(qosNodeField(client, "sdn.M", "installed"))
                    && "installed".equals(qosNodeField(client, "sdn.A", "installed")));
            final var reason = qosNodeField(client, "sdn.M", "reason");
            System.out.println("QoS on a switch without meters: " + reason);
            assertTrue(reason.contains("refused meter 2") && reason.contains("METERMODFAILED")
                && reason.contains("INVALIDMETER"), () -> "the switch's reason: " + reason);
            final var nodeStatus = client.getOperational(NODES + "sdn.M/status").body();
            assertTrue(nodeStatus.contains("\"service\":\"qos\"") && nodeStatus.contains("refused meter 2"),
                () -> "sdn.M's qos service is down with the reason: " + nodeStatus);

            // a few reconciliations of sdn.M's switch later, it holds what it held, and was sent no flow at all
            Thread.sleep(3 * POLL_MILLIS);
            assertEquals("failed", qosNodeField(client, "sdn.M", "installed"), "still failed, not retried");
            assertEquals(before, Files.readString(table), "the scripted switch's flow table is unchanged");
            final var events = switchLog(log);
            final var since = events.subList(logged, events.size());
            final var sent = since.stream().filter(event -> List.of("flow-mod", "commit", "bundle-add")
                .contains(text(event, "event"))).toList();
            assertEquals(List.of(), sent, "no flow-mod, bundle or commit reached the switch after the policy");
            assertTrue(since.stream().filter(event -> "meter-mod".equals(text(event, "event")))
                .allMatch(event -> event.get("meter").getAsLong() == 2), () -> "only meter 2 was offered: " + since);
            for (var flow : meterlessFlows(table)) {
                assertEquals(0, flow.getAsJsonObject().getAsJsonArray("meters").size(),
                    () -> "a flow on the switch names a meter: " + flow);
            }

            // the same policy is enforced on sdn.A's Open vSwitch, and A's filters still work
            assertTrue(dataplane.meters(BRIDGE_A).contains("meter=2") && dataplane.flows(BRIDGE_A).stream()
                .anyMatch(flow -> flow.contains("meter:2") && flow.contains("set_field:46->ip_dscp")),
                "sdn.A holds the policy's meter and its flow");
            assertStatus(201, client.put(FILTERS + "no-8080", """
                {"cnsmo-traffic-filters:filter":[{"name":"no-8080","node":"sdn.A","tcp-destination-port":8080,
                  "ipv4-destination":"%s/32"}]}""".formatted(IP_A)));
            await("filter flow on A").until(() -> dataplane.flows(BRIDGE_A).stream()
                .anyMatch(flow -> flow.contains("tp_dst=8080") && flow.contains("actions=drop")));
            assertFalse(dataplane.connect(HOST_B, IP_A, 8080).connected(), "8080 is blocked on A");
            assertTrue(dataplane.connect(HOST_B, IP_A, 8081).connected(), "8081 stays open through A's meter");
            assertStatus(204, client.delete(FILTERS + "no-8080"));

            assertStatus(204, client.delete(QOS + METERLESS));
            await("QoS gone from A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS
                && !dataplane.meters(BRIDGE_A).contains("meter=2"));
            assertEquals(before, Files.readString(table), "the policy's deletion changed nothing on the switch");
            assertStatus(204, client.delete(NODES + "sdn.M"));
            await("CNSMO's flows gone from the unbound scripted switch").atMost(REPAIR_TIMEOUT)
                .until(() -> meterlessFlows(table).isEmpty());
        } finally {
            meterless.destroy();
            client.delete(FILTERS + "no-8080");
            client.delete(QOS + METERLESS);
            client.delete(NODES + "sdn.M");
        }
    }

    /** Starts the scripted switch without meters, from a clean directory, connected to the plain listener. */
    private static Process startMeterlessSwitch(final Path dir, final Path log, final Path table)
            throws IOException {
        Files.createDirectories(dir);
        final var script = dir.resolve("meterless-switch.py");
        try (var in = SdnEndToEndTest.class.getResourceAsStream("meterless-switch.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(log);
        Files.deleteIfExists(table);
        return new ProcessBuilder("python3", script.toString(), Controller.PLAIN_OPENFLOW, String.valueOf(DPID_M),
            log.toString(), table.toString()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("switch.out").toFile()).start();
    }

    /** The scripted switch's flows (its table file), or none before it wrote one. */
    private static com.google.gson.JsonArray meterlessFlows(final Path table) throws IOException {
        return Files.exists(table) ? com.google.gson.JsonParser.parseString(Files.readString(table)).getAsJsonArray()
            : new com.google.gson.JsonArray();
    }

    /** What the scripted switch logged: one event per message received or change made. */
    private static List<com.google.gson.JsonObject> switchLog(final Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> !line.isBlank())
            .map(line -> com.google.gson.JsonParser.parseString(line).getAsJsonObject()).toList() : List.of();
    }

    private static String tail(final Path log) {
        try {
            final var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String text(final com.google.gson.JsonObject event, final String field) {
        return event.has(field) ? event.get(field).getAsString() : null;
    }

    /** A field of the meterless policy's status on one node, or null. */
    private static String qosNodeField(final RestconfClient client, final String node, final String field)
            throws IOException, InterruptedException {
        final var status = client.getOperational(QOS + METERLESS + "/status");
        if (status.status() != 200) {
            return null;
        }
        final var nodes = status.json().getAsJsonObject("cnsmo-qos:status").getAsJsonArray("node-status");
        for (var element : nodes == null ? new com.google.gson.JsonArray() : nodes) {
            final var state = element.getAsJsonObject();
            if (node.equals(text(state, "node"))) {
                return text(state, field);
            }
        }
        return null;
    }

    private static String ruleState(final RestconfClient client, final String rule)
            throws IOException, InterruptedException {
        final var response = client.getOperational(RULES + rule + "/status");
        return response.status() == 200 ? response.json().getAsJsonObject("cnsmo-firewall:status")
            .get("installed").getAsString() : "absent";
    }

    private static void assertInRange(final String what, final double kbps, final double low, final double high) {
        assertTrue(kbps >= low && kbps <= high,
            () -> what + ": %.0f kbps, expected %.0f-%.0f".formatted(kbps, low, high));
    }

    private static boolean qosInstalled(final RestconfClient client, final String policy) throws Exception {
        final var status = client.getOperational(QOS + policy + "/status");
        return status.status() == 200 && status.body().contains("\"installed\":\"installed\"");
    }

    private static long droppedPackets(final RestconfClient client, final String policy) throws Exception {
        final var status = client.getOperational(QOS + policy + "/status");
        if (status.status() != 200) {
            return 0;
        }
        final var nodes = status.json().getAsJsonObject("cnsmo-qos:status").getAsJsonArray("node-status");
        return nodes == null || nodes.isEmpty() ? 0
            : packets(nodes.get(0).getAsJsonObject().getAsJsonObject("dropped"));
    }

    private static String policy(final String name, final String node, final String direction, final int kbps,
            final boolean mark) {
        return """
            {"cnsmo-qos:policy":[{"name":"%s","node":["%s"],
              "bandwidth-limit":{"direction":"%s","max-kbps":%d}%s}]}""".formatted(name, node, direction, kbps,
            mark ? ",\"dscp-marking\":{\"dscp-mark\":46}" : "");
    }

    private static void blockPort8080(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(FILTERS + "no-8080", """
            {"cnsmo-traffic-filters:filter":[{"name":"no-8080","node":"sdn.A","tcp-destination-port":8080,
              "ipv4-destination":"%s/32"}]}""".formatted(IP_A)));
        await("filter flow on A").until(() -> dataplane.flows(BRIDGE_A).size() == BASE_FLOWS + 1);
    }

    private static boolean baseFlowsPresent(final String bridge) throws Exception {
        return dataplane.flows(bridge).size() == BASE_FLOWS;
    }

    private static long numPackets(final String token, final String path) throws Exception {
        final var answer = V1Client.call("GET", path, token, null);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json().getAsJsonObject().get("numPackets").getAsLong();
    }

    private static long packets(final com.google.gson.JsonObject statistics) {
        return statistics == null || !statistics.has("packets") ? 0 : statistics.get("packets").getAsLong();
    }

    private static String node(final String name, final long dpid) {
        return """
            {"cnsmo-nodes:node":[{"name":"%s","datapath-id":%d,"uplink-port":1,"switch-address":"127.0.0.1"}]}"""
            .formatted(name, dpid);
    }

    /** A node that lists the firewall service, and so takes the rules that name no node. */
    private static String firewallNode(final String name, final long dpid) {
        return """
            {"cnsmo-nodes:node":[{"name":"%s","datapath-id":%d,"uplink-port":1,"switch-address":"127.0.0.1",
              "service":["sdn","firewall"]}]}""".formatted(name, dpid);
    }

    private static String rule(final String name, final String direction, final String protocol, final String ports,
            final String action, final int priority) {
        return """
            {"cnsmo-firewall:rule":[{"name":"%s","node":"sdn.A","direction":"%s","protocol":"%s",%s,
              "action":"%s","priority":%d}]}""".formatted(name, direction, protocol, ports, action, priority);
    }

    private static ConditionFactory await(final String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250));
    }

    /**
     * Issue 18: a seeded random policy (30 rules with overlapping ranges and priorities, 4 filters) on three nodes,
     * probed by real connections across Open vSwitch at every rule's and filter's port boundaries, and asked of the
     * verifier (check-reachability): its verdict equals the observed outcome in every sample. The seed is
     * {@code -Dcnsmo.policy.seed} when given, else the clock, and is in every assertion message.
     */
    @Test
    @Order(19)
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void verifierVerdictsEqualRealConnectionsUnderARandomPolicy(final RestconfClient client) throws Exception {
        final long seed = Long.getLong("cnsmo.policy.seed", System.currentTimeMillis());
        final var firewallNodes = System.getProperty("cnsmo.policy.firewall", "sdn.B,sdn.C");
        final var seeded = "seed " + seed + " (-Dcnsmo.policy.seed=" + seed + " -Dcnsmo.policy.firewall="
            + firewallNodes + ")";
        System.out.println("Random policy " + seeded);
        // The nodes that list the firewall service take the rules that name no node: B and C, so that the
        // probes also cover a node (A) that takes only the rules naming it (-Dcnsmo.policy.firewall names
        // others; A and B list none in the rest of the suite and get their own definitions back at the end).
        final var firewall = List.of(firewallNodes.split(","));
        final var hosts = List.of(new Host("sdn.A", IP_A, HOST_A, BRIDGE_A, firewall.contains("sdn.A")),
            new Host("sdn.B", IP_B, HOST_B, BRIDGE_B, firewall.contains("sdn.B")),
            new Host("sdn.C", IP_C, HOST_C, BRIDGE_C, firewall.contains("sdn.C")));
        final var policy = RandomPolicy.of(seed, hosts.stream().map(Host::name).toList(),
            hosts.stream().map(Host::address).toList(), POLICY_RULES, POLICY_FILTERS, 0.2);
        final long started = System.nanoTime();
        dataplane.addThirdNode();
        final var server = bindOverlayAddresses(client, hosts);
        final var responders = new ArrayList<Process>();
        try {
            // The node only once the plugin has the switch: a switch that connects while its node is being
            // created can end up refusing CNSMO's reject meter (see docs/verification.md), and then every reject rule.
            await("C's switch in the inventory").until(() -> dataplane.controllerConnected(BRIDGE_C)
                && client.getOperational("opendaylight-inventory:nodes/node=openflow:" + Dataplane.DPID_C).status()
                    == 200);
            for (var host : hosts) {
                final long dpid = Map.of(BRIDGE_A, Dataplane.DPID_A, BRIDGE_B, Dataplane.DPID_B, BRIDGE_C,
                    Dataplane.DPID_C).get(host.bridge());
                assertStatus(host == hosts.get(2) ? 201 : 204, client.put(NODES + host.name(), host.firewall()
                    ? firewallNode(host.name(), dpid) : node(host.name(), dpid)));
            }
            await("base flows on C").until(() -> baseFlowsPresent(BRIDGE_C));
            // ARP and the hub's MAC table learnt before the probes: a first frame flooded to the third bridge
            // would meet that node's ingress rules too (a reject there would answer a connection not meant for it).
            for (var from : hosts) {
                for (var to : hosts) {
                    if (from != to) {
                        final var pinged = from.namespace() + " -> " + to.address();
                        await(pinged).until(() -> dataplane.pings(from.namespace(), to.address()));
                    }
                }
            }
            for (var rule : policy.rules()) {
                final var put = client.put(RULES + rule.name(), rule.json());
                assertEquals(201, put.status(), () -> seeded + ": " + rule + " refused: " + put);
            }
            for (var filter : policy.filters()) {
                final var put = client.put(FILTERS + filter.name(), filter.json());
                assertEquals(201, put.status(), () -> seeded + ": " + filter + " refused: " + put);
            }
            awaitInstalled(client, policy, hosts, seeded);
            final long installed = System.nanoTime();

            final var samples = samples(policy, hosts, new Random(seed));
            for (var host : hosts) {
                responders.add(dataplane.respond(host.namespace(), ports(samples, host, "tcp"),
                    ports(samples, host, "udp")));
            }
            final var observed = observe(samples, hosts);
            final long probed = System.nanoTime();
            final var verdicts = verdicts(client, samples, seeded);
            final long asked = System.nanoTime();

            final var mismatches = new ArrayList<String>();
            final var counts = new TreeMap<String, Integer>();
            for (var sample : samples) {
                final var seen = observed.get(sample);
                final var verdict = verdicts.get(sample);
                counts.merge(sample.protocol() + " " + seen.outcome(), 1, Integer::sum);
                if (!verdict.outcome().equals(seen.outcome())) {
                    mismatches.add(sample + ": verifier " + verdict.outcome() + " (" + verdict.decidedBy()
                        + "), observed " + seen.outcome() + " in " + seen.millis() + " ms");
                }
            }
            System.out.printf("Random policy %s: %d rules, %d filters installed in %d ms; %d samples %s probed in %d ms"
                + " from 3 hosts, %d check-reachability calls in %d ms; %d mismatches%n", seeded, policy.rules().size(),
                policy.filters().size(), (installed - started) / 1_000_000, samples.size(), counts,
                (probed - installed) / 1_000_000, verdicts.calls(), (asked - probed) / 1_000_000, mismatches.size());
            if (!mismatches.isEmpty()) {
                System.out.println("Policy: " + policy.rules() + " " + policy.filters());
                for (var host : hosts) {
                    System.out.println("Flows of " + host.bridge() + ":\n" + String.join("\n",
                        dataplane.flows(host.bridge())));
                }
            }
            assertTrue(samples.size() >= MIN_SAMPLES, () -> seeded + ": only " + samples.size() + " samples");
            assertTrue(mismatches.isEmpty(), () -> seeded + ": " + mismatches.size() + " of " + samples.size()
                + " samples differ:\n" + String.join("\n", mismatches));
        } finally {
            responders.forEach(Process::destroy);
            for (var rule : policy.rules()) {
                client.delete(RULES + rule.name());
            }
            for (var filter : policy.filters()) {
                client.delete(FILTERS + filter.name());
            }
            client.delete(NODES + "sdn.C");
            assertStatus(204, client.put(NODES + "sdn.A", node("sdn.A", Dataplane.DPID_A)));
            assertStatus(204, client.put(NODES + "sdn.B", node("sdn.B", Dataplane.DPID_B)));
            await("C's flows gone").until(() -> dataplane.flows(BRIDGE_C).stream()
                .noneMatch(flow -> flow.contains(CNSMO_COOKIE)));
            dataplane.removeThirdNode();
            unbindOverlayAddresses(client, hosts, server);
            await("only base flows on A and B").until(() -> baseFlowsPresent(BRIDGE_A) && baseFlowsPresent(BRIDGE_B));
        }
    }

    /**
     * Issue 18: what-if of a rule whose port range holds the port of a connection that works lists that
     * connection's class as newly blocked, naming the rule, and writes nothing; once the rule is committed (and
     * reported installed) a real attempt on that port is dropped, as the verifier now says; deleting the rule opens
     * it again.
     */
    @Test
    @Order(20)
    void whatIfListsTheConnectionARuleWouldBlockAndCommittingItBlocksIt(final RestconfClient client)
            throws Exception {
        final var hosts = List.of(new Host("sdn.A", IP_A, HOST_A, BRIDGE_A, false),
            new Host("sdn.B", IP_B, HOST_B, BRIDGE_B, false));
        final var server = bindOverlayAddresses(client, hosts);
        final var ruleJson = rule(WHAT_IF_RULE, "in", "tcp",
            "\"destination-port-range\":{\"lower\":8070,\"upper\":8090}", "drop", 500);
        try {
            final var open = dataplane.connect(HOST_B, IP_A, 8081);
            assertTrue(open.connected(), () -> "B connects to A on 8081 before the rule: " + open);
            assertEquals("accept", reachability(client, "sdn.B", "sdn.A", 8081).get("outcome").getAsString());

            final var proposed = com.google.gson.JsonParser.parseString(ruleJson).getAsJsonObject()
                .getAsJsonArray("cnsmo-firewall:rule");
            final var whatIf = rpcOutput(client.invoke("cnsmo-verification:what-if",
                "{\"input\":{\"put-rule\":" + proposed + "}}"));
            final var changes = whatIf.getAsJsonArray("change");
            assertTrue(changes != null && changes.size() == 1, () -> "one class changes: " + whatIf);
            final var change = changes.get(0).getAsJsonObject();
            assertEquals("sdn.B", change.get("source-node").getAsString(), change::toString);
            assertEquals("sdn.A", change.get("destination-node").getAsString(), change::toString);
            assertEquals("tcp", change.get("protocol").getAsString(), change::toString);
            assertEquals(8070, change.get("port-lower").getAsInt(), change::toString);
            assertEquals(8090, change.get("port-upper").getAsInt(), change::toString);
            assertEquals("newly-blocked", change.get("kind").getAsString(), change::toString);
            assertEquals("accept", change.get("before").getAsString(), change::toString);
            assertEquals("drop", change.get("after").getAsString(), change::toString);
            assertEquals("rule " + WHAT_IF_RULE, change.get("responsible").getAsString(), change::toString);
            assertTrue(client.getConfig(RULES + WHAT_IF_RULE).status() != 200, "what-if commits nothing");
            assertTrue(dataplane.connect(HOST_B, IP_A, 8081).connected(), "still open after what-if");

            assertStatus(201, client.put(RULES + WHAT_IF_RULE, ruleJson));
            await("rule installed").until(() -> "installed".equals(ruleState(client, WHAT_IF_RULE)));
            final var blocked = dataplane.connect(HOST_B, IP_A, 8081);
            assertTrue(!blocked.connected() && !blocked.refused(), () -> "8081 is dropped once committed: " + blocked);
            final var after = reachability(client, "sdn.B", "sdn.A", 8081);
            assertEquals("drop", after.get("outcome").getAsString(), after::toString);
            assertTrue(after.get("decided-by").getAsString().contains("rule " + WHAT_IF_RULE), after::toString);
            // the committed change now compares as nothing new (the same answer shape, an empty proposal)
            final var committed = rpcOutput(client.invoke("cnsmo-verification:what-if", "{\"input\":{}}"));
            assertTrue(committed.getAsJsonArray("change") == null || committed.getAsJsonArray("change").isEmpty(),
                committed::toString);

            assertStatus(204, client.delete(RULES + WHAT_IF_RULE));
            await("rule gone from A").until(() -> baseFlowsPresent(BRIDGE_A));
            assertTrue(dataplane.connect(HOST_B, IP_A, 8081).connected(), "8081 open again");
        } finally {
            client.delete(RULES + WHAT_IF_RULE);
            unbindOverlayAddresses(client, hosts, server);
        }
    }

    /**
     * A fixture host as the verifier sees it: a node, its address and namespace, its bridge, and whether its node
     * lists the firewall service (and so takes the rules that name no node).
     */
    private record Host(String name, String address, String namespace, String bridge, boolean firewall) {
        boolean takes(final RandomPolicy.Rule rule) {
            return rule.node() == null ? firewall : rule.node().equals(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One probe: a new connection from a node's host to another's, on a protocol and port. */
    private record Sample(Host source, Host destination, String protocol, int port) {
        @Override
        public String toString() {
            return source.name() + " -> " + destination.name() + " " + protocol + "/" + port;
        }
    }

    /** An outcome (accept, drop, reject), observed or the verifier's. */
    private record Seen(String outcome, long millis, String decidedBy) {
        // a value
    }

    /** The verifier's verdict per sample, and how many RPCs it took. */
    private record Verdicts(Map<Sample, Seen> bySample, int calls) {
        Seen get(final Sample sample) {
            return bySample.get(sample);
        }
    }

    /**
     * The samples: for each rule, its range's ends and their neighbours on each node pair it applies to; for each
     * filter, its port and neighbours on each pair through its node; random ports up to {@link #MIN_SAMPLES}.
     */
    private static List<Sample> samples(final RandomPolicy policy, final List<Host> hosts, final Random random) {
        final var samples = new LinkedHashSet<Sample>();
        for (var source : hosts) {
            for (var destination : hosts) {
                if (source == destination) {
                    continue;
                }
                for (var rule : policy.rules()) {
                    if (("in".equals(rule.direction()) ? destination : source).takes(rule)) {
                        for (int port : List.of(rule.lower() - 1, rule.lower(), rule.upper(), rule.upper() + 1)) {
                            if (port >= 1) {
                                samples.add(new Sample(source, destination, rule.protocol(), port));
                            }
                        }
                    }
                }
                for (var filter : policy.filters()) {
                    if (filter.node().equals(source.name()) || filter.node().equals(destination.name())) {
                        for (int port = filter.port() - 1; port <= filter.port() + 1; port++) {
                            samples.add(new Sample(source, destination, "tcp", port));
                        }
                    }
                }
            }
        }
        while (samples.size() < MIN_SAMPLES) {
            final var source = hosts.get(random.nextInt(hosts.size()));
            final var destination = hosts.get((hosts.indexOf(source) + 1 + random.nextInt(hosts.size() - 1))
                % hosts.size());
            samples.add(new Sample(source, destination, random.nextBoolean() ? "tcp" : "udp",
                1 + random.nextInt(11_000)));
        }
        return List.copyOf(samples);
    }

    private static List<Integer> ports(final List<Sample> samples, final Host destination, final String protocol) {
        return samples.stream().filter(sample -> sample.destination() == destination
            && sample.protocol().equals(protocol)).map(Sample::port).distinct().sorted().toList();
    }

    /** Real connection attempts for every sample, from the three source hosts at once. */
    private static Map<Sample, Seen> observe(final List<Sample> samples, final List<Host> hosts) throws Exception {
        final var futures = new ArrayList<CompletableFuture<Map<Sample, Seen>>>();
        for (var source : hosts) {
            final var mine = samples.stream().filter(sample -> sample.source() == source).toList();
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    final var lines = dataplane.probe(source.namespace(), mine.stream().map(sample -> sample.protocol()
                        + " " + sample.destination().address() + " " + sample.port()).toList(), PROBE_TIMEOUT_SECONDS,
                        PROBES_PER_SECOND / hosts.size());
                    final var seen = new HashMap<Sample, Seen>();
                    for (int i = 0; i < mine.size(); i++) {
                        final var fields = lines.get(i).split(" ");
                        seen.put(mine.get(i), new Seen(fields[3], Long.parseLong(fields[4]), "observed"));
                    }
                    return seen;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        final var observed = new HashMap<Sample, Seen>();
        for (var future : futures) {
            observed.putAll(future.get());
        }
        return observed;
    }

    /** The verifier's verdict for every sample: one check-reachability per (source, destination, protocol). */
    private static Verdicts verdicts(final RestconfClient client, final List<Sample> samples, final String seeded)
            throws Exception {
        final var groups = new LinkedHashMap<String, List<Sample>>();
        samples.forEach(sample -> groups.computeIfAbsent(sample.source().name() + " " + sample.destination().name()
            + " " + sample.protocol(), key -> new ArrayList<>()).add(sample));
        final var verdicts = new HashMap<Sample, Seen>();
        for (var group : groups.values()) {
            final var first = group.get(0);
            final int lower = group.stream().mapToInt(Sample::port).min().orElseThrow();
            final int upper = group.stream().mapToInt(Sample::port).max().orElseThrow();
            final var answer = client.invoke("cnsmo-verification:check-reachability", """
                {"input":{"source":"%s","destination":"%s","protocol":"%s",
                  "destination-port-range":{"lower":%d,"upper":%d}}}""".formatted(first.source().name(),
                first.destination().name(), first.protocol(), lower, upper));
            assertEquals(200, answer.status(), () -> seeded + ": check-reachability for " + first + ": " + answer);
            final var classes = answer.json().getAsJsonObject("cnsmo-verification:output").getAsJsonArray("verdict");
            for (var sample : group) {
                final var matching = new ArrayList<Seen>();
                for (var element : classes) {
                    final var verdict = element.getAsJsonObject();
                    if (verdict.get("port-lower").getAsInt() <= sample.port()
                            && sample.port() <= verdict.get("port-upper").getAsInt()) {
                        matching.add(new Seen(verdict.get("outcome").getAsString(), 0,
                            verdict.get("decided-by").getAsString()));
                    }
                }
                assertEquals(1, matching.size(), () -> seeded + ": one verdict for " + sample + ": " + classes);
                verdicts.put(sample, matching.get(0));
            }
        }
        return new Verdicts(verdicts, groups.size());
    }

    /**
     * Waits until the policy is on the switches, by the observed state CNSMO reports: every rule and filter
     * {@code installed} (a {@code failed} one fails the test at once, with the switch's reason). Then each bridge must
     * hold the flows of its node's rules and filters (by cookie) - a rule reported installed whose flows are missing
     * would be a renderer bug, named in the failure - and the flow tables must have stopped changing.
     */
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    private static void awaitInstalled(final RestconfClient client, final RandomPolicy policy, final List<Host> hosts,
            final String seeded) throws IOException, InterruptedException {
        final var missing = new AtomicReference<String>();
        try {
            Awaitility.await(seeded + ": policy installed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    missing.set(notInstalled(client, policy));
                    return missing.get() == null;
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(seeded + ": the policy is not installed after 60 s: " + missing.get(), e);
        }
        try {
            Awaitility.await(seeded + ": installed rules' flows on the bridges").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    missing.set(flowsMissing(policy, hosts));
                    return missing.get() == null;
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(seeded + ": every rule and filter reports installed, but " + missing.get(), e);
        }
        final var last = new HashMap<String, List<String>>();
        Awaitility.await(seeded + ": flow tables settled").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean same = true;
                for (var host : hosts) {
                    final var flows = dataplane.flows(host.bridge());
                    same &= flows.equals(last.put(host.bridge(), flows));
                }
                return same;
            });
    }

    /** The first rule or filter of the policy whose observed state is not installed yet, or null. */
    private static String notInstalled(final RestconfClient client, final RandomPolicy policy)
            throws IOException, InterruptedException {
        for (var filter : policy.filters()) {
            final var status = client.getOperational(FILTERS + filter.name() + "/status");
            assertFalse(status.body().contains("\"installed\":\"failed\""), () -> filter + " refused: " + status);
            if (status.status() != 200 || !status.body().contains("\"installed\":\"installed\"")) {
                return "filter " + filter.name() + ": " + status;
            }
        }
        for (var rule : policy.rules()) {
            final var status = client.getOperational(RULES + rule.name() + "/status");
            assertFalse(status.body().contains("\"installed\":\"failed\""), () -> rule + " refused: " + status);
            if (status.status() != 200 || !status.body().contains("\"installed\":\"installed\"")) {
                return "rule " + rule.name() + ": " + status;
            }
        }
        return null;
    }

    /** Which bridge lacks the flows of some of its node's rules or filters (by cookie), or null. */
    private static String flowsMissing(final RandomPolicy policy, final List<Host> hosts)
            throws IOException, InterruptedException {
        for (var host : hosts) {
            final var flows = dataplane.flows(host.bridge());
            final long rules = policy.rules().stream().filter(host::takes).count();
            final long filters = policy.filters().stream().filter(filter -> filter.node().equals(host.name())).count();
            if (cookies(flows, RULE_COOKIE) != rules || cookies(flows, FILTER_COOKIE) != filters) {
                return host.bridge() + " has the flows of " + cookies(flows, RULE_COOKIE) + " of " + rules
                    + " rules and " + cookies(flows, FILTER_COOKIE) + " of " + filters + " filters";
            }
        }
        return null;
    }

    private static long cookies(final List<String> flows, final String prefix) {
        return flows.stream().filter(flow -> flow.startsWith(prefix))
            .map(flow -> flow.substring(0, flow.indexOf(','))).distinct().count();
    }

    /**
     * Binds the hosts' addresses to their nodes as VPN clients (the verifier knows a node by its overlay address) in
     * a subnet that holds them, with the VPN server off.
     *
     * @return the server configuration found before, to put back, or null
     */
    private static String bindOverlayAddresses(final RestconfClient client, final List<Host> hosts) throws Exception {
        final var before = client.getConfig(VPN_SERVER);
        assertStatus(before.status() == 200 ? 204 : 201, client.put(VPN_SERVER, """
            {"cnsmo-vpn:server":{"enabled":false,"subnet":"%s"}}""".formatted(PROBE_SUBNET)));
        for (var host : hosts) {
            assertStatus(201, client.put(VPN_CLIENTS + host.name(), """
                {"cnsmo-vpn:client":[{"name":"%s","static-address":"%s"}]}""".formatted(host.name(), host.address())));
        }
        return before.status() == 200 ? before.body() : null;
    }

    private static void unbindOverlayAddresses(final RestconfClient client, final List<Host> hosts,
            final String server) throws Exception {
        for (var host : hosts) {
            assertStatus(204, client.delete(VPN_CLIENTS + host.name()));
        }
        assertStatus(204, server == null ? client.delete(VPN_SERVER) : client.put(VPN_SERVER, server));
    }

    /** The verifier's verdict for TCP from one node to another on a port. */
    private static com.google.gson.JsonObject reachability(final RestconfClient client, final String source,
            final String destination, final int port) throws Exception {
        final var output = rpcOutput(client.invoke("cnsmo-verification:check-reachability", """
            {"input":{"source":"%s","destination":"%s","protocol":"tcp","destination-port":%d}}"""
            .formatted(source, destination, port)));
        final var verdicts = output.getAsJsonArray("verdict");
        assertEquals(1, verdicts.size(), output::toString);
        return verdicts.get(0).getAsJsonObject();
    }

    private static com.google.gson.JsonObject rpcOutput(final RestconfClient.Response response) {
        assertStatus(200, response);
        return response.json().getAsJsonObject("cnsmo-verification:output");
    }
}
