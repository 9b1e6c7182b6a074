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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    /** A datapath id no other test's node takes. */
    private static final long DPID = 987_654_321L;

    @Test
    void theGuisCallsInItsOrderOverHttpsGetTheContractsShapes(final RestconfClient admin,
            final Controller controller) throws Exception {
        assertStatus(201, admin.put("cnsmo-nodes:nodes/node=" + NODE, """
            {"cnsmo-nodes:node":[{"name":"%s","service":["vpn","sdn","firewall","qos"],
              "public-address":"198.51.100.7","datapath-id":"%d"}]}""".formatted(NODE, DPID)));
        // The GUI talks to the controller's HTTPS port, as a user on another host would.
        final var v1 = V1Client.https(controller);
        // Login
        final var token = v1.authenticate("admin", controller.adminPassword());
        // Dashboard and nodes page
        final var nodes = v1.request("GET", "/services/sdn/nodes", token, null);
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
        // Filters of the node, then add one
        final var base = "/services/sdn/nodes/" + NODE;
        assertEquals("[]", v1.request("GET", base + "/blockedTcpPorts", token, null).body());
        final var filter = """
            {"tcp-destination-port":5001,"ip4-destination":"198.51.100.0/24","ssinstanceid":"%s"}""".formatted(NODE);
        final var put = v1.request("PUT", "/services/sdn/blockByPort", token, filter);
        assertEquals(200, put.status(), put.toString());
        final var flowId = put.json().getAsJsonObject().get("flowId").getAsString();
        assertTrue(flowId.matches("[0-9]+"), flowId);
        assertEquals(JsonParser.parseString("""
            [{"destinationPort":5001,"destinationAddress":"198.51.100.0/24","flowId":"%s"}]""".formatted(flowId)),
            v1.request("GET", base + "/blockedTcpPorts/", token, null).json());
        // The same filter over RESTCONF, a normal traffic-filters entry
        final var restconf = admin.getConfig("cnsmo-traffic-filters:traffic-filters/filter=" + flowId);
        assertEquals(200, restconf.status(), restconf.toString());
        assertTrue(restconf.body().contains("\"tcp-destination-port\":5001"), restconf.body());
        // The validator's refusal (the same traffic twice) comes back with the validator's message
        assertMessage(400, "duplicates filter '" + flowId + "'",
            v1.request("PUT", "/services/sdn/blockByPort", token, filter));
        pollLikeTheGui(v1, token, base + "/flows/" + flowId + "/monitoring");
        // Unknown names: {code, message}, at once
        assertMessage(404, "no flow '999999'", v1.request("GET", base + "/flows/999999/monitoring", token, null));
        assertMessage(404, "no node 'nowhere'",
            v1.request("GET", "/services/sdn/nodes/nowhere/flows/" + flowId + "/monitoring", token, null));
        assertMessage(404, "no flow '999999'", v1.request("DELETE", base + "/flows/999999", token, null));
        assertMessage(404, "no node 'nowhere'",
            v1.request("DELETE", "/services/sdn/nodes/nowhere/flows/" + flowId, token, null));
        assertMessage(400, "node 'nowhere' does not exist", v1.request("PUT", "/services/sdn/blockByPort", token, """
            {"tcp-destination-port":5002,"ip4-destination":"10.8.0.6/32","ssinstanceid":"nowhere"}"""));
        // A filter made over RESTCONF shows up in v1, with its name as a stable flowId
        assertStatus(201, admin.put("cnsmo-traffic-filters:traffic-filters/filter=rest-web", """
            {"cnsmo-traffic-filters:filter":[{"name":"rest-web","node":"%s","tcp-destination-port":8080,
              "ipv4-destination":"10.8.0.6/32"}]}""".formatted(NODE)));
        final var both = v1.request("GET", base + "/blockedtcpports", token, null).json().getAsJsonArray();
        assertEquals(2, both.size(), both.toString());
        assertEquals("rest-web", both.get(1).getAsJsonObject().get("flowId").getAsString());
        // Scripts' flow listing: the node's switch with both filters in ODL's table-0 shape
        final var flows = v1.request("GET", "/services/sdn/flows", token, null);
        assertEquals(200, flows.status(), flows.toString());
        final var perSwitch = flows.json().getAsJsonObject().getAsJsonObject("openflow:" + DPID);
        assertTrue(perSwitch != null, flows.toString());
        assertTrue(perSwitch.get("vpnID").getAsJsonPrimitive().isString(), perSwitch.toString());
        final var listed = perSwitch.getAsJsonArray("flows");
        assertEquals(2, listed.size(), listed.toString());
        final var first = listed.get(0).getAsJsonObject();
        assertEquals(flowId, first.get("id").getAsString());
        assertTrue(first.get("id").getAsJsonPrimitive().isString(), first.toString());
        assertEquals("portweb-drop", first.get("flow-name").getAsString());
        assertEquals(0, first.get("table_id").getAsInt());
        assertEquals(JsonParser.parseString("""
            {"ethernet-match":{"ethernet-type":{"type":2048}},"ip-match":{"ip-protocol":6},
             "ipv4-destination":"198.51.100.0/24","tcp-destination-port":5001}"""), first.get("match"));
        assertTrue(first.getAsJsonObject("instructions").getAsJsonArray("instruction").get(0).getAsJsonObject()
            .getAsJsonObject("apply-actions").getAsJsonArray("action").get(0).getAsJsonObject().has("drop-action"),
            first.toString());
        assertEquals("rest-web", listed.get(1).getAsJsonObject().get("id").getAsString());
        // Delete both over v1; they are gone from RESTCONF
        for (var id : List.of(flowId, "rest-web")) {
            final var deleted = v1.request("DELETE", base + "/flows/" + id, token, null);
            assertEquals(200, deleted.status(), deleted.toString());
            assertEquals("{}", deleted.body());
            assertAbsent(admin, "cnsmo-traffic-filters:traffic-filters/filter=" + id);
        }
        assertEquals(404, v1.request("DELETE", base + "/flows/" + flowId, token, null).status());
        assertStatus(204, admin.delete("cnsmo-nodes:nodes/node=" + NODE));
    }

    @Test
    void theGuisDefaultDestinationThePublicAddressSlash24IsAccepted(final RestconfClient admin,
            final Controller controller) throws Exception {
        // nodes-flows fills ip4-destination with <ipAddress>/24, host bits and all; the contract: accept any prefix.
        final var name = "v1-default.1";
        assertStatus(201, admin.put("cnsmo-nodes:nodes/node=" + name, """
            {"cnsmo-nodes:node":[{"name":"%s","service":["sdn"],"public-address":"198.51.100.9"}]}"""
            .formatted(name)));
        final var token = login("admin", controller.adminPassword());
        final var put = call("PUT", "/services/sdn/blockByPort", token, """
            {"tcp-destination-port":5001,"ip4-destination":"198.51.100.9/24","ssinstanceid":"%s"}""".formatted(name));
        assertEquals(200, put.status(), put.toString());
        final var flowId = put.json().getAsJsonObject().get("flowId").getAsString();
        final var listed = call("GET", "/services/sdn/nodes/" + name + "/blockedTcpPorts", token, null);
        assertEquals(JsonParser.parseString("""
            [{"destinationPort":5001,"destinationAddress":"198.51.100.0/24","flowId":"%s"}]""".formatted(flowId)),
            listed.json(), "stored as the network the GUI meant");
        assertEquals(200, call("DELETE", "/services/sdn/nodes/" + name + "/flows/" + flowId, token, null).status());
        assertStatus(204, admin.delete("cnsmo-nodes:nodes/node=" + name));
    }

    /**
     * Polls a filter's counter as the GUI's monitoring modal does, a short version: a request, then one 100 ms
     * after each answer for the first five answers, then 3 s after each answer. Every answer is a number, no
     * smaller than the one before; none takes 2 s and the median 0.6 s. An idle controller answers in 70 to
     * 160 ms (a RESTCONF read of the filter takes under 10 ms; the rest is the token's AAA look-ups), the
     * shared two-CPU test machine under load in 220 to 470 ms: the bounds leave room for that.
     */
    private static void pollLikeTheGui(final V1Client v1, final String token, final String path) throws Exception {
        long last = 0;
        final var times = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                Thread.sleep(i <= 5 ? 100 : 3_000);
            }
            final long start = System.nanoTime();
            final var sample = v1.request("GET", path, token, null);
            times.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, sample.status(), sample.toString());
            final var value = sample.json().getAsJsonObject().get("numPackets").getAsJsonPrimitive();
            assertTrue(value.isNumber(), sample.toString());
            assertTrue(value.getAsLong() >= last, "monotonic: " + last + " then " + value);
            last = value.getAsLong();
        }
        final var sorted = times.stream().sorted().toList();
        assertTrue(sorted.get(sorted.size() - 1) < 2_000, "answer times (ms): " + times);
        assertTrue(sorted.get(sorted.size() / 2) < 600, "answer times (ms): " + times);
    }

    /** The original's six fields, strings with the values its GUI shows; extras (name, node) are allowed. */
    private static void assertSixFields(final JsonObject rule) {
        for (var field : List.of("direction", "protocol", "dst_port", "dst_src", "ip_range", "action")) {
            assertTrue(rule.has(field) && rule.get(field).isJsonPrimitive()
                && rule.get(field).getAsJsonPrimitive().isString(), field + " is a string in " + rule);
        }
        assertTrue(Set.of("in", "out").contains(rule.get("direction").getAsString()), rule.toString());
        assertTrue(Set.of("dst", "src").contains(rule.get("dst_src").getAsString()), rule.toString());
        assertTrue(Set.of("acpt", "rjct").contains(rule.get("action").getAsString()), rule.toString());
        assertTrue(rule.get("dst_port").getAsString().matches("|[0-9]{1,5}(:[0-9]{1,5})?"), rule.toString());
        assertTrue(rule.get("ip_range").getAsString().matches("[0-9.]+/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3}"),
            rule.toString());
    }

    /** A {@code {"code": status, "message": ...}} answer whose message contains {@code part}. */
    private static void assertMessage(final int status, final String part, final V1Client.Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        final var body = answer.json().getAsJsonObject();
        assertEquals(Set.of("code", "message"), body.keySet(), answer.toString());
        assertEquals(status, body.get("code").getAsInt(), answer.toString());
        assertTrue(body.get("message").getAsString().contains(part), answer.toString());
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
        // A list, as the specification and the original README write it: each string is one record
        final var list = call("POST", "/services/dns/record", token,
            "{\"dnsrecords\":[\"10.8.0.67 v1list-a \\n\",\"10.8.0.68 v1list-b\"]}");
        assertEquals(200, list.status(), list.toString());
        assertEquals("{}", list.body());
        final var listed = call("GET", "/services/dns/records", token, null).json().getAsJsonObject()
            .getAsJsonArray("dns_records").toString();
        assertTrue(listed.contains("\"10.8.0.67 v1list-a\\n\"") && listed.contains("\"10.8.0.68 v1list-b\\n\""),
            listed);
        for (var host : List.of("v1list-a", "v1list-b")) {
            assertTrue(admin.getConfig("cnsmo-dns:dns/record=" + host).status() == 200, host);
            assertStatus(204, admin.delete("cnsmo-dns:dns/record=" + host));
        }

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
        // drop (what the original's firewall service knew) and dst_port as a number; it reads back as rjct, "9081"
        assertEquals(204, call("POST", "/services/fw/rules", token, """
            {"direction":"out","protocol":"tcp","dst_port":9081,"dst_src":"dst","ip_range":"10.8.0.0/24",
             "action":"drop"}""").status());
        // A rule made over RESTCONF shows up in v1 too
        assertStatus(201, admin.put("cnsmo-firewall:firewall/rule=rest-fw", """
            {"cnsmo-firewall:rule":[{"name":"rest-fw","direction":"in","protocol":"udp",
              "destination-port-range":{"lower":6000,"upper":6010},"address-match":"source",
              "address-range":"10.8.1.0/24","action":"accept"}]}"""));
        final var all = call("GET", "/services/fw/rules", token, null);
        assertEquals(200, all.status(), all.toString());
        final var byName = new HashMap<String, JsonObject>();
        for (var element : all.json().getAsJsonArray()) {
            final var entry = element.getAsJsonObject();
            assertSixFields(entry);
            byName.put(entry.get("name").getAsString(), entry);
        }
        final var dropped = byName.values().stream().filter(r -> "9081".equals(r.get("dst_port").getAsString()))
            .findFirst().orElseThrow(() -> new AssertionError("no rule for 9081 in " + all));
        assertEquals("rjct", dropped.get("action").getAsString());
        final var droppedName = dropped.get("name").getAsString();
        assertTrue(admin.getConfig("cnsmo-firewall:firewall/rule=" + droppedName).body()
            .contains("\"action\":\"drop\""));
        final var fromRestconf = byName.get("rest-fw");
        assertTrue(fromRestconf != null, all.toString());
        fromRestconf.remove("name");
        assertEquals(JsonParser.parseString("""
            {"direction":"in","protocol":"udp","dst_port":"6000:6010","dst_src":"src","ip_range":"10.8.1.0/24",
             "action":"acpt"}"""), fromRestconf);
        assertStatus(204, admin.delete("cnsmo-firewall:firewall/rule=rest-fw"));
        assertStatus(204, admin.delete("cnsmo-firewall:firewall/rule=" + droppedName));
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
            // Signed as the original CNSMO signed them, by anyone who knows its code and the password or the name
            "Bearer " + originalToken("admin" + controller.adminPassword()), "Bearer " + originalToken("admin"),
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
        // Writes without a token: the same 401 before anything is looked at, known and unknown names alike
        final var writes = List.of(
            new String[] {"DELETE", "/services/sdn/nodes/v1-agent.1/flows/11", null},
            new String[] {"DELETE", "/services/sdn/nodes/nowhere/flows/x", null},
            new String[] {"POST", "/services/fw/rules", """
                {"direction":"in","protocol":"tcp","dst_port":"80","dst_src":"dst","ip_range":"10.8.0.0/24",
                 "action":"acpt"}"""},
            new String[] {"POST", "/services/dns/record", "{\"dnsrecords\":\"10.8.0.9 x\"}"},
            new String[] {"POST", "/certs/clients/no-token-laptop", null},
            new String[] {"PUT", "/services/sdn/blockByPort",
                "{\"tcp-destination-port\":1,\"ip4-destination\":\"10.8.0.6/32\",\"ssinstanceid\":\"x\"}"});
        for (var authorization : Arrays.asList((String) null, "Bearer " + originalToken("admin"
                + controller.adminPassword()))) {
            for (var write : writes) {
                final var answer = send(write[0], write[1], authorization, write[2]);
                assertEquals(401, answer.status(), write[0] + " " + write[1] + ": " + answer);
                assertEquals("{\"errors\":\"Invalid Token\"}", answer.body());
                assertFalse(answer.headers().firstValue("WWW-Authenticate").isPresent());
            }
        }
        assertEquals(404, call("GET", "/certs/clients/no-token-laptop/key", token, null).status(),
            "nothing was issued for the refused POST");
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

    /**
     * A token as the original CNSMO API made it (jwt-simple, HS256, the hard-coded secret {@code cnsmosecret},
     * the subject the user name followed by the password, valid 10 days).
     */
    private static String originalToken(final String subject) throws Exception {
        final var encoder = Base64.getUrlEncoder().withoutPadding();
        final long now = System.currentTimeMillis() / 1000;
        final var signed = encoder.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}"
            .getBytes(StandardCharsets.UTF_8)) + '.' + encoder.encodeToString("{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d}"
            .formatted(subject, now, now + 10 * 24 * 3600).getBytes(StandardCharsets.UTF_8));
        final var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("cnsmosecret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + '.' + encoder.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
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
