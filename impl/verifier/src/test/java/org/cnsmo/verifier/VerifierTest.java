/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.from;
import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;
import static org.cnsmo.verifier.Intents.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cnsmo.verifier.Answer.Reachability;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

class VerifierTest {
    private static final Range ALL_PORTS = new Range(1, 65_535);

    private static Intents threeNodes() {
        return new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3").node("C", 12, "10.8.0.4");
    }

    private static Answer tcp(final Verifier verifier, final String from, final String to, final int lower,
            final int upper) {
        return verifier.check(new Query(from, to, Query.TCP, new Range(lower, upper)));
    }

    /** The classes as "ports outcome decisive-element" lines. */
    private static List<String> classes(final Answer answer) {
        return answer.classes().stream()
            .map(verdict -> verdict.space().port() + " " + verdict.outcome() + " " + verdict.decisive().element())
            .toList();
    }

    @Test
    void withoutRulesEveryPortIsReachableThroughThePipelineDefault() {
        final var answer = tcp(threeNodes().verifier(), "A", "B", 1, 65_535);
        assertEquals(Reachability.REACHABLE, answer.reachability());
        assertEquals(List.of("egress A", "vpn-server", "ingress B"), answer.path());
        assertEquals(List.of("1-65535 ACCEPT pipeline cnsmo-B-firewall-in-new"), classes(answer));
    }

    @Test
    void overlappingRangesAreDecidedByPriorityWithExactSubRanges() {
        final var verifier = threeNodes()
            .rule(ports(newRule("wide-drop", "B", Direction.In, Protocol.Tcp, Action.Drop, 100), 1000, 2000).build())
            .rule(ports(newRule("narrow-accept", "B", Direction.In, Protocol.Tcp, Action.Accept, 200), 1500, 1600)
                .build())
            .rule(ports(newRule("low-reject", "B", Direction.In, Protocol.Tcp, Action.Reject, 50), 1900, 2100)
                .build())
            .verifier();
        final var answer = tcp(verifier, "A", "B", 1, 65_535);
        assertEquals(Reachability.PARTIALLY, answer.reachability());
        assertEquals(List.of(
            "1-999 ACCEPT pipeline cnsmo-B-firewall-in-new",
            "1000-1499 DROP rule wide-drop",
            "1500-1600 ACCEPT rule narrow-accept",
            "1601-2000 DROP rule wide-drop",
            "2001-2100 REJECT rule low-reject",
            "2101-65535 ACCEPT pipeline cnsmo-B-firewall-in-new"), classes(answer));
        assertEquals(Reachability.UNREACHABLE, tcp(verifier, "A", "B", 1000, 1499).reachability());
        assertEquals(Reachability.REACHABLE, tcp(verifier, "A", "B", 1500, 1600).reachability());
    }

    @Test
    void sourceAndDestinationAddressMatchesSelectTheirPeers() {
        final var verifier = threeNodes()
            .rule(from(newRule("no-a", "B", Direction.In, Protocol.Tcp, Action.Reject, 100), "10.8.0.2/32").build())
            .rule(to(newRule("a-not-to-c", "A", Direction.Out, Protocol.Any, Action.Drop, 100), "10.8.0.4/31")
                .build())
            .verifier();
        assertEquals(List.of("1-65535 REJECT rule no-a"), classes(tcp(verifier, "A", "B", 1, 65_535)));
        assertEquals(Reachability.REACHABLE, tcp(verifier, "C", "B", 1, 65_535).reachability());
        final var toC = tcp(verifier, "A", "C", 80, 80);
        assertEquals(List.of("80 DROP rule a-not-to-c"), classes(toC));
        assertEquals("egress A", toC.classes().get(0).decisive().name());
    }

    @Test
    void aFilterDropsBeforeAnyRuleAccepts() {
        final var verifier = threeNodes()
            .filter("no-ssh", "B", 22, "10.8.0.3/32")
            .rule(ports(newRule("ssh", "B", Direction.In, Protocol.Tcp, Action.Accept, 1000), 22, 22).build())
            .verifier();
        final var answer = tcp(verifier, "A", "B", 21, 23);
        assertEquals(List.of("21 ACCEPT pipeline cnsmo-B-firewall-in-new", "22 DROP filter no-ssh",
            "23 ACCEPT pipeline cnsmo-B-firewall-in-new"), classes(answer));
        // UDP is not filtered
        assertEquals(Reachability.REACHABLE,
            verifier.check(new Query("A", "B", Query.UDP, Range.of(22))).reachability());
    }

    @Test
    void aRuleWithoutANodeSkipsNodesThatDoNotListTheFirewall() {
        // as the renderer plans it: a rule for every node is on the switches of the nodes listing firewall only
        final var verifier = new Intents().node("A", 10, "10.8.0.2").nodeWithoutFirewall("B", 11, "10.8.0.3")
            .node("C", 12, "10.8.0.4")
            .rule(ports(newRule("no-web", null, Direction.In, Protocol.Tcp, Action.Drop, 100), 80, 80).build())
            .verifier();
        assertEquals(List.of("80 ACCEPT pipeline cnsmo-B-firewall-in-new"),
            classes(tcp(verifier, "A", "B", 80, 80)));
        assertEquals(List.of("80 DROP rule no-web"), classes(tcp(verifier, "A", "C", 80, 80)));
    }

