/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.awaitility.Awaitility.await;
import static org.cnsmo.it.rest.RestAssertions.assertRefused;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The verifier's RPCs in the real distribution, over the intent RESTCONF stored: nothing is written. */
@ExtendWith(ControllerExtension.class)
class VerificationRestTest {
    private static final String RULE = "cnsmo-firewall:firewall/rule=vt-no-db";
    private static final String WIDE = "cnsmo-firewall:firewall/rule=vs-wide";
    private static final String NARROW = "cnsmo-firewall:firewall/rule=vs-narrow";

    @Test
    void checkReachabilityAndWhatIfAnswerFromTheStoredIntent(final RestconfClient client) throws Exception {
        for (int i = 1; i <= 2; i++) {
            assertStatus(201, client.put("cnsmo-nodes:nodes/node=vt" + i, """
                {"cnsmo-nodes:node":[{"name":"vt%d","service":["vpn","sdn","firewall"],"datapath-id":"%d",
                  "uplink-port":1}]}""".formatted(i, 900 + i)));
            assertStatus(201, client.put("cnsmo-vpn:vpn/client=vt" + i, """
                {"cnsmo-vpn:client":[{"name":"vt%d","static-address":"10.8.0.%d"}]}""".formatted(i, 200 + i)));
        }
        assertStatus(201, client.put(RULE, """
            {"cnsmo-firewall:rule":[{"name":"vt-no-db","node":"vt2","direction":"in","protocol":"tcp",
              "destination-port-range":{"lower":7000,"upper":7010},"action":"drop","priority":300}]}"""));

        final var answer = output(client.invoke("cnsmo-verification:check-reachability", """
            {"input":{"source":"vt1","destination":"vt2","protocol":"tcp",
              "destination-port-range":{"lower":6990,"upper":7020}}}"""));
        assertEquals("partially", answer.get("reachability").getAsString(), answer.toString());
        final var verdicts = new ArrayList<String>();
        for (var verdict : answer.getAsJsonArray("verdict")) {
            final var object = verdict.getAsJsonObject();
            verdicts.add(object.get("port-lower").getAsString() + "-" + object.get("port-upper").getAsString() + " "
                + object.get("outcome").getAsString());
            if ("7000".equals(object.get("port-lower").getAsString())) {
                assertTrue(object.get("decided-by").getAsString().contains("vt-no-db"), object.toString());
            }
        }
        assertEquals(List.of("6990-6999 accept", "7000-7010 drop", "7011-7020 accept"), verdicts);

        // Deleting the rule, proposed and not committed: the class it blocked becomes allowed, and it stays stored.
        final var whatIf = output(client.invoke("cnsmo-verification:what-if",
            "{\"input\":{\"delete-rule\":[\"vt-no-db\"]}}"));
        final var changes = whatIf.getAsJsonArray("change").toString();
        assertTrue(changes.contains("\"source-node\":\"vt1\"") && changes.contains("\"destination-node\":\"vt2\"")
            && changes.contains("\"port-lower\":7000") && changes.contains("\"port-upper\":7010"), changes);
        assertStatus(200, client.getConfig(RULE));

        assertRefused(client.invoke("cnsmo-verification:check-reachability", """
            {"input":{"source":"vt-nobody","destination":"vt2","protocol":"tcp","destination-port":80}}"""),
            "source");

        assertStatus(204, client.delete(RULE));
        for (int i = 1; i <= 2; i++) {
            assertStatus(204, client.delete("cnsmo-vpn:vpn/client=vt" + i));
            assertStatus(204, client.delete("cnsmo-nodes:nodes/node=vt" + i));
        }
    }

    @Test
    void shadowedAndRedundantRulesAreMarkedInTheirObservedState(final RestconfClient client) throws Exception {
        assertStatus(201, client.put("cnsmo-nodes:nodes/node=vs1", """
            {"cnsmo-nodes:node":[{"name":"vs1","service":["vpn","sdn","firewall"],"datapath-id":"911",
              "uplink-port":1}]}"""));
        assertStatus(201, client.put("cnsmo-vpn:vpn/client=vs1",
            "{\"cnsmo-vpn:client\":[{\"name\":\"vs1\",\"static-address\":\"10.8.0.211\"}]}"));
        assertStatus(201, client.put(WIDE, """
            {"cnsmo-firewall:rule":[{"name":"vs-wide","node":"vs1","direction":"in","protocol":"tcp",
              "destination-port-range":{"lower":7000,"upper":7100},"action":"drop","priority":300}]}"""));
        assertStatus(201, client.put(NARROW, """
            {"cnsmo-firewall:rule":[{"name":"vs-narrow","node":"vs1","direction":"in","protocol":"tcp",
              "destination-port-range":{"lower":7050,"upper":7050},"action":"accept","priority":200}]}"""));

        // Refreshed after the change: the narrow rule never matches, the wide one decides what it would have.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            final var narrow = verification(client, NARROW);
            assertEquals("[\"vs-wide\"]", String.valueOf(narrow.get("shadowed-by")), narrow.toString());
            assertTrue(narrow.get("redundant").getAsBoolean(), narrow.toString());
            final var wide = verification(client, WIDE);
            assertFalse(wide.has("shadowed-by"), wide.toString());
            assertFalse(wide.get("redundant").getAsBoolean(), "it drops what the default accepts: " + wide);
        });

        // Lowered below the narrow one, the wide rule no longer hides it: the finding follows the change.
        assertStatus(200, client.patch(WIDE,
            "{\"cnsmo-firewall:rule\":[{\"name\":\"vs-wide\",\"priority\":100}]}"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            final var narrow = verification(client, NARROW);
            assertFalse(narrow.has("shadowed-by"), narrow.toString());
            assertFalse(narrow.get("redundant").getAsBoolean(), "it accepts what the wide rule drops: " + narrow);
        });

        assertStatus(204, client.delete(NARROW));
        assertStatus(204, client.delete(WIDE));
        assertStatus(204, client.delete("cnsmo-vpn:vpn/client=vs1"));
        assertStatus(204, client.delete("cnsmo-nodes:nodes/node=vs1"));
        // ODL's RESTCONF answers a read of absent data with 409 data-missing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            final var gone = client.getOperational(NARROW);
            assertTrue(gone.status() == 404 || gone.status() == 409 && gone.body().contains("data-missing"),
                gone::toString);
        });
    }

    private static JsonObject verification(final RestconfClient client, final String rule) throws Exception {
        final var response = client.getOperational(rule);
        assertStatus(200, response);
        final var entry = response.json().getAsJsonArray("cnsmo-firewall:rule").get(0).getAsJsonObject();
        assertTrue(entry.has("verification"), entry.toString());
        return entry.getAsJsonObject("verification");
    }

    private static JsonObject output(final RestconfClient.Response response) {
        assertStatus(200, response);
        return response.json().getAsJsonObject("cnsmo-verification:output");
    }
}
