/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input, generated: a seeded stream of valid requests for every model, every VPN RPC and the node agent's
 * enrollment endpoint, each mutated (wrong types, numbers out of range, malformed prefixes and addresses,
 * {@code null}, empty and huge strings, odd keys, unknown and missing leaves, truncated bodies, wrong media
 * types). No answer may be a 5xx or take longer than the client's timeout, and afterwards every entry is
 * present exactly when the last write to it that was accepted says so. {@code -Dcnsmo.fuzz.seed} replays a
 * run, {@code -Dcnsmo.fuzz.requests} sets its length.
 */
@ExtendWith(ControllerExtension.class)
class MutatedInputRestTest {
    private static final long SEED = Long.getLong("cnsmo.fuzz.seed", 20_261_202L);
    private static final int REQUESTS = Integer.getInteger("cnsmo.fuzz.requests", 10_000);
    private static final String JSON = "application/yang-data+json";
    private static final List<String> NAMES = List.of("fz-0", "fz-1", "fz-2", "fz-3", "fz-4", "fz-5");
    private static final List<String> NODES = List.of("fz-a", "fz-b");

    /** A list of one model: where its entries live and a valid entry. */
    private record Model(String module, String container, String list, Entry valid) {
        String parent() {
            return module + ":" + container;
        }

        String entryPath(final String key) {
            return parent() + "/" + list + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        }

        JsonObject document(final JsonObject entry) {
            final var array = new JsonArray();
            array.add(entry);
            final var document = new JsonObject();
            document.add(module + ":" + list, array);
            return document;
        }
    }

    @FunctionalInterface
    private interface Entry {
        JsonObject build(String name, Random random);
    }

    private static final List<Model> MODELS = List.of(
        new Model("cnsmo-traffic-filters", "traffic-filters", "filter", (name, random) -> json("""
            {"name":"%s","node":"%s","tcp-destination-port":%d,"ipv4-destination":"10.8.%d.0/24"}"""
            .formatted(name, node(random), 1 + random.nextInt(65535), random.nextInt(256)))),
        new Model("cnsmo-firewall", "firewall", "rule", (name, random) -> json("""
            {"name":"%s","node":"%s","direction":"in","protocol":"tcp","destination-port":%d,
             "address-match":"source","address-range":"10.8.0.0/28","action":"drop","priority":%d}"""
            .formatted(name, node(random), 1 + random.nextInt(65535), random.nextInt(60000)))),
        new Model("cnsmo-dns", "dns", "record", (name, random) -> json("""
            {"name":"%s","type":"A","value":"10.8.0.%d"}""".formatted(name, 1 + random.nextInt(250)))),
        new Model("cnsmo-qos", "qos", "policy", (name, random) -> json("""
            {"name":"%s","bandwidth-limit":{"max-kbps":%d},"dscp-marking":{"dscp-mark":46},"node":["%s"]}"""
            .formatted(name, 1 + random.nextInt(100_000), node(random)))),
        new Model("cnsmo-load-balancers", "load-balancers", "load-balancer", (name, random) -> json("""
            {"name":"%s","vip":{"address":"10.8.0.%d","port":80},"algorithm":"round-robin",
             "member":[{"name":"a","address":"10.8.0.11","port":8080}],
             "health-monitor":{"type":"tcp","interval":5,"timeout":2}}""".formatted(name, 100 + random.nextInt(100)))),
        new Model("cnsmo-vpn", "vpn", "client", (name, random) -> json("""
            {"name":"%s","static-address":"10.8.0.%d"}""".formatted(name, 10 + random.nextInt(200)))),
        new Model("cnsmo-nodes", "nodes", "node", (name, random) -> json("""
            {"name":"%s","service":["vpn","sdn"],"datapath-id":"%d","uplink-port":1}"""
            .formatted(name, 100 + random.nextInt(100_000)))));

    private final Map<String, Boolean> expected = new LinkedHashMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> hangs = new ArrayList<>();
    /** Requests sent again because the server had closed the kept-alive connection they were sent on. */
    private int reusedConnectionRetries;
    /** Requests the server closed the connection on without an answer. */
    private final List<String> unanswered = new ArrayList<>();

    @Test
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void mutatedRequestsNeverGetAServerErrorAndLoseNothing(final RestconfClient client) throws Exception {
        System.out.printf("MutatedInputRestTest: seed %d, %d requests (-Dcnsmo.fuzz.seed=%d replays it)%n", SEED,
            REQUESTS, SEED);
        final var random = new Random(SEED);
        // Containers the run creates implicitly (a DNS record creates cnsmo-dns:dns) go again at the end, so that
        // the tests after this one find the datastore as they would without it.
        final var absentBefore = new ArrayList<String>();
        for (var model : MODELS) {
            if (client.getConfig(model.parent()).status() != 200) {
                absentBefore.add(model.parent());
            }
        }
        for (var node : NODES) {
            final var nodes = MODELS.getLast();
            assertEquals(201, client.put(nodes.entryPath(node), nodes.document(nodes.valid().build(node, random))
                .toString()).status());
        }
        final var counts = new int[6];
        final long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            final int status = sendOne(client, random, i);
            counts[Math.min(status / 100, 5)]++;
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MutatedInputRestTest: %d requests in %.1f s: %d 2xx, %d 4xx, %d 5xx, %d timeouts, "
            + "%d unanswered, %d sent again after the server closed their kept-alive connection%n",
            REQUESTS, seconds, counts[2], counts[4], counts[5], hangs.size(), unanswered.size(),
            reusedConnectionRetries);
        serverErrors.forEach(error -> System.out.println("MutatedInputRestTest: " + error));

