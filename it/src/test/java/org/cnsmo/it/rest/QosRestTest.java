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
class QosRestTest {
    private static final String POLICY = "cnsmo-qos:qos/policy=gold";
    private static final String VALID = """
        {"cnsmo-qos:policy":[{"name":"gold","description":"video",
          "bandwidth-limit":{"max-kbps":10000,"max-burst-kbits":1000},
          "dscp-marking":{"dscp-mark":46},"node":["qos.A"]}]}""";

    @Test
    void policyRoundTripsAndBadInputLeavesItUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put("cnsmo-nodes:nodes/node=qos.A", """
            {"cnsmo-nodes:node":[{"name":"qos.A"}]}"""));
        assertStatus(201, client.put(POLICY, VALID));
        assertConfig(client, POLICY, VALID);

        assertRefused(client.put(POLICY, VALID.replace("46", "7")), "Not a standard DSCP value");
        assertRefused(client.put(POLICY, VALID.replace("\"max-kbps\":10000,", "")),
            "qos/policy=gold/bandwidth-limit/max-kbps: is required");
        assertRefused(client.put(POLICY, VALID.replace("qos.A", "qos.Z")), "node 'qos.Z' does not exist");
        assertRefused(client.put("cnsmo-qos:qos/policy=silver", VALID.replace("gold", "silver")),
            "node 'qos.A' already has policy 'gold' on its egress traffic; policy 'silver' would be a second "
                + "egress");
        assertRefused(client.put(POLICY, """
            {"cnsmo-qos:policy":[{"name":"gold"}]}"""), "a policy needs a bandwidth-limit or a dscp-marking");
        assertConfig(client, POLICY, VALID);
        assertAbsent(client, "cnsmo-qos:qos/policy=silver");

        assertStatus(204, client.delete(POLICY));
        assertAbsent(client, POLICY);
    }
}
