/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it;

import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cnsmo.it.rest.Controller;
import org.cnsmo.it.rest.ControllerExtension;
import org.cnsmo.it.rest.RestconfClient;
import org.cnsmo.it.sdn.Dataplane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard end to end: the real controller, a node whose Open vSwitch bridge is connected to it, TCP
 * traffic to the node's port 8080 all along, and Debian's Chromium driven by Playwright
 * ({@code src/test/browser/dashboard.test.mjs}) through every page. Screenshots and the downloaded VPN files
 * land in {@code target/dashboard-artifacts}.
 */
@ExtendWith(ControllerExtension.class)
class DashboardBrowserTest {
    private static final String NODE = "sdn.A";

    @Test
    void theDashboardWorksInChromium(final Controller controller, final RestconfClient admin) throws Exception {
        assertStatus(200, admin.request("GET", "cnsmo/index.html", "text/html", null));
        try (var dataplane = Dataplane.start(Path.of("target/dataplane-dashboard"))) {
            dataplane.listen(Dataplane.HOST_A, 8080);
            // Host B reaches node A through B's bridge, so both bridges need their node.
            putNode(admin, NODE, Dataplane.DPID_A);
            putNode(admin, "sdn.B", Dataplane.DPID_B);
            admin.put("cnsmo-vpn:vpn/server", """
                {"cnsmo-vpn:server":{"enabled":false,"public-address":"127.0.0.1","subnet":"10.9.0.0/24"}}""");
            // Overlay addresses, for the verifier's answers between the two nodes.
            putClient(admin, NODE, "10.9.0.21");
            putClient(admin, "sdn.B", "10.9.0.22");

            // One connection attempt every 0.3 s, for the graph's packet counter.
            final var traffic = Executors.newSingleThreadScheduledExecutor();
            traffic.scheduleWithFixedDelay(() -> sendTraffic(dataplane), 0, 300, TimeUnit.MILLISECONDS);
            try {
                final var artifacts = Path.of("target/dashboard-artifacts").toAbsolutePath();
                final var browser = new ProcessBuilder("node", "--test", "--test-concurrency=1",
                        "--test-reporter=spec", "dashboard.test.mjs")
                    .directory(Path.of("src/test/browser").toFile())
                    .redirectErrorStream(true);
                browser.environment().put("CNSMO_URL", "https://127.0.0.1:8443/cnsmo/index.html");
                browser.environment().put("CNSMO_PASSWORD", controller.adminPassword());
                browser.environment().put("CNSMO_NODE", NODE);
                browser.environment().put("CNSMO_NODE_IP", Dataplane.IP_A);
                browser.environment().put("CNSMO_ARTIFACTS", artifacts.toString());
                final var process = browser.start();
                final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(10, TimeUnit.MINUTES);
                Files.createDirectories(artifacts);
                Files.writeString(artifacts.resolve("browser-test.log"), output, StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), output);
            } finally {
                traffic.shutdownNow();
                traffic.awaitTermination(10, TimeUnit.SECONDS);
                removeWhatTheTestMade(admin);
            }
        }
    }

    /** The controller is shared with the other end-to-end tests, which expect to create these themselves. */
    private static void removeWhatTheTestMade(final RestconfClient admin)
            throws java.io.IOException, InterruptedException {
        // What the browser made over v1 and did not get to delete: numeric filters and v1-rule-<n> rules.
        final var made = new ArrayList<String>();
        made.addAll(names(admin, "cnsmo-traffic-filters:traffic-filters", "filter").stream()
            .filter(name -> name.matches("[0-9]+")).map(name -> "cnsmo-traffic-filters:traffic-filters/filter="
                + name).toList());
        made.addAll(names(admin, "cnsmo-firewall:firewall", "rule").stream()
            .filter(name -> name.startsWith("v1-rule-")).map(name -> "cnsmo-firewall:firewall/rule=" + name)
            .toList());
        for (var path : made) {
            final int status = admin.delete(path).status();
            assertTrue(status == 204 || status == 404, path + " removed: " + status);
        }
        for (var path : List.of("cnsmo-traffic-filters:traffic-filters/filter=ui-block-8080",
                "cnsmo-firewall:firewall/rule=ui-reject-7000s", "cnsmo-firewall:firewall/rule=ui-no-5432",
                "cnsmo-firewall:firewall/rule=ui-open-5432", "cnsmo-dns:dns",
                "cnsmo-load-balancers:load-balancers/load-balancer=ui-web", "cnsmo-vpn:vpn",
                "cnsmo-nodes:nodes/node=" + NODE, "cnsmo-nodes:nodes/node=sdn.B")) {
            final int status = admin.delete(path).status();
            assertTrue(status == 204 || status == 404 || status == 409, path + " removed: " + status);
        }
    }

    /** The names of a container's list entries, in the configuration. */
    private static List<String> names(final RestconfClient admin, final String container, final String list)
            throws java.io.IOException, InterruptedException {
        final var answer = admin.getConfig(container);
        if (answer.status() != 200) {
            return List.of();
        }
        final var entries = answer.json().getAsJsonObject(container).getAsJsonArray(list);
        final var names = new ArrayList<String>();
        if (entries != null) {
            entries.forEach(entry -> names.add(entry.getAsJsonObject().get("name").getAsString()));
        }
        return names;
    }

    private static void putNode(final RestconfClient admin, final String name, final long datapathId)
            throws java.io.IOException, InterruptedException {
        final int status = admin.put("cnsmo-nodes:nodes/node=" + name, """
            {"cnsmo-nodes:node":[{"name":"%s","service":["sdn","firewall","dns"],"datapath-id":"%d",
              "switch-address":"127.0.0.1"}]}"""
            .formatted(name, datapathId)).status();
        assertTrue(status == 201 || status == 204, "node written: " + status);
    }

    private static void putClient(final RestconfClient admin, final String name, final String address)
            throws java.io.IOException, InterruptedException {
        final int status = admin.put("cnsmo-vpn:vpn/client=" + name, """
            {"cnsmo-vpn:client":[{"name":"%s","static-address":"%s"}]}""".formatted(name, address)).status();
        assertTrue(status == 201 || status == 204, "client written: " + status);
    }

    /** A connection from host B to the node's port 8080, which the test's filter blocks once it is added. */
    private static void sendTraffic(final Dataplane dataplane) {
        try {
            dataplane.connect(Dataplane.HOST_B, Dataplane.IP_A, 8080);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
