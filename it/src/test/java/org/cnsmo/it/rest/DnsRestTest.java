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
class DnsRestTest {
    private static final String DNS = "cnsmo-dns:dns";
    private static final String VALID = """
        {"cnsmo-dns:dns":{"enabled":true,"domain":"overlay","upstream-server":["192.0.2.53"],
          "record":[{"name":"db","type":"A","value":"10.8.0.20"},
                    {"name":"db6","type":"AAAA","value":"fd00::20"},
                    {"name":"www","type":"CNAME","value":"db"}]}}""";

    @Test
    void recordsRoundTripAndBadInputLeavesThemUnchanged(final RestconfClient client) throws Exception {
        assertStatus(201, client.put(DNS, VALID));
        assertConfig(client, DNS, VALID);

        assertRefused(client.put(DNS, VALID.replace(",\"value\":\"fd00::20\"", "")),
            "dns/record=db6/value: is required");
        assertRefused(client.put(DNS, VALID.replace("\"name\":\"db6\"", "\"name\":\"DB\"")),
            "has the same name as record");
        assertRefused(client.put(DNS, VALID.replace("10.8.0.20", "fd00::1")),
            "dns/record=db/value: value 'fd00::1' of an A record is not an IPv4 address");
        assertRefused(client.put(DNS, VALID.replace("\"value\":\"10.8.0.20\"", "\"value\":\"www\"")
            .replace("\"type\":\"A\"", "\"type\":\"CNAME\"")), "CNAME loop");
        assertRefused(client.put(DNS, VALID.replace("\"name\":\"db6\"", "\"name\":\"-bad\"")), "record name");
        assertRefused(client.put(DNS, VALID.replace("\"value\":\"fd00::20\"", "\"value\":null")),
            "cnsmo-dns:dns/record[1]/value: null is not a valid value; leave the leaf out instead");
        assertRefused(client.patch(DNS, VALID.replace("\"enabled\":true", "\"enabled\":null")),
            "cnsmo-dns:dns/enabled: null is not a valid value");
        assertConfig(client, DNS, VALID);

        assertRefused(client.put(DNS + "/record=api", """
            {"cnsmo-dns:record":[{"name":"api","type":"CNAME","value":null}]}"""),
            "cnsmo-dns:record[0]/value: null is not a valid value");
        assertAbsent(client, DNS + "/record=api");
        assertStatus(201, client.put(DNS + "/record=api", """
            {"cnsmo-dns:record":[{"name":"api","type":"CNAME","value":"www"}]}"""));
        assertStatus(204, client.delete(DNS + "/record=api"));
        assertAbsent(client, DNS + "/record=api");

        assertStatus(204, client.delete(DNS));
        assertAbsent(client, DNS);
    }
}
