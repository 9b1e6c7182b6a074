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
class NodesRestTest {
    private static final String NODE = "cnsmo-nodes:nodes/node=Agent.1";
    private static final String VALID = """
        {"cnsmo-nodes:node":[{"name":"Agent.1","service":["vpn","sdn","dns"],
          "public-address":"203.0.113.10","datapath-id":"101"}]}""";

    @Test
    void nodeRoundTripsAndBadInputLeavesItUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(NODE, VALID));
        assertConfig(client, NODE, VALID);

        assertRefused(client.put(NODE, VALID.replace("\"sdn\"", "\"teleport\"")), "teleport");
        assertRefused(client.put("cnsmo-nodes:nodes/node=Agent.2", VALID.replace("Agent.1", "Agent.2")),
            "nodes/node=Agent.2/datapath-id: datapath-id 101 is already the switch of node 'Agent.1'");
        assertRefused(client.put("cnsmo-nodes:nodes/node=bad_", VALID.replace("Agent.1", "bad_")),
            "bad_");
        assertConfig(client, NODE, VALID);
        assertAbsent(client, "cnsmo-nodes:nodes/node=Agent.2");

        assertStatus(200, client.patch(NODE, """
            {"cnsmo-nodes:node":[{"name":"Agent.1","datapath-id":"102"}]}"""));
        assertConfig(client, NODE, VALID.replace("101", "102"));

        assertStatus(204, client.delete(NODE));
        assertAbsent(client, NODE);
    }
}