    @Test
    void repliesPassUnderConnectionTrackingWhateverTheOtherDirectionSays() {
        final var verifier = threeNodes()
            .rule(from(newRule("no-b", "A", Direction.In, Protocol.Any, Action.Drop, 100), "10.8.0.3/32").build())
            .verifier();
        // A's connections to B open: B's replies are established at A, the rule judges new connections only
        final var out = tcp(verifier, "A", "B", 80, 80);
        assertEquals(Reachability.REACHABLE, out.reachability());
        assertEquals(3, out.classes().get(0).hops().size());
        // B's own connections to A are new at A: dropped
        assertEquals(List.of("80 DROP rule no-b"), classes(tcp(verifier, "B", "A", 80, 80)));
    }

    @Test
    void aFilterOnTheClientsEphemeralPortsBreaksTheRepliesItCatches() {
        final var verifier = threeNodes().filter("odd", "A", 40_000, "10.8.0.2/32").verifier();
        final var answer = tcp(verifier, "A", "B", 80, 80);
        assertEquals(Outcome.ACCEPT, answer.classes().get(0).outcome());
        assertEquals("reply to ports 40000", answer.classes().get(0).decisive().name());
    }

    @Test
    void aLoadBalancerPassesItsVipPortToMembersFromTheControllersAddress() {
        final var intents = threeNodes().balancer("web", "10.8.0.100", 80, "10.8.0.3", 8080);
        final var open = tcp(intents.verifier(), "A", "web", 79, 81);
        assertEquals(List.of("79 REJECT no-host nothing listens on the VIP's port 79",
            "80 ACCEPT load-balancer member at 10.8.0.3 port 8080 reached (ingress B: accept by pipeline "
                + "cnsmo-B-firewall-in-new)",
            "81 REJECT no-host nothing listens on the VIP's port 81"), classes(open));
        assertEquals(List.of("egress A", "vpn-server", "load-balancer web"), open.path());
        // the member sees the controller's overlay address (10.8.0.1): a rule against it closes the VIP
        final var closed = intents.rule(ports(from(newRule("no-controller", "B", Direction.In, Protocol.Tcp,
            Action.Drop, 100), "10.8.0.1/32"), 8080, 8080).build()).verifier();
        final var answer = tcp(closed, "A", "10.8.0.100", 80, 80);
        assertEquals(Reachability.UNREACHABLE, answer.reachability());
        assertEquals("load-balancer no member reachable, e.g. 10.8.0.3: ingress B: drop by rule no-controller",
            answer.classes().get(0).decisive().element().toString());
        // A itself may still reach B on 8080
        assertEquals(Reachability.REACHABLE, tcp(closed, "A", "B", 8080, 8080).reachability());
    }

    @Test
    void sourcesThatAreNoClientAreStoppedByPortSecurity() {
        final var verifier = threeNodes().client("laptop", "10.8.0.50").verifier();
        final var answer = tcp(verifier, "10.8.0.48/30", "B", 80, 80);
        assertEquals(Reachability.PARTIALLY, answer.reachability());
        assertEquals(List.of("10.8.0.48/31 DROP", "10.8.0.50 ACCEPT", "10.8.0.51 DROP"), answer.classes().stream()
            .map(verdict -> verdict.space().source().toAddresses() + " " + verdict.outcome()).toList());
        assertEquals(Element.Kind.PORT_SECURITY, answer.classes().get(0).decisive().element().kind());
        // the laptop's traffic crosses no CNSMO switch on its way out
        assertEquals(List.of("vpn-server", "ingress B"), answer.path());
    }

    @Test
    void destinationsResolveThroughOverlayDns() {
        final var verifier = threeNodes().record("db", RecordType.A, "10.8.0.3")
            .record("www", RecordType.CNAME, "db")
            .rule(ports(newRule("db", "B", Direction.In, Protocol.Tcp, Action.Reject, 100), 5432, 5432).build())
            .verifier();
        assertEquals(List.of("5432 REJECT rule db"), classes(tcp(verifier, "A", "www.overlay", 5432, 5432)));
        assertEquals(List.of("5432 REJECT rule db"), classes(tcp(verifier, "A", "b.overlay", 5432, 5432)));
    }

    @Test
    void unknownNamesAreRefusedNamingTheField() {
        final var verifier = threeNodes().verifier();
        assertEquals("source", assertThrows(BadQueryException.class,
            () -> tcp(verifier, "Z", "B", 80, 80)).field());
        assertEquals("destination", assertThrows(BadQueryException.class,
            () -> tcp(verifier, "A", "nowhere", 80, 80)).field());
        assertEquals("protocol", assertThrows(BadQueryException.class,
            () -> verifier.check(new Query("A", "B", 99, ALL_PORTS))).field());
    }

    @Test
    void aPrefixDestinationIsSplitAtEveryHost() {
        final var verifier = threeNodes()
            .rule(from(newRule("b-closed", "B", Direction.In, Protocol.Tcp, Action.Drop, 100), "0.0.0.0/0").build())
            .verifier();
        final var answer = tcp(verifier, "A", "10.8.0.0/29", 80, 80);
        assertEquals(List.of("10.8.0.0 DROP no-host", "10.8.0.1 ACCEPT delivered", "10.8.0.2 ACCEPT pipeline",
            "10.8.0.3 DROP rule", "10.8.0.4 ACCEPT pipeline", "10.8.0.5-10.8.0.7 DROP no-host"),
            answer.classes().stream().map(verdict -> verdict.space().destination().toAddresses() + " "
                + verdict.outcome() + " " + verdict.decisive().element().kind().label()).toList());
    }
}
