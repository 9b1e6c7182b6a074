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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

class RuleUsefulnessTest {
    private static Intents threeNodes() {
        return new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3").node("C", 12, "10.8.0.4");
    }

    private static Rule tcpIn(final String name, final String node, final Action action, final int priority,
            final int lower, final int upper) {
        return ports(newRule(name, node, Direction.In, Protocol.Tcp, action, priority), lower, upper).build();
    }

    private static Map<String, RuleUsefulness.Finding> findings(final Intents intents) {
        return RuleUsefulness.of(Overlay.of(intents.build()));
    }

    @Test
    void aRuleFullyCoveredByOneHigherRuleIsShadowedByItAndRedundant() {
        final var found = findings(threeNodes()
            .rule(tcpIn("wide", "B", Action.Drop, 200, 1000, 2000))
            .rule(tcpIn("narrow", "B", Action.Accept, 100, 1200, 1300)));
        assertEquals(List.of("wide"), found.get("narrow").shadowedBy());
        assertTrue(found.get("narrow").shadowed());
        assertTrue(found.get("narrow").redundant());
        assertFalse(found.get("wide").shadowed());
        assertFalse(found.get("wide").redundant());
    }

    @Test
    void aRuleCoveredByTheUnionOfTwoNamesBoth() {
        final var found = findings(threeNodes()
            .rule(tcpIn("low-half", "B", Action.Drop, 300, 1000, 1500))
            .rule(tcpIn("high-half", "B", Action.Reject, 200, 1501, 2000))
            .rule(tcpIn("middle", "B", Action.Accept, 100, 1200, 1800))
            .rule(tcpIn("unrelated", "B", Action.Drop, 400, 7000, 7000)));
        assertEquals(List.of("high-half", "low-half"), found.get("middle").shadowedBy());
        assertEquals(Map.of("B", new RuleUsefulness.OnNode(List.of("low-half", "high-half"), true)),
            found.get("middle").nodes());
    }

    @Test
    void aPartlyCoveredRuleIsNeitherShadowedNorRedundant() {
        final var found = findings(threeNodes()
            .rule(tcpIn("first", "B", Action.Drop, 200, 1000, 1500))
            .rule(tcpIn("second", "B", Action.Drop, 100, 1200, 1800)));
        assertFalse(found.get("second").shadowed());
        assertEquals(List.of(), found.get("second").shadowedBy());
        assertFalse(found.get("second").redundant());
    }

    @Test
    void aRuleALowerRuleOfTheSameActionCatchesIsRedundantButNotShadowed() {
        final var found = findings(threeNodes()
            .rule(tcpIn("no-http", "B", Action.Drop, 200, 80, 80))
            .rule(tcpIn("no-low-ports", "B", Action.Drop, 100, 1, 1024)));
        assertFalse(found.get("no-http").shadowed());
        assertTrue(found.get("no-http").redundant());
        assertFalse(found.get("no-low-ports").redundant());
    }

    @Test
    void aLowerRuleOfAnotherActionMakesItUseful() {
        final var found = findings(threeNodes()
            .rule(tcpIn("reject-http", "B", Action.Reject, 200, 80, 80))
            .rule(tcpIn("no-low-ports", "B", Action.Drop, 100, 1, 1024)));
        assertFalse(found.get("reject-http").redundant());
    }

    @Test
    void anAcceptWithNothingBelowItIsRedundantSinceTheDefaultAccepts() {
        final var found = findings(threeNodes().rule(tcpIn("allow-web", "B", Action.Accept, 100, 80, 80)));
        assertFalse(found.get("allow-web").shadowed());
        assertTrue(found.get("allow-web").redundant());
    }