        final var wrong = new ArrayList<String>();
        for (var entry : expected.entrySet()) {
            final int status = client.getConfig(entry.getKey()).status();
            if ((status == 200) != entry.getValue()) {
                wrong.add(entry.getKey() + " answers " + status + " but its last accepted write says "
                    + (entry.getValue() ? "present" : "absent"));
            }
        }
        cleanUp(client);
        for (var parent : absentBefore) {
            client.delete(parent);
        }
        assertTrue(serverErrors.isEmpty(), () -> serverErrors.size() + " answers of 5xx (seed " + SEED + "), first: "
            + String.join("\n", serverErrors.subList(0, Math.min(10, serverErrors.size()))));
        assertTrue(hangs.isEmpty(), () -> hangs.size() + " requests timed out (seed " + SEED + "): " + hangs);
        assertTrue(unanswered.isEmpty(), () -> unanswered.size() + " requests got no answer (seed " + SEED + "): "
            + unanswered);
        assertTrue(wrong.isEmpty(), () -> "entries not as acknowledged (seed " + SEED + "): " + wrong);
    }

    private int sendOne(final RestconfClient client, final Random random, final int index)
            throws IOException, InterruptedException {
        final int kind = random.nextInt(100);
        if (kind < 8) {
            return send(client, "POST", "rests/operations/" + rpc(random), JSON, rpcInput(random), null, false);
        }
        if (kind < 12) {
            return send(client, "POST", "cnsmo-node/" + (random.nextBoolean() ? "enroll" : "leave"),
                "application/x-www-form-urlencoded", form(random), null, true);
        }
        final var model = MODELS.get(random.nextInt(MODELS.size()));
        final var name = random.nextInt(20) == 0 ? oddString(random) : NAMES.get(random.nextInt(NAMES.size()));
        final var entry = model.valid().build(name, random);
        final int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            mutate(entry, random);
        }
        var body = model.document(entry).toString();
        if (random.nextInt(25) == 0) {
            body = body.substring(0, random.nextInt(body.length()));
        }
        final var contentType = random.nextInt(20) == 0 ? List.of("text/plain", "application/xml",
            "application/octet-stream").get(random.nextInt(3)) : JSON;
        final var key = random.nextInt(15) == 0 ? NAMES.get(random.nextInt(NAMES.size())) : name;
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> send(client, "PUT", "rests/data/" + model.entryPath(key), contentType, body,
                model.entryPath(key), true);
            case 4, 5 -> send(client, "POST", "rests/data/" + model.parent(), contentType, body,
                entry.get("name") instanceof JsonPrimitive p && p.isString() ? model.entryPath(p.getAsString())
                    : null, true);
            case 6, 7 -> send(client, "PATCH", "rests/data/" + model.entryPath(key), contentType, body,
                model.entryPath(key), true);
            case 8 -> send(client, "DELETE", "rests/data/" + model.entryPath(key), JSON, null, model.entryPath(key),
                false);
            default -> send(client, "GET", "rests/data/" + model.entryPath(key) + "?content=config", JSON, null,
                null, false);
        };
    }

    /**
     * Sends one request and records what it tells: a 5xx or a timeout is a defect; an accepted write or delete
     * of an entry sets what the end of the run expects of it.
     */
    private int send(final RestconfClient client, final String method, final String path, final String contentType,
            final String body, final String entry, final boolean creates) throws IOException, InterruptedException {
        return send(client, method, path, contentType, body, entry, creates, false);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private int send(final RestconfClient client, final String method, final String path, final String contentType,
            final String body, final String entry, final boolean creates, final boolean retried)
            throws IOException, InterruptedException {
        final RestconfClient.Response response;
        try {
            response = client.request(method, path, contentType, body);
        } catch (HttpTimeoutException e) {
            hangs.add(method + " " + path);
            return 0;
        } catch (IOException e) {
            if (!retried && String.valueOf(e.getMessage()).contains("received no bytes")) {
                // The server closed a kept-alive connection (it does after answering a request whose body it did
                // not read) while the client was sending this one on it: HTTP lets a client send it again
                // (RFC 9112, 9.3.1). Counted in the summary; a second failure is a defect.
                reusedConnectionRetries++;
                return send(client, method, path, contentType, body, entry, creates, true);
            }
            unanswered.add(method + " " + path + " " + contentType + " (" + (body == null ? 0 : body.length())
                + " chars) " + abbreviate(body) + ": " + e.getMessage());
            return 0;
        }
        final int status = response.status();
        if (status >= 500) {
            serverErrors.add(status + " " + method + " " + path + " " + contentType + " " + abbreviate(body) + " -> "
                + abbreviate(response.body()));
        } else if (entry != null && status >= 200 && status < 300 && !"GET".equals(method)) {
            expected.put(entry, creates);
        }
        return status;
    }

    private static void mutate(final JsonObject entry, final Random random) {
        final var leaves = new ArrayList<>(entry.keySet());
        if (leaves.isEmpty()) {
            // Earlier mutations removed every leaf: all that is left to do is to add one.
            entry.addProperty("unknown-" + random.nextInt(3), random.nextInt(100));
            return;
        }
        final var leaf = leaves.get(random.nextInt(leaves.size()));
        switch (random.nextInt(12)) {
            case 0 -> entry.remove(leaf);
            case 1 -> entry.add(leaf, JsonNull.INSTANCE);
            case 2 -> entry.addProperty(leaf, "");
            case 3 -> entry.addProperty(leaf, "x".repeat(1 + random.nextInt(100_000)));
            case 4 -> entry.addProperty(leaf, List.of(-1, 0, 65536, 4_294_967_296L, Long.MAX_VALUE).get(
                random.nextInt(5)));
            case 5 -> entry.add(leaf, JsonParser.parseString(List.of("1e309", "-0.5", "true", "[]", "{}", "[null]",
                "{\"a\":{\"b\":[1,2,{}]}}").get(random.nextInt(7))));
            case 6 -> entry.addProperty(leaf, List.of("10.0.0.300/8", "1.2.3.4/33", "10.8.0.1/24", "::1/128",
                "10.8.0", "010.008.000.001", "256.1.1.1").get(random.nextInt(7)));
            case 7 -> entry.addProperty("unknown-" + random.nextInt(3), random.nextInt(100));
            case 8 -> entry.addProperty(leaf, oddString(random));
            case 9 -> entry.addProperty(leaf, String.valueOf(random.nextInt()));
            case 10 -> entry.add(leaf, new JsonPrimitive(random.nextBoolean()));
            default -> {
                final var nested = new JsonObject();
                nested.add(leaf, entry.get(leaf));
                entry.add(leaf, nested);
            }
        }
    }

    private static String rpc(final Random random) {
        return List.of("cnsmo-vpn:generate-client-bundle", "cnsmo-vpn:revoke-client",
            "cnsmo-vpn:create-enrollment-token", "cnsmo-vpn:no-such-rpc").get(random.nextInt(4));
    }

    private static String rpcInput(final Random random) {
        final var input = json("""
            {"name":"%s","node":"%s","validity":%d,"static-address":"10.8.0.%d"}"""
            .formatted(NAMES.get(random.nextInt(NAMES.size())), NODES.get(random.nextInt(NODES.size())),
                random.nextInt(700_000), random.nextInt(300)));
        final var keep = new JsonObject();
        for (var leaf : input.keySet()) {
            if (random.nextBoolean()) {
                keep.add(leaf, input.get(leaf));
            }
        }
        if (!keep.keySet().isEmpty() && random.nextBoolean()) {
            mutate(keep, random);
        }
        final var body = new JsonObject();
        body.add(random.nextInt(10) == 0 ? "cnsmo-vpn:input" : "input", keep);
        final var text = body.toString();
        return random.nextInt(20) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
    }

    private static String form(final Random random) {
        final var fields = List.of("token", "datapath-id", "name", "time", "signature");
        final var values = List.of("", "0", "ffffffffffffffffff", "1", "9223372036854775808", "-1", "abc.def",
            "fz-0", "../../pki/ca", "%00", "x".repeat(5000), "AAAA", "%ZZ");
        final var parts = new ArrayList<String>();
        for (var field : fields) {
            if (random.nextInt(3) != 0) {
                parts.add(field + "=" + values.get(random.nextInt(values.size())));
            }
        }
        return String.join("&", parts);
    }

    private static String oddString(final Random random) {
        // A NUL character and an emoji (a surrogate pair) among them.
        return List.of(" ", "a b", "..", "../x", "é", String.valueOf((char) 0), "fz/0", "a=b", "fz-0%",
            "0".repeat(64), new String(Character.toChars(0x1F600)), "-fz").get(random.nextInt(12));
    }

    private static String node(final Random random) {
        return random.nextInt(10) == 0 ? "fz-missing" : NODES.get(random.nextInt(NODES.size()));
    }

    private static JsonObject json(final String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static String abbreviate(final String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private void cleanUp(final RestconfClient client) throws IOException, InterruptedException {
        for (var entry : expected.entrySet()) {
            if (entry.getValue()) {
                final int status = client.delete(entry.getKey()).status();
                assertTrue(status == 204 || status == 409, entry.getKey() + " could not be deleted: " + status);
            }
        }
        for (var node : NODES) {
            client.delete(MODELS.getLast().entryPath(node));
        }
    }
}
