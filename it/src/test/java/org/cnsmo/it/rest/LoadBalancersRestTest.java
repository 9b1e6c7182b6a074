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
class LoadBalancersRestTest {
    private static final String LB = "cnsmo-load-balancers:load-balancers/load-balancer=web";
    private static final String VALID = """
        {"cnsmo-load-balancers:load-balancer":[{"name":"web",
          "vip":{"address":"10.8.0.100","port":80,"protocol":"http"},"algorithm":"least-connections",
          "member":[{"name":"a","address":"10.8.0.11","port":8080,"weight":2},
                    {"name":"b","address":"10.8.0.12","port":8080,"weight":1}],
          "health-monitor":{"type":"http","interval":5,"timeout":2,"max-retries":3,"http-path":"/health"}}]}""";

    @Test
    void loadBalancerRoundTripsAndBadInputLeavesItUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(LB, VALID));
        assertConfig(client, LB, VALID);

        assertRefused(client.put(LB, VALID.replace("\"timeout\":2", "\"timeout\":9")),
            "timeout 9 s must be below the interval 5 s");
        assertRefused(client.put(LB, VALID.replace("10.8.0.12", "10.8.0.11")), "are already used by member");
        assertRefused(client.put(LB, VALID.replace("least-connections", "random")), "random");
        // A leaf every entry needs, left out: a 400 that names it, not RESTCONF's 500 for a mandatory leaf.
        assertRefused(client.put(LB, VALID.replace("\"address\":\"10.8.0.100\",", "")),
            "load-balancers/load-balancer=web/vip/address: is required");
        assertRefused(client.put(LB, VALID.replace("\"address\":\"10.8.0.12\",", "")),
            "load-balancers/load-balancer=web/member=b/address: is required");
        assertRefused(client.put("cnsmo-load-balancers:load-balancers/load-balancer=copy",
            VALID.replace("\"web\"", "\"copy\"")), "is already used by load balancer");
        assertConfig(client, LB, VALID);
        assertAbsent(client, "cnsmo-load-balancers:load-balancers/load-balancer=copy");

        assertStatus(200, client.patch(LB, """
            {"cnsmo-load-balancers:load-balancer":[{"name":"web","algorithm":"source-ip"}]}"""));
        assertConfig(client, LB, VALID.replace("least-connections", "source-ip"));

        assertStatus(204, client.delete(LB));
        assertAbsent(client, LB);
    }
}
