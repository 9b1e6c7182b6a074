/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.sdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The random-policy generator alone (no controller): seeded, overlapping, and never refused by validation. */
class RandomPolicyTest {
    private static final List<String> NODES = List.of("sdn.A", "sdn.B", "sdn.C");
    private static final List<String> ADDRESSES = List.of("10.99.0.1", "10.99.0.2", "10.99.0.3");

    @Test
    void aSeedGivesOnePolicy() {
        final var one = RandomPolicy.of(42, NODES, ADDRESSES, 30, 4, 0.2);
        assertEquals(one.rules(), RandomPolicy.of(42, NODES, ADDRESSES, 30, 4, 0.2).rules());
        assertEquals(one.filters(), RandomPolicy.of(42, NODES, ADDRESSES, 30, 4, 0.2).filters());
        assertNotEquals(one.rules(), RandomPolicy.of(43, NODES, ADDRESSES, 30, 4, 0.2).rules());
        assertEquals(30, one.rules().size());
        assertEquals(4, one.filters().size());
    }

    @Test
    void noRuleIsOneValidationRefusesNextToAnEarlierOne() {
        for (long seed = 0; seed < 500; seed++) {
            final var rules = RandomPolicy.of(seed, NODES, ADDRESSES, 30, 4, 0.2).rules();
            for (int i = 1; i < rules.size(); i++) {
                final var rule = rules.get(i);
                final long count = seed;
                assertFalse(RandomPolicy.refusedNextTo(rule, rules.subList(0, i)), () -> "seed " + count + ": " + rule);
            }
        }
    }

    @Test
    void rulesSharePrioritiesAndOverlap() {
        int shared = 0;
        int overlapping = 0;
        int everyNode = 0;
        for (long seed = 0; seed < 100; seed++) {
            final var rules = RandomPolicy.of(seed, NODES, ADDRESSES, 30, 4, 0.2).rules();
            for (var rule : rules) {
                assertTrue(rule.lower() >= 1 && rule.lower() <= rule.upper() && rule.upper() <= 65535, rule::toString);
                everyNode += rule.node() == null ? 1 : 0;
                for (var other : rules) {
                    if (rule != other && rule.priority() == other.priority()) {
                        shared++;
                    }
                    if (rule != other && rule.protocol().equals(other.protocol())
                            && Math.max(rule.lower(), other.lower()) <= Math.min(rule.upper(), other.upper())) {
                        overlapping++;
                    }
                }
            }
        }
        assertTrue(shared > 100, "equal priorities: " + shared);
        assertTrue(overlapping > 1000, "overlapping port ranges: " + overlapping);
        assertTrue(everyNode > 300 && everyNode < 900, "rules on every node: " + everyNode);
    }

    @Test
    void refusedNextToFollowsTheFirewallValidation() {
        final var drop = new RandomPolicy.Rule("r1", "sdn.A", "in", "tcp", "drop", 10, 100, 200, "source",
            "10.99.0.0/30");
        // overlapping ports and nested sources, another action: refused
        assertTrue(RandomPolicy.refusedNextTo(new RandomPolicy.Rule("r2", null, "in", "tcp", "accept", 10, 150, 150,
            "source", "10.99.0.1/32"), List.of(drop)));
        // the same action: allowed; the same match: refused
        assertFalse(RandomPolicy.refusedNextTo(new RandomPolicy.Rule("r2", null, "in", "tcp", "drop", 10, 150, 150,
            "source", "10.99.0.1/32"), List.of(drop)));
        assertTrue(RandomPolicy.refusedNextTo(new RandomPolicy.Rule("r2", "sdn.A", "in", "tcp", "drop", 10, 100, 200,
            "source", "10.99.0.0/30"), List.of(drop)));
        // a destination match always overlaps a source match
        assertTrue(RandomPolicy.refusedNextTo(new RandomPolicy.Rule("r2", "sdn.A", "in", "tcp", "reject", 10, 200, 300,
            "destination", "10.99.0.8/30"), List.of(drop)));
        // disjoint: other node, priority, direction, protocol, ports or source prefix
        for (var other : List.of(
                new RandomPolicy.Rule("r2", "sdn.B", "in", "tcp", "accept", 10, 100, 200, "source", "10.99.0.0/30"),
                new RandomPolicy.Rule("r2", "sdn.A", "in", "tcp", "accept", 20, 100, 200, "source", "10.99.0.0/30"),
                new RandomPolicy.Rule("r2", "sdn.A", "out", "tcp", "accept", 10, 100, 200, "source", "10.99.0.0/30"),
                new RandomPolicy.Rule("r2", "sdn.A", "in", "udp", "accept", 10, 100, 200, "source", "10.99.0.0/30"),
                new RandomPolicy.Rule("r2", "sdn.A", "in", "tcp", "accept", 10, 201, 300, "source", "10.99.0.0/30"),
                new RandomPolicy.Rule("r2", "sdn.A", "in", "tcp", "accept", 10, 100, 200, "source", "10.99.0.4/30"))) {
            assertFalse(RandomPolicy.refusedNextTo(other, List.of(drop)), other::toString);
        }
    }

    @Test
    void canonicalPrefixes() {
        assertEquals("10.99.0.0/30", RandomPolicy.canonical("10.99.0.3", 30));
        assertEquals("10.99.0.2/31", RandomPolicy.canonical("10.99.0.3", 31));
        assertEquals("10.99.0.3/32", RandomPolicy.canonical("10.99.0.3", 32));
        assertEquals("0.0.0.0/0", RandomPolicy.canonical("10.99.0.3", 0));
        assertTrue(RandomPolicy.nested("10.99.0.0/28", "10.99.0.3/32"));
        assertFalse(RandomPolicy.nested("10.99.0.0/31", "10.99.0.2/31"));
    }
}
