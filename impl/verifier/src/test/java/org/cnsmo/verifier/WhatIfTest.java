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

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

class WhatIfTest {
    private static final Intent BASE = new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3")
        .node("C", 12, "10.8.0.4")
        .rule(ports(newRule("web", "B", Direction.In, Protocol.Tcp, Action.Accept, 200), 80, 80).build())
        .build();

    private static List<String> changes(final Proposal proposal) {
        return WhatIf.compare(Overlay.of(BASE), Overlay.of(proposal.applyTo(BASE))).changes().stream()
            .map(change -> change.pair().source() + ">" + change.pair().destination() + " " + change.pair().protocol()
                + " " + change.ports() + " " + change.before() + ">" + change.after() + " " + change.responsible())
            .toList();
    }

    @Test
    void aNewRuleListsTheClassesItNewlyBlocksWithItself() {
        final var proposal = new Proposal(List.of(ports(newRule("no-high", "B", Direction.In, Protocol.Tcp,
            Action.Reject, 100), 70, 90).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of());
        assertEquals(List.of(
            "A>B 6 70-79 ACCEPT>REJECT rule no-high",
            "A>B 6 81-90 ACCEPT>REJECT rule no-high",
            "C>B 6 70-79 ACCEPT>REJECT rule no-high",
            "C>B 6 81-90 ACCEPT>REJECT rule no-high"), changes(proposal));
    }

    @Test
    void deletingABlockingRuleListsTheClassesNewlyAllowedWithTheDeletedRule() {
        final var base = new Proposal(List.of(ports(newRule("no-ssh", null, Direction.Out, Protocol.Tcp,
            Action.Drop, 100), 22, 22).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of()).applyTo(BASE);
        final var result = WhatIf.compare(Overlay.of(base), Overlay.of(new Proposal(List.of(), Set.of("no-ssh"),
            List.of(), Set.of(), Set.of(), Set.of()).applyTo(base)));
        assertEquals(6, result.changes().size());
        result.changes().forEach(change -> {
            assertEquals(Range.of(22), change.ports());
            assertEquals(true, change.newlyAllowed());
            assertEquals(new Element(Element.Kind.RULE, "no-ssh"), change.responsible());
        });
        assertEquals(18, result.compared());
    }

    @Test
    void pairsFromSwitchesWalkedOnceEqualTheVerifiersAnswerForEveryPair() {
        for (long seed = 1; seed <= 5; seed++) {
            // filters on ephemeral ports stop some replies, at the destination's switch and at the source's
            final var overlay = Overlay.of(RandomPolicy.of(seed, 4, 40, 4, 0.2)
                .filter("reply-a", "n1", 40_000, "10.8.0.0/24").filter("reply-b", "n2", 32_768, "10.8.0.2/32")
                .build());
            final var verifier = new Verifier(overlay);
            WhatIf.classes(overlay).forEach((pair, verdicts) -> {
                final var ports = pair.protocol() == Query.ICMP ? Range.of(0) : new Range(1, 65_535);
                final var from = Range.of(overlay.node(pair.source()).address());
                final var to = Range.of(overlay.node(pair.destination()).address());
                assertEquals(Verifier.merge(verifier.evaluate(new Space(from, to, Range.of(pair.protocol()), ports))),
                    verdicts, pair.toString());
            });
        }
    }

    @Test
    void anEmptyProposalChangesNothing() {
        assertEquals(List.of(), changes(Proposal.NONE));
    }
}
