/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cnsmo.verifier.Element;
import org.cnsmo.verifier.FlowRule.Action;
import org.cnsmo.verifier.Hop;
import org.cnsmo.verifier.Outcome;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.Query;
import org.cnsmo.verifier.Range;
import org.cnsmo.verifier.Space;
import org.cnsmo.verifier.SwitchTables;
import org.cnsmo.verifier.Verdict;
import org.cnsmo.verifier.Verifier;
import org.cnsmo.verifier.WhatIf;

/**
 * Deployment vs intent for one node. First the reachability between nodes: that of the intended overlay
 * compared, by {@link WhatIf}, with that of the same overlay in which the node's switch holds the flows read back
 * from it (only classes in which the node is the source or the destination can differ, and only those are
 * evaluated). When those agree but the flows do not (a node without an overlay address, a difference for
 * addresses outside the overlay), the node's switch alone: every new connection's first packet, over every
 * address, arriving on the uplink and from the node.
 */
public final class DeploymentCheck {
    /** The order of protocols in the answer, as {@link WhatIf} evaluates them. */
    private static final List<Integer> PROTOCOLS = List.of(Query.TCP, Query.UDP, Query.ICMP);
    private static final Range PORTS = new Range(1, 65_535);
    private static final Comparator<WhatIf.Change> FIRST_CHANGE = Comparator
        .comparing((WhatIf.Change change) -> change.pair().source())
        .thenComparing(change -> change.pair().destination())
        .thenComparingInt(change -> PROTOCOLS.indexOf(change.pair().protocol()))
        .thenComparingLong(change -> change.ports().lower());
    private static final Comparator<Space> FIRST_SPACE = Comparator
        .comparingLong((Space space) -> space.port().lower())
        .thenComparingLong(space -> space.source().lower())
        .thenComparingLong(space -> space.destination().lower());

    private DeploymentCheck() {
        // pure functions
    }

    /**
     * The first class whose verdict differs: between nodes, in the order source node, destination node, protocol
     * (TCP, UDP, ICMP echo), port, narrowed to the ports in which the deciding hop is the same throughout on both
     * sides; else at the node's switch alone, egress before ingress, by protocol, port, source and destination.
     *
     * @param intended the overlay of the intent
     * @param node the node whose switch was read
     * @param deployed the flows read back from it
     * @return the difference, or empty when the deployed reachability equals the intended one
     */
    public static Optional<Difference> firstDifference(final Overlay intended, final String node,
            final SwitchTables deployed) {
        final var view = intended.node(node);
        if (view == null || deployed.equals(view.tables())) {
            return Optional.empty();
        }
        final var between = betweenNodes(intended, node, deployed);
        if (between.isPresent() || view.tables() == null) {
            return between;
        }
        return atSwitch(node, view.tables(), deployed);
    }

    private static Optional<Difference> betweenNodes(final Overlay intended, final String node,
            final SwitchTables deployed) {
        final var actual = intended.withTables(node, deployed);
        final var first = WhatIf.compare(intended, actual).changes().stream().min(FIRST_CHANGE);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        final var change = first.orElseThrow();
        final var pair = change.pair();
        final var space = new Space(Range.of(intended.node(pair.source()).address()),
            Range.of(intended.node(pair.destination()).address()), Range.of(pair.protocol()), change.ports());
        final long port = change.ports().lower();
        final var before = verdictAt(new Verifier(intended).evaluate(space), port);
        final var after = verdictAt(new Verifier(actual).evaluate(space), port);
        var ports = change.ports();
        ports = before == null ? ports : ports.intersect(before.space().port());
        ports = after == null ? ports : ports.intersect(after.space().port());
        return Optional.of(new Difference(pair.source(), pair.destination(), pair.protocol(), ports,
            before == null ? change.before() : before.outcome(), after == null ? change.after() : after.outcome(),
            hop(before, change.before(), change), hop(after, change.after(), change)));
    }

    /** The verdict of the class that holds a port, or null. */
    private static Verdict verdictAt(final List<Verdict> verdicts, final long port) {
        return verdicts.stream().filter(verdict -> verdict.space().port().contains(port)).findFirst().orElse(null);
    }

    private static Hop hop(final Verdict verdict, final Outcome outcome, final WhatIf.Change change) {
        return verdict != null ? verdict.decisive() : new Hop("unknown", change.responsible(), outcome);
    }

    /** The first packets of new connections one switch handles otherwise with the deployed flows. */
    private static Optional<Difference> atSwitch(final String node, final SwitchTables intended,
            final SwitchTables deployed) {
        for (boolean fromUplink : List.of(false, true)) {
            final var hop = (fromUplink ? "ingress " : "egress ") + node;
            for (int protocol : PROTOCOLS) {
                final var space = new Space(Range.ANY_ADDRESS, Range.ANY_ADDRESS, Range.of(protocol),
                    protocol == Query.ICMP ? Range.of(0) : PORTS);
                final var planned = intended.walk(space, fromUplink, false);
                final var actual = deployed.walk(space, fromUplink, false);
                Difference first = null;
                Space firstSpace = null;
                for (var before : planned) {
                    for (var after : actual) {
                        final var common = outcome(before.action()) == outcome(after.action()) ? null
                            : before.space().intersect(after.space());
                        if (common != null && (firstSpace == null || FIRST_SPACE.compare(common, firstSpace) < 0)) {
                            firstSpace = common;
                            first = new Difference(common.source().toAddresses(), common.destination().toAddresses(),
                                protocol, common.port(), outcome(before.action()), outcome(after.action()),
                                switchHop(hop, before), switchHop(hop, after));
                        }
                    }
                }
                if (first != null) {
                    return Optional.of(first);
                }
            }
        }
        return Optional.empty();
    }

    private static Hop switchHop(final String name, final SwitchTables.Result result) {
        final var decisive = result.decisive();
        return new Hop(name, decisive == null ? new Element(Element.Kind.PIPELINE, "table-miss")
            : decisive.element(), outcome(result.action()));
    }

    private static Outcome outcome(final Action action) {
        return switch (Objects.requireNonNull(action)) {
            case FORWARD -> Outcome.ACCEPT;
            case REJECT -> Outcome.REJECT;
            default -> Outcome.DROP;
        };
    }
}
