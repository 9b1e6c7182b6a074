/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.cnsmo.it.rest.RestAssertions.assertAbsent;
import static org.cnsmo.it.rest.RestAssertions.assertConfig;
import static org.cnsmo.it.rest.RestAssertions.assertRefused;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControllerExtension.class)
class FirewallRestTest {
    private static final String RULE = "cnsmo-firewall:firewall/rule=no-db";
    /** Every field of the original CNSMO firewall API: direction, protocol, dst_port, dst_src, ip_range, action. */
    private static final String VALID = """
        {"cnsmo-firewall:rule":[{"name":"no-db","node":"fw.A","direction":"in","protocol":"tcp",
          "destination-port-range":{"lower":5432,"upper":5440},"address-match":"source",
          "address-range":"10.8.0.0/28","action":"reject","priority":200}]}""";

    @Test
    void ruleRoundTripsAndBadInputLeavesItUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put("cnsmo-nodes:nodes/node=fw.A", """
            {"cnsmo-nodes:node":[{"name":"fw.A"}]}"""));
        assertStatus(201, client.put(RULE, VALID));
        assertConfig(client, RULE, VALID);

        assertRefused(client.put(RULE, VALID.replace("\"tcp\"", "\"icmp\"")), "needs protocol tcp or udp");
        assertRefused(client.put(RULE, VALID.replace("\"direction\":\"in\",", "")),
            "firewall/rule=no-db/direction: is required");
        assertRefused(client.put(RULE, VALID.replace("\"lower\":5432,", "")),
            "firewall/rule=no-db/destination-port-range/lower: is required");
        assertRefused(client.put(RULE, VALID.replace("5440", "5000")), "no-db");
        assertRefused(client.put(RULE, VALID.replace("\"fw.A\"", "\"fw.Z\"")), "node 'fw.Z' does not exist");
        assertRefused(client.put(RULE, VALID.replace("\"priority\":200", "\"priority\":5000")),
            "priority is between 1 and 1000");
        assertRefused(client.put("cnsmo-firewall:firewall/rule=copy",
            VALID.replace("no-db", "copy").replace("reject", "accept")), "conflicts with rule");
        // Port 5440 from 10.8.0.0/29 is inside no-db's match: at the same priority the switch could apply either.
        assertRefused(client.put("cnsmo-firewall:firewall/rule=shadow", """
            {"cnsmo-firewall:rule":[{"name":"shadow","node":"fw.A","direction":"in","protocol":"tcp",
              "destination-port":5440,"address-match":"source","address-range":"10.8.0.0/29",
              "action":"accept","priority":200}]}"""), "firewall/rule=shadow: overlaps rule 'no-db'");
        // r24077609 and r30453225 hash to the same 48-bit flow cookie: the second name is refused, naming both.
        assertStatus(201, client.put("cnsmo-firewall:firewall/rule=r24077609", """
            {"cnsmo-firewall:rule":[{"name":"r24077609","direction":"out","protocol":"udp","destination-port":53,
              "action":"accept"}]}"""));
        assertRefused(client.put("cnsmo-firewall:firewall/rule=r30453225", """
            {"cnsmo-firewall:rule":[{"name":"r30453225","direction":"out","protocol":"udp","destination-port":54,
              "action":"accept"}]}"""), "rule name 'r30453225' cannot be told apart from rule 'r24077609'");
        assertStatus(204, client.delete("cnsmo-firewall:firewall/rule=r24077609"));
        assertConfig(client, RULE, VALID);
        assertAbsent(client, "cnsmo-firewall:firewall/rule=copy");
        assertAbsent(client, "cnsmo-firewall:firewall/rule=shadow");
        assertAbsent(client, "cnsmo-firewall:firewall/rule=r30453225");

        assertStatus(200, client.patch(RULE, """
            {"cnsmo-firewall:rule":[{"name":"no-db","action":"drop"}]}"""));
        assertConfig(client, RULE, VALID.replace("reject", "drop"));

        assertStatus(204, client.delete(RULE));
        assertAbsent(client, RULE);
    }
}
