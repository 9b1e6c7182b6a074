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
class VpnRestTest {
    private static final String SERVER = "cnsmo-vpn:vpn/server";
    private static final String SERVER_JSON = """
        {"cnsmo-vpn:server":{"enabled":false,"subnet":"10.8.0.0/24","port":1194,"protocol":"udp",
          "dns-server":["10.8.0.1"],"public-address":"vpn.example.org"}}""";
    private static final String CLIENT = "cnsmo-vpn:vpn/client=laptop";
    private static final String CLIENT_JSON = """
        {"cnsmo-vpn:client":[{"name":"laptop","static-address":"10.8.0.50","revoked":false}]}""";

    @Test
    void serverAndClientsRoundTripAndBadInputLeavesThemUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(SERVER, SERVER_JSON));
        assertConfig(client, SERVER, SERVER_JSON);
        assertStatus(201, client.put(CLIENT, CLIENT_JSON));
        assertConfig(client, CLIENT, CLIENT_JSON);

        assertRefused(client.put(SERVER, SERVER_JSON.replace("10.8.0.0/24", "10.8.0.5/24")),
            "did you mean 10.8.0.0/24");
        assertRefused(client.put(CLIENT, CLIENT_JSON.replace("10.8.0.50", "10.9.0.50")),
            "vpn/client=laptop/static-address: 10.9.0.50 is outside the VPN subnet 10.8.0.0/24");
        assertRefused(client.put(CLIENT, CLIENT_JSON.replace("10.8.0.50", "10.8.0.1")),
            "reserved for the VPN server");
        assertRefused(client.put("cnsmo-vpn:vpn/client=phone", CLIENT_JSON.replace("laptop", "phone")),
            "10.8.0.50 is already the static address of client 'laptop'");
        assertRefused(client.put(CLIENT, CLIENT_JSON.replace("10.8.0.50", "10.8.0.500")), "Not an IPv4 address");
        assertConfig(client, SERVER, SERVER_JSON);
        assertConfig(client, CLIENT, CLIENT_JSON);
        assertAbsent(client, "cnsmo-vpn:vpn/client=phone");

        assertStatus(200, client.patch(CLIENT, CLIENT_JSON.replace("false", "true")));
        assertConfig(client, CLIENT, CLIENT_JSON.replace("false", "true"));

        assertStatus(204, client.delete(CLIENT));
        assertAbsent(client, CLIENT);
        assertStatus(204, client.delete("cnsmo-vpn:vpn"));
        assertAbsent(client, SERVER);
    }

    @Test
    void rpcInputOutsideItsYangDefinitionIsRefusedWith400(final RestconfClient client) throws Exception {
        final var token = "cnsmo-vpn:create-enrollment-token";
        assertRefused(client.invoke(token, "{\"input\":{\"node\":\"rpc-probe\",\"validity\":5}}"),
            "RPC input refused: the input of " + token + " does not match its YANG definition");
        assertRefused(client.invoke(token, "{\"input\":{\"node\":\"rpc-probe\",\"bogus\":1}}"),
            "the input of " + token + " does not match its YANG definition");
        assertRefused(client.invoke(token, "{\"input\":{\"node\":null}}"),
            "input/node: null is not a valid value");
        assertRefused(client.invoke("cnsmo-vpn:generate-client-bundle", "{\"input\":{\"name\":\"\"}}"),
            "check name (an empty string)");
    }
}
