/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.cnsmo.it.rest.RestAssertions.assertAbsent;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.cnsmo.it.rest.V1Client.call;
import static org.cnsmo.it.rest.V1Client.login;
import static org.cnsmo.it.rest.V1Client.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The original CNSMO API v1 at /api/v1, called as the original Angular GUI called it: Content-Type
 * application/json on every request (GET, DELETE and the body-less POST included), Authorization: Bearer on
 * everything but /authenticate, the paths with the GUI's spelling ({@code blockByPort}).
 */
@ExtendWith(ControllerExtension.class)
class V1ApiRestTest {
    private static final String NODE = "v1-agent.1";

    @Test
    void theGuisCallsInItsOrderGetTheContractsShapes(final RestconfClient admin, final Controller controller)
            throws Exception {
        assertStatus(201, admin.put("cnsmo-nodes:nodes/node=" + NODE, """
            {"cnsmo-nodes:node":[{"name":"%s","service":["vpn","sdn","firewall","qos"],
              "public-address":"198.51.100.7"}]}""".formatted(NODE)));
        // Login
        final var token = login("admin", controller.adminPassword());
        // Dashboard and nodes page
        final var nodes = call("GET", "/services/sdn/nodes", token, null);
        assertEquals(200, nodes.status(), nodes.toString());
        JsonObject node = null;
        for (var element : nodes.json().getAsJsonArray()) {
            if (NODE.equals(element.getAsJsonObject().get("instanceId").getAsString())) {
                node = element.getAsJsonObject();
            }
        }
        assertEquals(JsonParser.parseString("""
            {"instanceId":"%s","vpnAddress":"","ipAddress":"198.51.100.7","cloud":"",
             "services":"[\\"vpn\\", \\"sdn\\"]"}""".formatted(NODE)), node);
        // Filters of the node, then add one with the GUI's default destination (public address /24)
        final var base = "/services/sdn/nodes/" + NODE;
        assertEquals("[]", call("GET", base + "/blockedTcpPorts", token, null).body());
        final var put = call("PUT", "/services/sdn/blockByPort", token, """
            {"tcp-destination-port":5001,"ip4-destination":"198.51.100.0/24","ssinstanceid":"%s"}""".formatted(NODE));
        assertEquals(200, put.status(), put.toString());
        final var flowId = put.json().getAsJsonObject().get("flowId").getAsString();
        assertTrue(flowId.matches("[0-9]+"), flowId);
        assertEquals(JsonParser.parseString("""
            [{"destinationPort":5001,"destinationAddress":"198.51.100.0/24","flowId":"%s"}]""".formatted(flowId)),
            call("GET", base + "/blockedTcpPorts/", token, null).json());
        // The same filter over RESTCONF, a normal traffic-filters entry
        final var restconf = admin.getConfig("cnsmo-traffic-filters:traffic-filters/filter=" + flowId);
        assertEquals(200, restconf.status(), restconf.toString());
        assertTrue(restconf.body().contains("\"tcp-destination-port\":5001"), restconf.body());
        // Monitoring, polled as the GUI does (100 ms after each answer): always a number, fast
        final long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            final var sample = call("GET", base + "/flows/" + flowId + "/monitoring", token, null);
            assertEquals(200, sample.status(), sample.toString());
            assertTrue(sample.json().getAsJsonObject().get("numPackets").getAsJsonPrimitive().isNumber());
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_500, "5 monitoring calls took " + millis + " ms");
        // A filter made over RESTCONF shows up in v1, with its name as a stable flowId
        assertStatus(201, admin.put("cnsmo-traffic-filters:traffic-filters/filter=rest-web", """
            {"cnsmo-traffic-filters:filter":[{"name":"rest-web","node":"%s","tcp-destination-port":8080,
              "ipv4-destination":"10.8.0.6/32"}]}""".formatted(NODE)));
        final var both = call("GET", base + "/blockedtcpports", token, null).json().getAsJsonArray();
        assertEquals(2, both.size(), both.toString());
        assertEquals("rest-web", both.get(1).getAsJsonObject().get("flowId").getAsString());
        // Delete both over v1; they are gone from RESTCONF
        for (var id : List.of(flowId, "rest-web")) {
            final var deleted = call("DELETE", base + "/flows/" + id, token, null);
            assertEquals(200, deleted.status(), deleted.toString());
            assertEquals("{}", deleted.body());
            assertAbsent(admin, "cnsmo-traffic-filters:traffic-filters/filter=" + id);
        }
        assertEquals(404, call("DELETE", base + "/flows/" + flowId, token, null).status());
        // Scripts' flow listing
        assertEquals(200, call("GET", "/services/sdn/flows", token, null).status());
        assertStatus(204, admin.delete("cnsmo-nodes:nodes/node=" + NODE));
    }

    @Test
    void dnsAndFirewallWriteTheSameEntriesAsRestconf(final RestconfClient admin, final Controller controller)
            throws Exception {
        final var token = login("admin", controller.adminPassword());
        final var added = call("POST", "/services/dns/record", token, "{\"dnsrecords\":\"10.8.0.66 v1host\"}");
        assertEquals(200, added.status(), added.toString());
        assertEquals("{}", added.body());
        assertTrue(call("GET", "/services/dns/records", token, null).json().getAsJsonObject()
            .getAsJsonArray("dns_records").toString().contains("\"10.8.0.66 v1host\\n\""));
        assertTrue(admin.getConfig("cnsmo-dns:dns/record=v1host").body().contains("10.8.0.66"));
        final var refused = call("POST", "/services/dns/record", token, "{\"dnsrecords\":\"nonsense\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().getAsJsonObject().has("message"), refused.toString());
        assertStatus(204, admin.delete("cnsmo-dns:dns/record=v1host"));

        final var rule = call("POST", "/services/fw/rules", token, """
            {"direction":"out","protocol":"tcp","dst_port":"9080","dst_src":"dst","ip_range":"10.8.0.0/24",
             "action":"rjct"}""");
        assertEquals(204, rule.status(), rule.toString());
        assertEquals("", rule.body());
        final var rules = call("GET", "/services/fw/rules", token, null).json().getAsJsonArray();
        JsonObject mine = null;
        for (var element : rules) {
            if ("9080".equals(element.getAsJsonObject().get("dst_port").getAsString())) {
                mine = element.getAsJsonObject();
            }
        }
        assertTrue(mine != null, rules.toString());
        assertEquals("rjct", mine.get("action").getAsString());
        assertEquals("dst", mine.get("dst_src").getAsString());
        final var name = mine.get("name").getAsString();
        final var stored = admin.getConfig("cnsmo-firewall:firewall/rule=" + name);
        assertTrue(stored.body().contains("\"action\":\"reject\""), stored.toString());
        // The validator's refusal comes back with its message (same match and priority, another action)
        final var overlap = call("POST", "/services/fw/rules", token, """
            {"direction":"out","protocol":"tcp","dst_port":9080,"dst_src":"dst","ip_range":"10.8.0.0/24",
             "action":"acpt"}""");
        assertEquals(400, overlap.status(), overlap.toString());
        assertTrue(overlap.json().getAsJsonObject().get("message").getAsString().contains("conflicts with rule"),
            overlap.toString());
        assertStatus(204, admin.delete("cnsmo-firewall:firewall/rule=" + name));
    }

    @Test
    void aVpnBundleComesAsFourFilesAfterA204(final RestconfClient admin, final Controller controller)
            throws Exception {
        assertStatus(201, admin.put("cnsmo-vpn:vpn/server", """
            {"cnsmo-vpn:server":{"enabled":false,"public-address":"vpn.example.org"}}"""));
        final var token = login("admin", controller.adminPassword());
        final var issued = call("POST", "/certs/clients/v1-laptop", token, null);
        assertEquals(204, issued.status(), issued.toString());
        assertEquals("", issued.body());
        for (var file : List.of("key", "config", "cert", "ca")) {
            final var answer = call("GET", "/certs/clients/v1-laptop/" + file, token, null);
            assertEquals(200, answer.status(), answer.toString());
            assertEquals(200, answer.json().getAsJsonObject().get("statusCode").getAsInt());
            final var data = answer.json().getAsJsonObject().get("data").getAsString();
            assertTrue(switch (file) {
                case "key" -> data.contains("PRIVATE KEY");
                case "config" -> data.contains("remote vpn.example.org 1194") && data.contains("ca ca.crt");
                default -> data.contains("-----BEGIN CERTIFICATE-----");
            }, file + ": " + data);
        }
        final var unknown = call("GET", "/certs/clients/nobody/config", token, null);
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.json().getAsJsonObject().has("message"));
        assertEquals(409, call("POST", "/certs/clients/v1-laptop", token, null).status());
        assertStatus(204, admin.delete("cnsmo-vpn:vpn"));
    }

    @Test
    void theOpenApiExplorerDescribesTheCnsmoModelsBehindAaa(final RestconfClient admin) throws Exception {
        assertEquals(401, admin.anonymous().request("GET", "openapi/explorer/index.html", "text/html", null)
            .status());
        final var page = admin.request("GET", "openapi/explorer/index.html", "text/html", null);
        assertEquals(200, page.status(), page.toString());
        final var document = admin.request("GET", "openapi/api/v3/single", "application/json", null);
        assertEquals(200, document.status(), () -> document.status() + " " + document.body().length());
        assertTrue(document.body().contains("cnsmo-traffic-filters:traffic-filters"), "CNSMO's models are described");
    }

    @Test
    void withoutAValidTokenEveryPathAnswersInvalidTokenWithoutAChallenge(final Controller controller)
            throws Exception {
        final var token = login("admin", controller.adminPassword());
        final var parts = token.split("\\.");
        final var encoder = Base64.getUrlEncoder().withoutPadding();
        final var none = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + '.' + parts[1] + '.';
        final var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        final var longer = parts[0] + '.' + encoder.encodeToString(payload.replaceAll("\"exp\":[0-9]+",
            "\"exp\":99999999999").getBytes(StandardCharsets.UTF_8)) + '.' + parts[2];
        final var authorizations = Arrays.asList((String) null, "Bearer", "Bearer x", "Bearer " + none,
            "Bearer " + longer, "Bearer " + token + "x",
            "Basic " + encoder.encodeToString(("admin:" + controller.adminPassword())
                .getBytes(StandardCharsets.UTF_8)));
        final var paths = List.of("/services/sdn/nodes", "/services/fw/rules", "/no/such/path", "/certs/clients/x/key");
        for (var authorization : authorizations) {
            for (var path : paths) {
                final var answer = send("GET", path, authorization, null);
                assertEquals(401, answer.status(), authorization + " " + path + ": " + answer);
                assertEquals("{\"errors\":\"Invalid Token\"}", answer.body());
                assertFalse(answer.headers().firstValue("WWW-Authenticate").isPresent());
            }
        }
        // Authentication comes before the body check, as in the original
        assertEquals(401, send("PUT", "/services/sdn/blockbyport", null, "{\"x\":1}").status());
        final var wrong = send("POST", "/authenticate", null, "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertEquals(401, wrong.status());
        assertEquals(JsonParser.parseString("{\"code\":401,\"message\":\"Username or password not valid!\"}"),
            wrong.json());
        assertEquals(401, send("POST", "/Authenticate", null, "{}").status());
        // CORS preflight, as a browser sends it
        final var preflight = send("OPTIONS", "/services/sdn/nodes", null, null);
        assertEquals(204, preflight.status());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void aReadOnlyUserReadsAndGets403OnWritesAndTokensDieWithTheUser(final RestconfClient admin) throws Exception {
        addUser(admin, "v1viewer", "V1viewer-pass-42", "user");
        final var token = login("v1viewer", "V1viewer-pass-42");
        assertEquals(200, call("GET", "/services/sdn/nodes", token, null).status());
        assertEquals(200, call("GET", "/services/fw/rules", token, null).status());
        final var filter = "{\"tcp-destination-port\":1,\"ip4-destination\":\"10.8.0.6/32\",\"ssinstanceid\":\"x\"}";
        final var writes = List.of(
            new String[] {"PUT", "/services/sdn/blockByPort", filter},
            new String[] {"POST", "/services/fw/rules", "{\"direction\":\"in\",\"action\":\"acpt\"}"},
            new String[] {"POST", "/services/dns/record", "{\"dnsrecords\":\"10.8.0.9 x\"}"},
            new String[] {"POST", "/certs/clients/viewer-laptop", null},
            new String[] {"GET", "/certs/clients/viewer-laptop/key", null});
        for (var write : writes) {
            final var answer = call(write[0], write[1], token, write[2]);
            assertEquals(403, answer.status(), write[1] + ": " + answer);
            assertEquals(403, answer.json().getAsJsonObject().get("code").getAsInt());
        }
        // Unknown names: 400/404 with a message, nothing hangs
        final var unknownNode = call("GET", "/services/sdn/nodes/nowhere/blockedTcpPorts", token, null);
        assertEquals(400, unknownNode.status(), unknownNode.toString());
        assertTrue(unknownNode.json().getAsJsonObject().get("message").getAsString().contains("invalid"));
        assertEquals(404, call("GET", "/services/sdn/nodes/nowhere/flows/11/monitoring", token, null).status());
        assertEquals(404, call("GET", "/services/nothing", token, null).status());
        // The user is deleted: the token stops working at once
        final var removed = admin.request("DELETE", "auth/v1/users/v1viewer@sdn", "application/json", null);
        assertTrue(removed.status() / 100 == 2, removed.toString());
        final var gone = call("GET", "/services/sdn/nodes", token, null);
        assertEquals(401, gone.status(), gone.toString());
        assertEquals("{\"errors\":\"Invalid Token\"}", gone.body());
    }

    @Test
    void aRoleTakenAwayAppliesToTokensIssuedBefore(final RestconfClient admin) throws Exception {
        addUser(admin, "v1writer", "V1writer-pass-42", "admin");
        final var token = login("v1writer", "V1writer-pass-42");
        // A key only an admin may read: for an unknown client the admin learns it is unknown, others get 403.
        final var key = "/certs/clients/nobody-v1writer/key";
        assertEquals(404, call("GET", key, token, null).status(), "an admin is told the client is unknown");
        final var revoked = admin.request("DELETE", "auth/v1/domains/sdn/users/v1writer@sdn/roles/admin@sdn",
            "application/json", null);
        assertTrue(revoked.status() / 100 == 2, revoked.toString());
        final var after = call("GET", key, token, null);
        assertEquals(403, after.status(), "the token issued while the user was admin: " + after);
        assertEquals(200, call("GET", "/services/sdn/nodes", token, null).status(), "it still reads");
        final var removed = admin.request("DELETE", "auth/v1/users/v1writer@sdn", "application/json", null);
        assertTrue(removed.status() / 100 == 2, removed.toString());
    }

    /** Creates an AAA user in CNSMO's domain with one role. */
    private static void addUser(final RestconfClient admin, final String name, final String password,
            final String role) throws Exception {
        assertStatus(201, admin.request("POST", "auth/v1/users", "application/json", """
            {"name":"%s","password":"%s","domainid":"sdn","enabled":1,"email":"","description":"v1 test"}"""
            .formatted(name, password)));
        assertStatus(201, admin.request("POST", "auth/v1/domains/sdn/users/" + name + "@sdn/roles",
            "application/json", "{\"roleid\":\"" + role + "@sdn\"}"));
    }
}
