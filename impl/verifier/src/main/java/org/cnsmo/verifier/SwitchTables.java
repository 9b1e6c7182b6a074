/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cnsmo.sdn.pipeline.Pipeline;
import org.cnsmo.verifier.FlowRule.Action;

/**
 * The flow tables of one node's switch, evaluated symbolically: a class of packets enters table 0 and comes out
 * split into the sub-classes the switch forwards, drops and rejects, each with the flows it crossed. Flows of
 * one intent that differ only in adjacent port blocks (the port/mask cover of a range) are merged back into one
 * range first, which keeps the evaluation independent of how many masks a range needs.
 */
public final class SwitchTables {
    /** Connection tracking bits (ovs-fields(7)). */
    public static final long CT_NEW = 0x01;
    public static final long CT_ESTABLISHED = 0x02;
    public static final long CT_TRACKED = 0x20;

    private static final int MAX_DEPTH = 16;
    private static final int FIREWALL_IN = Pipeline.TABLE_FIREWALL_IN.toJava();
    private static final int FIREWALL_OUT = Pipeline.TABLE_FIREWALL_OUT.toJava();

    /**
     * A sub-class and what the switch does with it.
     *
     * @param space the packets
     * @param action FORWARD, DROP or REJECT
     * @param trail the flows that handled it, in order
     */
    public record Result(Space space, Action action, List<FlowRule> trail) {
        public Result {
            requireNonNull(space);
            requireNonNull(action);
            trail = List.copyOf(trail);
        }

        /**
         * The flow that decided: the last filter or rule crossed, else the last firewall flow that is not
         * tracking, else the last flow.
         */
        public FlowRule decisive() {
            FlowRule firewall = null;
            for (int i = trail.size() - 1; i >= 0; i--) {
                final var flow = trail.get(i);
                if (flow.element().kind() != Element.Kind.PIPELINE) {
                    return flow;
                }
                if (firewall == null && flow.action() != Action.TRACK && (flow.table() == FIREWALL_IN
                        || flow.table() == FIREWALL_OUT)) {
                    firewall = flow;
                }
            }
            if (firewall != null) {
                return firewall;
            }
            return trail.isEmpty() ? null : trail.get(trail.size() - 1);
        }
    }

    private final String node;
    private final Map<Integer, List<FlowRule>> tables;
    private final int hash;

    public SwitchTables(final String node, final List<FlowRule> flows) {
        this.node = requireNonNull(node);
        final var byTable = new HashMap<Integer, List<FlowRule>>();
        for (var flow : merge(flows)) {
            byTable.computeIfAbsent(flow.table(), table -> new ArrayList<>()).add(flow);
        }
        byTable.values().forEach(list -> list.sort(Comparator.comparingInt(FlowRule::priority).reversed()));
        tables = Map.copyOf(byTable);
        hash = node.hashCode() * 31 + tables.hashCode();
    }

    @Override
    public boolean equals(final Object obj) {
        return this == obj || obj instanceof SwitchTables other && hash == other.hash && node.equals(other.node)
            && tables.equals(other.tables);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    public String node() {
        return node;
    }

    /** The flows of a table, highest priority first. */
    public List<FlowRule> table(final int table) {
        return tables.getOrDefault(table, List.of());
    }

    /**
     * What the switch does with a class of packets.
     *
     * @param space the packets
     * @param fromUplink whether they arrive on the uplink (from the overlay) or from the node
     * @param established whether they belong to a connection the switch already committed (replies)
     * @return the sub-classes, disjoint, covering the class
     */
    public List<Result> walk(final Space space, final boolean fromUplink, final boolean established) {
        final var results = new ArrayList<Result>();
        walk(0, List.of(space), fromUplink, 0, established ? CT_TRACKED | CT_ESTABLISHED : CT_TRACKED | CT_NEW,
            new ArrayList<>(), results, 0);
        return results;
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void walk(final int table, final List<Space> pieces, final boolean fromUplink, final long ctState,
            final long trackedState, final List<FlowRule> trail, final List<Result> results, final int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Flow tables of " + node + " loop at table " + table);
        }
        var rest = pieces;
        for (var flow : table(table)) {
            if (rest.isEmpty()) {
                return;
            }
            if (!flow.applies(fromUplink, ctState)) {
                continue;
            }
            final var matched = new ArrayList<Space>();
            final var unmatched = new ArrayList<Space>();
            for (var piece : rest) {
                if (!piece.intersects(flow.match())) {
                    unmatched.add(piece);
                } else if (flow.match().contains(piece)) {
                    matched.add(piece);
                } else {
                    matched.add(piece.intersect(flow.match()));
                    unmatched.addAll(piece.minus(flow.match()));
                }
            }
            if (!matched.isEmpty()) {
                final var crossed = new ArrayList<>(trail);
                crossed.add(flow);
                final var handled = List.copyOf(crossed);
                switch (flow.action()) {
                    case GOTO -> walk(flow.nextTable(), matched, fromUplink, ctState, trackedState, handled, results,
                        depth + 1);
                    case TRACK -> walk(flow.nextTable(), matched, fromUplink, trackedState, trackedState, handled,
                        results, depth + 1);
                    default -> matched.forEach(space -> results.add(new Result(space, flow.action(), handled)));
                }
            }
            rest = unmatched;
        }
        // table miss: OpenFlow 1.3 drops
        final var missed = List.copyOf(trail);
        rest.forEach(space -> results.add(new Result(space, Action.DROP, missed)));
    }

    /**
     * Merges flows of one intent that differ only in adjacent port ranges: a rule's port/mask cover becomes its
     * port range again.
     */
    private static List<FlowRule> merge(final List<FlowRule> flows) {
        final var merged = new ArrayList<FlowRule>(flows.size());
        final var sorted = new ArrayList<>(flows);
        sorted.sort(Comparator.comparing((FlowRule flow) -> flow.element().name())
            .thenComparingInt(FlowRule::table).thenComparingInt(FlowRule::priority)
            .thenComparingLong(flow -> flow.match().port().lower()));
        FlowRule last = null;
        for (var flow : sorted) {
            if (last != null && mergeable(last, flow)) {
                last = last.withMatch(last.match().withPort(new Range(last.match().port().lower(),
                    flow.match().port().upper())));
                merged.set(merged.size() - 1, last);
            } else {
                merged.add(flow);
                last = flow;
            }
        }
        return merged;
    }

    private static boolean mergeable(final FlowRule first, final FlowRule second) {
        return first.element().kind() != Element.Kind.PIPELINE && first.element().equals(second.element())
            && first.table() == second.table() && first.priority() == second.priority()
            && first.action() == second.action() && first.nextTable() == second.nextTable()
            && first.ctState() == second.ctState() && first.ctMask() == second.ctMask()
            && first.refusalOnly() == second.refusalOnly()
            && Objects.equals(first.fromUplink(), second.fromUplink())
            && first.match().withPort(second.match().port()).equals(second.match())
            && first.match().port().upper() + 1 == second.match().port().lower();
    }
}