    @Test
    void aRuleOnEveryNodeShadowedOnOneIsReportedForThatNodeOnly() {
        final var found = findings(threeNodes()
            .rule(tcpIn("no-ssh", null, Action.Drop, 100, 22, 22))
            .rule(tcpIn("b-low-ports", "B", Action.Reject, 500, 1, 100)));
        final var finding = found.get("no-ssh");
        assertEquals(Set.of("A", "B", "C"), finding.nodes().keySet());
        assertFalse(finding.shadowed());
        assertEquals(List.of(), finding.shadowedBy());
        assertFalse(finding.redundant());
        assertEquals(Map.of("B", new RuleUsefulness.OnNode(List.of("b-low-ports"), true)), finding.exceptions());
    }

    @Test
    void aRuleOnEveryNodeShadowedOnEachIsShadowedByTheUnion() {
        final var found = findings(threeNodes()
            .rule(tcpIn("no-ssh", null, Action.Drop, 100, 22, 22))
            .rule(tcpIn("a-ssh", "A", Action.Reject, 500, 22, 22))
            .rule(tcpIn("b-ssh", "B", Action.Accept, 500, 20, 30))
            .rule(tcpIn("c-ssh", "C", Action.Reject, 500, 1, 1024)));
        assertEquals(List.of("a-ssh", "b-ssh", "c-ssh"), found.get("no-ssh").shadowedBy());
        assertEquals(Map.of(), found.get("no-ssh").exceptions());
    }

    @Test
    void onlyRulesOfTheSameDirectionShadow() {
        final var found = findings(threeNodes()
            .rule(ports(newRule("out-all", "B", Direction.Out, Protocol.Tcp, Action.Drop, 900), 1, 65_535).build())
            .rule(tcpIn("in-web", "B", Action.Drop, 100, 80, 80)));
        assertFalse(found.get("in-web").shadowed());
        assertFalse(found.get("in-web").redundant());
    }

    @Test
    void equalPrioritiesDoNotShadow() {
        final var found = findings(threeNodes()
            .rule(tcpIn("one", "B", Action.Drop, 100, 1, 1000))
            .rule(tcpIn("two", "B", Action.Drop, 100, 80, 80)));
        assertFalse(found.get("one").shadowed());
        assertFalse(found.get("two").shadowed());
    }

    @Test
    void addressMatchesCountAsPartOfTheClass() {
        final var found = findings(threeNodes()
            .rule(from(ports(newRule("from-a", "B", Direction.In, Protocol.Tcp, Action.Drop, 300), 1, 65_535),
                "10.8.0.2/32").build())
            .rule(from(ports(newRule("from-a-and-c", "B", Direction.In, Protocol.Tcp, Action.Reject, 200), 80, 80),
                "10.8.0.0/29").build())
            .rule(from(ports(newRule("from-a-web", "B", Direction.In, Protocol.Tcp, Action.Accept, 100), 80, 80),
                "10.8.0.2/32").build())
            .rule(to(ports(newRule("to-b-web", "B", Direction.In, Protocol.Tcp, Action.Accept, 50), 80, 80),
                "10.8.0.0/24").build()));
        assertEquals(List.of("from-a"), found.get("from-a-web").shadowedBy());
        assertFalse(found.get("from-a-and-c").shadowed());
        // from a source and any destination is not covered by two source-matching rules
        assertFalse(found.get("to-b-web").shadowed());
    }

    @Test
    void aRuleAFilterCatchesWhollyIsRedundantButNotShadowed() {
        final var found = findings(threeNodes()
            .filter("no-db", "B", 5432, "10.8.0.3/32")
            .rule(to(ports(newRule("reject-db", "B", Direction.In, Protocol.Tcp, Action.Reject, 100), 5432, 5432),
                "10.8.0.3/32").build()));
        assertFalse(found.get("reject-db").shadowed());
        assertTrue(found.get("reject-db").redundant());
    }

    @Test
    void aRuleOnANodeWithoutSwitchIsInstalledNowhere() {
        final var found = findings(threeNodes().client("D", "10.8.0.9")
            .rule(tcpIn("no-db", "D", Action.Drop, 100, 5432, 5432)));
        assertEquals(Map.of(), found.get("no-db").nodes());
        assertFalse(found.get("no-db").shadowed());
        assertTrue(found.get("no-db").redundant());
    }
}
