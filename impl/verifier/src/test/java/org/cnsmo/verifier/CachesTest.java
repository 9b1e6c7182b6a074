/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.NodesBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The switch tables and pair verdicts the RPCs keep between calls give the answers a fresh evaluation gives, and
 * a node whose binding or rules change is evaluated again.
 */
class CachesTest {
    private static final Intent INTENT = RandomPolicy.of(7, 8, 80, 4, 0.2).build();

    private static Proposal put(final String node, final int lower, final int upper) {
        return new Proposal(List.of(ports(newRule("new", node, Direction.In, Protocol.Tcp, Action.Reject, 600),
            lower, upper).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of());
    }

    private static Intent withUplink(final Intent intent, final String node, final long port) {
        final var nodes = new LinkedHashMap<>(intent.nodes().nonnullNode());
        final var key = new NodeKey(new NodeName(node));
        nodes.put(key, new NodeBuilder(nodes.get(key)).setUplinkPort(Uint32.valueOf(port)).build());
        return intent.withNodes(new NodesBuilder(intent.nodes()).setNode(BindingMap.of(List.copyOf(nodes.values())))
            .build());
    }

    @Test
    void aCachedWhatIfEqualsAFreshOneAfterAChangeToOneNodesRules() {
        final var tables = new SwitchTablesCache(64);
        final var verdicts = new PairVerdictCache(4096);
        for (var proposal : List.of(put(null, 5000, 6000), put("n3", 1, 9000), put("n3", 100, 200),
                put("n5", 100, 200), put(null, 5000, 6000))) {
            final var after = proposal.applyTo(INTENT);
            final var cached = WhatIf.compare(Overlay.of(INTENT, tables), Overlay.of(after, tables), verdicts);
            assertEquals(WhatIf.compare(Overlay.of(INTENT), Overlay.of(after)), cached, proposal.toString());
            // the other way round: the proposal's verdicts are now the cached side
            assertEquals(WhatIf.compare(Overlay.of(after), Overlay.of(INTENT)),
                WhatIf.compare(Overlay.of(after, tables), Overlay.of(INTENT, tables), verdicts));
        }
        assertNotEquals(0, verdicts.size());
    }

    @Test
    void anUnchangedNodeKeepsItsTablesAndAChangedBindingOrRuleDoesNot() {
        final var tables = new SwitchTablesCache(64);
        final var first = Overlay.of(INTENT, tables);
        final var again = Overlay.of(INTENT, tables);
        first.nodes().values().forEach(node -> assertSame(node.tables(), again.node(node.name()).tables()));
        assertEquals(8, tables.size());

        final var moved = withUplink(INTENT, "n2", 7);
        final var afterMove = Overlay.of(moved, tables);
        assertNotSame(first.node("n2").tables(), afterMove.node("n2").tables());
        assertEquals(Overlay.of(moved).node("n2"), afterMove.node("n2"));
        assertSame(first.node("n1").tables(), afterMove.node("n1").tables());

        final var ruled = put("n4", 80, 80).applyTo(INTENT);
        final var afterRule = Overlay.of(ruled, tables);
        assertNotSame(first.node("n4").tables(), afterRule.node("n4").tables());
        assertEquals(Overlay.of(ruled).node("n4"), afterRule.node("n4"));
        assertSame(first.node("n5").tables(), afterRule.node("n5").tables());

        final var everywhere = Overlay.of(put(null, 80, 80).applyTo(INTENT), tables);
        first.nodes().values().forEach(node -> assertNotSame(node.tables(),
            everywhere.node(node.name()).tables()));
    }

    @Test
    void theCachesHoldNoMoreThanTheirCapacity() {
        final var tables = new SwitchTablesCache(3);
        final var verdicts = new PairVerdictCache(10);
        WhatIf.compare(Overlay.of(INTENT, tables), Overlay.of(put(null, 1, 2).applyTo(INTENT), tables), verdicts);
        assertEquals(3, tables.size());
        assertEquals(10, verdicts.size());
        assertEquals(0, SwitchTablesCache.NONE.size());
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(-1));
    }

    @Test
    void theLeastRecentlyUsedValueGoesFirst() {
        final var cache = new BoundedCache<String, String>(2);
        assertEquals("a1", cache.get("a", () -> "a1"));
        assertEquals("b1", cache.get("b", () -> "b1"));
        assertEquals("a1", cache.get("a", () -> "a2"));
        assertEquals("c1", cache.get("c", () -> "c1"));
        assertEquals("a1", cache.get("a", () -> "a3"));
        assertEquals("b2", cache.get("b", () -> "b2"));
    }
}
