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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cnsmo.sdn.pipeline.Pipeline;
import org.cnsmo.verifier.FlowRule.Action;

/**
 * Which firewall rules never decide anything, from the flows the pipeline generates for each node's switch.
 *
 * <ul>
 * <li><b>Shadowed</b> on a node: every packet the rule matches is matched first by rules of strictly higher
 *     priority in the same firewall table (same node, same direction). The rules that take some part of it are
 *     named. Filters and pipeline flows do not count as shadowing.</li>
 * <li><b>Redundant</b> on a node: removing the rule changes the switch's outcome (accept, drop, reject) for no
 *     packet. The part of the rule that decides (what filters in table 0 and earlier flows leave of it) is
 *     evaluated through the flows after it, down to the pipeline's default accept; redundant when all of it ends
 *     as the rule would end it. A shadowed rule is redundant; a rule is also redundant when a lower rule of the
 *     same action catches all it catches, or when it accepts what the default accepts anyway.</li>
 * </ul>
 *
 * <p>Only new connections reach rules (replies pass under connection tracking), so the evaluation is of a first
 * packet. Every header is considered, including ones that cannot arrive on the overlay (a source outside it on
 * an {@code in} rule): such a rule is reported neither shadowed nor redundant. Nodes with the same rules and
 * filters in a table share one evaluation.
 */
public final class RuleUsefulness {
    private static final int INGRESS = Pipeline.TABLE_INGRESS.toJava();
    private static final int FIREWALL_IN = Pipeline.TABLE_FIREWALL_IN.toJava();
    private static final int FIREWALL_OUT = Pipeline.TABLE_FIREWALL_OUT.toJava();
    private static final long NEW_CONNECTION = SwitchTables.CT_TRACKED | SwitchTables.CT_NEW;
    /** Pipeline flows are alike on every node but for their ids. */
    private static final Element PIPELINE = new Element(Element.Kind.PIPELINE, "");

    /**
     * What one rule is on one node's switch.
     *
     * @param shadowedBy the higher-priority rules covering it, empty when it is not shadowed
     * @param redundant whether removing it changes no outcome there
     */
    public record OnNode(List<String> shadowedBy, boolean redundant) {
        public OnNode {
            shadowedBy = List.copyOf(shadowedBy);
        }

        public boolean shadowed() {
            return !shadowedBy.isEmpty();
        }
    }

    /**
     * What one rule is, over the nodes whose switch holds its flows.
     *
     * @param rule the rule's name
     * @param nodes per node it is installed on, what it is there
     */
    public record Finding(String rule, Map<String, OnNode> nodes) {
        public Finding {
            requireNonNull(rule);
            nodes = java.util.Collections.unmodifiableMap(new TreeMap<>(nodes));
        }

        /** Shadowed on every node it is installed on (and installed on one at least). */
        public boolean shadowed() {
            return !nodes.isEmpty() && nodes.values().stream().allMatch(OnNode::shadowed);
        }

        /** The rules shadowing it on some node, sorted, when it is {@link #shadowed()}; else empty. */
        public List<String> shadowedBy() {
            if (!shadowed()) {
                return List.of();
            }
            final var names = new TreeSet<String>();
            nodes.values().forEach(on -> names.addAll(on.shadowedBy()));
            return List.copyOf(names);
        }

        /** Removing it changes no outcome on any node (true as well when it is installed on none). */
        public boolean redundant() {
            return nodes.values().stream().allMatch(OnNode::redundant);
        }

        /**
         * The nodes whose result differs from the rule's overall one: where it is shadowed or redundant while it is
         * not so everywhere. Empty when every node agrees.
         */
        public Map<String, OnNode> exceptions() {
            final boolean shadowed = shadowed();
            final boolean redundant = redundant();
            final var differing = new TreeMap<String, OnNode>();
            nodes.forEach((node, on) -> {
                if (on.shadowed() && !shadowed || on.redundant() && !redundant) {
                    differing.put(node, on);
                }
            });
            return differing;
        }
    }

    /** The part of a table that decides a rule's fate: its flows for a new connection, pipeline ids left out. */
    private record Step(Space match, Action action, int nextTable, int priority, Element element) {
        static Step of(final FlowRule flow) {
            final var element = flow.element().kind() == Element.Kind.PIPELINE ? PIPELINE : flow.element();
            return new Step(flow.match(), flow.action(), flow.nextTable(), flow.priority(), element);
        }

        boolean rule() {
            return element.kind() == Element.Kind.RULE;
        }

        boolean sameEnd(final Step other) {
            return action == other.action && (action != Action.GOTO && action != Action.TRACK
                || nextTable == other.nextTable);
        }
    }

    private RuleUsefulness() {
        // pure functions
    }

