/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.RecordBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;

class JsonMappingTest {
    @Test
    void nodesCarryTheFiveStringsTheGuiReads() {
        final var node = new NodeBuilder().setName(new NodeName("Agent.1"))
            .setService(Set.of(Service.Dns, Service.Firewall, Service.Qos, Service.Vpn)).build();
        assertEquals(JsonParser.parseString("""
            [{"instanceId":"Agent.1","vpnAddress":"","ipAddress":"","cloud":"",
              "services":"[\\"vpn\\", \\"sdn\\", \\"dns\\"]"}]"""), NodeJson.nodes(List.of(node), Map.of()));
        assertEquals("[]", NodeJson.services(null));
    }

    @Test
    void blockByPortTakesTheThreeFieldsWithJoisMessages() throws V1Error {
        final var filter = FilterJson.blockRequest(JsonParser.parseString("""
            {"tcp-destination-port":"5001","ip4-destination":"10.8.0.6/32","ssinstanceid":"Agent.1"}"""), "12");
        assertEquals("12", filter.getName().getValue());
        assertEquals(5001, filter.getTcpDestinationPort().getValue().intValue());
        assertEquals(JsonParser.parseString("""
            [{"destinationPort":5001,"destinationAddress":"10.8.0.6/32","flowId":"12"}]"""),
            FilterJson.blockedTcpPorts(List.of(filter), "Agent.1"));
        assertEquals("[]", FilterJson.blockedTcpPorts(List.of(filter), "Agent.2").toString());
        assertRefused(400, "{\"errors\":\"\\\"tcp-destination-port\\\" is required\"}", () -> FilterJson.blockRequest(
            JsonParser.parseString("{\"ip4-destination\":\"10.8.0.6/32\",\"ssinstanceid\":\"a\"}"), "11"));
        assertRefused(400, "{\"errors\":\"\\\"x\\\" is not allowed\"}", () -> FilterJson.blockRequest(
            JsonParser.parseString("{\"x\":1}"), "11"));
        assertRefused(400, "{\"errors\":\"\\\"tcp-destination-port\\\" must be a number\"}",
            () -> FilterJson.blockRequest(JsonParser.parseString("""
                {"tcp-destination-port":"web","ip4-destination":"10.8.0.6/32","ssinstanceid":"a"}"""), "11"));
        final var bad = assertThrows(V1Error.class, () -> FilterJson.blockRequest(JsonParser.parseString("""
            {"tcp-destination-port":80,"ip4-destination":"10.8.0.600/32","ssinstanceid":"a"}"""), "11"));
        assertTrue(bad.getMessage().startsWith("ip4-destination: '10.8.0.600/32' is not valid"), bad.getMessage());
    }

    @Test
    void theGuisDefaultDestinationIsStoredAsItsNetwork() throws V1Error {
        // nodes-flows fills in <public address>/24; the traffic-filters validator refuses host bits.
        final var filter = FilterJson.blockRequest(JsonParser.parseString("""
            {"tcp-destination-port":5001,"ip4-destination":"198.51.100.9/24","ssinstanceid":"Agent.1"}"""), "11");
        assertEquals("198.51.100.0/24", filter.getIpv4Destination().getValue());
        assertEquals("10.8.0.6/32", FilterJson.blockRequest(JsonParser.parseString("""
            {"tcp-destination-port":5001,"ip4-destination":"10.8.0.6/32","ssinstanceid":"Agent.1"}"""), "11")
            .getIpv4Destination().getValue());
    }

    @Test
    void filterIdsContinueTheOriginalsNumbering() {
        assertEquals("11", FilterJson.nextId(List.of()));
        assertEquals("11", FilterJson.nextId(List.of("block-web")));
        assertEquals("13", FilterJson.nextId(List.of("11", "12", "web")));
    }

    @Test
    void firewallRulesRoundTripInTheSixFieldShape() throws V1Error {
        final var rule = FirewallJson.rule(JsonParser.parseString("""
            {"direction":"out","protocol":"tcp","dst_port":"8080:8090","dst_src":"src","ip_range":"10.8.0.0/24",
             "action":"rjct"}"""), "v1-rule-1");
        assertEquals(Rule.Action.Reject, rule.getAction());
        assertEquals(Protocol.Tcp, rule.getProtocol());
        final var number = FirewallJson.rule(JsonParser.parseString("""
            {"direction":"in","protocol":"udp","dst_port":53,"dst_src":"dst","ip_range":"10.8.0.1/32",
             "action":"drop"}"""), "v1-rule-2");
        assertEquals(Rule.Action.Drop, number.getAction());
        assertEquals(JsonParser.parseString("""
            [{"direction":"out","protocol":"tcp","dst_port":"8080:8090","dst_src":"src","ip_range":"10.8.0.0/24",
              "action":"rjct","name":"v1-rule-1"},
             {"direction":"in","protocol":"udp","dst_port":"53","dst_src":"dst","ip_range":"10.8.0.1/32",
              "action":"rjct","name":"v1-rule-2"}]"""), FirewallJson.rules(List.of(number, rule)));
        assertEquals("v1-rule-3", FirewallJson.nextName(List.of("v1-rule-1", "v1-rule-2", "other")));
        assertRefused(400, "{\"code\":400,\"message\":\"action: must be acpt, rjct or drop\"}",
            () -> FirewallJson.rule(JsonParser.parseString("{\"direction\":\"in\",\"action\":\"deny\"}"), "r"));
        assertRefused(400, "{\"code\":400,\"message\":\"dst_port: '1:2:3' is not a port or a range p1:pN\"}",
            () -> FirewallJson.rule(JsonParser.parseString("""
                {"direction":"in","action":"acpt","dst_port":"1:2:3"}"""), "r"));
    }

    @Test
    void dnsRecordsAreHostsLinesInAndOut() throws V1Error {
        final var one = DnsJson.parse(JsonParser.parseString("{\"dnsrecords\":\"10.8.0.6 agent1\"}"));
        assertEquals(1, one.size());
        assertEquals("agent1", one.get(0).getName());
        assertEquals(RecordType.A, one.get(0).getType());
        final var two = DnsJson.parse(JsonParser.parseString("{\"dnsrecords\":[\"10.8.0.7 db\\n\",\"fd00::1 v6\"]}"));
        assertEquals(RecordType.AAAA, two.get(1).getType());
        final var cname = new RecordBuilder().setName("www").setType(RecordType.CNAME).setValue("db").build();
        assertEquals(JsonParser.parseString("{\"dns_records\":[\"10.8.0.6 agent1\\n\",\"10.8.0.7 db\\n\"]}"),
            DnsJson.records(List.of(two.get(0), one.get(0), cname)));
        assertRefused(400, "{\"code\":400,\"message\":\"dnsrecords: 'agent1' is not \\\"<address> <name>\\\"\"}",
            () -> DnsJson.parse(JsonParser.parseString("{\"dnsrecords\":\"agent1\"}")));
    }

    @FunctionalInterface
    private interface Refusable {
        Object run() throws V1Error;
    }

    private static void assertRefused(final int status, final String body, final Refusable call) {
        final var error = assertThrows(V1Error.class, call::run);
        assertEquals(status, error.answer().status());
        assertEquals(JsonParser.parseString(body), error.answer().body());
    }
}
