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
class TrafficFiltersRestTest {
    private static final String FILTER = "cnsmo-traffic-filters:traffic-filters/filter=block-web";
    private static final String VALID = """
        {"cnsmo-traffic-filters:filter":[{"name":"block-web","node":"filters.A",
          "tcp-destination-port":8080,"ipv4-destination":"10.8.0.6/32"}]}""";

    @Test
    void filterRoundTripsAndBadInputLeavesItUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put("cnsmo-nodes:nodes/node=filters.A",
            """
            {"cnsmo-nodes:node":[{"name":"filters.A"}]}"""));
        assertStatus(201, client.put(FILTER, VALID));
        assertConfig(client, FILTER, VALID);

        assertRefused(client.put(FILTER, VALID.replace("8080", "70000")), "70000");
        assertRefused(client.put(FILTER, VALID.replace("\"tcp-destination-port\":8080,", "")),
            "traffic-filters/filter=block-web/tcp-destination-port: a filter needs a tcp-destination-port");
        assertRefused(client.put(FILTER, VALID.replace("10.8.0.6/32", "10.0.0.300/8")), "Not an IPv4 prefix");
        assertRefused(client.put(FILTER, VALID.replace("\"node\":\"filters.A\"", "\"node\":\"Agent.9\"")),
            "traffic-filters/filter=block-web/node: node 'Agent.9' does not exist");
        assertRefused(client.put(FILTER, VALID.replace("10.8.0.6/32", "10.8.0.6/24")),
            "has host bits set; use 10.8.0.0/24");
        assertRefused(client.put("cnsmo-traffic-filters:traffic-filters/filter=copy",
            VALID.replace("block-web", "copy")), "duplicates filter 'block-web'");
        assertConfig(client, FILTER, VALID);
        assertAbsent(client, "cnsmo-traffic-filters:traffic-filters/filter=copy");

        assertStatus(200, client.patch(FILTER, VALID.replace("8080", "8443")));
        assertConfig(client, FILTER, VALID.replace("8080", "8443"));

        assertStatus(204, client.delete(FILTER));
        assertAbsent(client, FILTER);
    }
}