    /**
     * Every rule of an overlay, shadowed and redundant.
     *
     * @param overlay the overlay
     * @return per rule name, its finding; every rule of the intent is there, installed somewhere or not
     */
    public static Map<String, Finding> of(final Overlay overlay) {
        final var perRule = new HashMap<String, Map<String, OnNode>>();
        overlay.rules().forEach(rule -> perRule.put(rule.name(), new HashMap<>()));
        // Nodes with the same rules in a table share its evaluation without filters; a node's filters only change
        // whether the rules they intersect are redundant.
        final var withoutFilters = new HashMap<List<Step>, Map<String, OnNode>>();
        for (var node : overlay.nodes().values()) {
            final var tables = node.tables();
            if (tables == null) {
                continue;
            }
            for (int table : new int[] { FIREWALL_IN, FIREWALL_OUT }) {
                final boolean uplink = table == FIREWALL_IN;
                final var ingress = steps(tables.table(INGRESS), uplink, 0);
                final var steps = steps(tables.table(table), uplink, NEW_CONNECTION);
                if (steps.stream().noneMatch(Step::rule)) {
                    continue;
                }
                final var classify = ingress.stream().filter(step -> step.element().kind() != Element.Kind.FILTER)
                    .toList();
                final var filters = ingress.stream().filter(step -> step.element().kind() == Element.Kind.FILTER)
                    .toList();
                final var result = new HashMap<>(withoutFilters.computeIfAbsent(steps,
                    key -> evaluate(table, classify, key)));
                if (!filters.isEmpty()) {
                    byRule(steps).forEach((rule, indices) -> {
                        if (indices.stream().anyMatch(index -> filters.stream()
                                .anyMatch(filter -> filter.match().intersects(steps.get(index).match())))) {
                            final var on = result.get(rule);
                            result.put(rule, new OnNode(on.shadowedBy(), indices.stream()
                                .allMatch(index -> redundant(table, ingress, steps, index))));
                        }
                    });
                }
                result.forEach((rule, on) -> perRule.computeIfAbsent(rule, name -> new HashMap<>())
                    .put(node.name(), on));
            }
        }
        final var findings = new TreeMap<String, Finding>();
        perRule.forEach((rule, nodes) -> findings.put(rule, new Finding(rule, nodes)));
        return findings;
    }

    private static List<Step> steps(final List<FlowRule> flows, final boolean uplink, final long ctState) {
        return flows.stream().filter(flow -> flow.applies(uplink, ctState)).map(Step::of).toList();
    }

    /** Every rule of one firewall table, given the table-0 flows that lead there. */
    private static Map<String, OnNode> evaluate(final int table, final List<Step> ingress, final List<Step> steps) {
        final var result = new HashMap<String, OnNode>();
        byRule(steps).forEach((rule, indices) -> {
            final var covering = new LinkedHashSet<String>();
            boolean shadowed = true;
            boolean redundant = true;
            for (int index : indices) {
                final var cover = shadowing(steps, index);
                if (cover == null) {
                    shadowed = false;
                } else {
                    covering.addAll(cover);
                }
                redundant &= redundant(table, ingress, steps, index);
            }
            result.put(rule, new OnNode(shadowed ? List.copyOf(covering) : List.of(), redundant));
        });
        return result;
    }

    /** The indices of each rule's flows in a table. */
    private static Map<String, List<Integer>> byRule(final List<Step> steps) {
        final var byRule = new HashMap<String, List<Integer>>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).rule()) {
                byRule.computeIfAbsent(steps.get(i).element().name(), name -> new ArrayList<>()).add(i);
            }
        }
        return byRule;
    }

    /** The rules of strictly higher priority covering a flow, in table order, or null when some of it is left. */
    private static List<String> shadowing(final List<Step> steps, final int index) {
        final var flow = steps.get(index);
        var pieces = List.of(flow.match());
        final var covering = new ArrayList<String>();
        for (int i = 0; i < index && !pieces.isEmpty(); i++) {
            final var higher = steps.get(i);
            if (!higher.rule() || higher.priority() <= flow.priority()
                    || higher.element().equals(flow.element())) {
                continue;
            }
            final var rest = minus(pieces, higher.match());
            if (rest != null) {
                covering.add(higher.element().name());
                pieces = rest;
            }
        }
        return pieces.isEmpty() ? covering : null;
    }

    /**
     * Whether every packet the flow decides (what reaches the table and no earlier flow took) ends the same way
     * without it: through the later flows, else the table miss (drop).
     */
    private static boolean redundant(final int table, final List<Step> ingress, final List<Step> steps,
            final int index) {
        final var flow = steps.get(index);
        var pieces = reaching(table, ingress, flow.match());
        for (int i = 0; i < index && !pieces.isEmpty(); i++) {
            if (!steps.get(i).element().equals(flow.element())) {
                final var rest = minus(pieces, steps.get(i).match());
                if (rest != null) {
                    pieces = rest;
                }
            }
        }
        for (int i = index + 1; i < steps.size() && !pieces.isEmpty(); i++) {
            final var later = steps.get(i);
            if (later.element().equals(flow.element())) {
                continue;
            }
            final var rest = minus(pieces, later.match());
            if (rest != null) {
                if (!later.sameEnd(flow)) {
                    return false;
                }
                pieces = rest;
            }
        }
        return pieces.isEmpty() || flow.action() == Action.DROP;
    }

    /** The part of a class that table 0 sends to a firewall table (filters drop before it). */
    private static List<Space> reaching(final int table, final List<Step> ingress, final Space space) {
        var pieces = List.of(space);
        final var reached = new ArrayList<Space>();
        for (var step : ingress) {
            if (pieces.isEmpty()) {
                break;
            }
            final var matched = new ArrayList<Space>();
            final var rest = new ArrayList<Space>();
            for (var piece : pieces) {
                final var common = piece.intersect(step.match());
                if (common == null) {
                    rest.add(piece);
                } else {
                    matched.add(common);
                    rest.addAll(piece.minus(step.match()));
                }
            }
            if (step.action() == Action.GOTO && step.nextTable() == table) {
                reached.addAll(matched);
            }
            pieces = rest;
        }
        return reached;
    }

    /** The pieces without a box, or null when the box takes nothing of them. */
    private static List<Space> minus(final List<Space> pieces, final Space box) {
        boolean took = false;
        final var rest = new ArrayList<Space>(pieces.size());
        for (var piece : pieces) {
            if (piece.intersects(box)) {
                took = true;
                rest.addAll(piece.minus(box));
            } else {
                rest.add(piece);
            }
        }
        return took ? rest : null;
    }
}
