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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cnsmo.verifier.FlowRule.Action;
import org.cnsmo.verifier.Overlay.NodeView;

/**
 * What a change does to reachability between nodes: every (source node, destination node, protocol) triple is a
 * class over the whole port range, evaluated before and after, and every port range whose outcome differs is a
 * change. Pairs whose two nodes have equal switches and addresses before and after are not evaluated again.
 */
public final class WhatIf {
    /** TCP and UDP over every port, ICMP echo. */
    private static final List<Integer> PROTOCOLS = List.of(Query.TCP, Query.UDP, Query.ICMP);
    private static final Range PORTS = new Range(1, 65_535);

    /**
     * A (source node, destination node, protocol) triple.
     *
     * @param source the source node
     * @param destination the destination node
     * @param protocol the protocol number
     */
    public record Pair(String source, String destination, int protocol) {
        public Pair {
            requireNonNull(source);
            requireNonNull(destination);
        }
    }

    /**
     * A class whose verdict changes.
     *
     * @param pair the nodes and protocol
     * @param ports the ports
     * @param before the outcome before
     * @param after the outcome after
     * @param responsible the element responsible: what decides after, unless that is the pipeline's default
     *     (then what decided before, which the change removed or overrode)
     */
    public record Change(Pair pair, Range ports, Outcome before, Outcome after, Element responsible) {
        public Change {
            requireNonNull(pair);
            requireNonNull(ports);
            requireNonNull(before);
            requireNonNull(after);
            requireNonNull(responsible);
        }

        public boolean newlyBlocked() {
            return before.passes() && !after.passes();
        }

        public boolean newlyAllowed() {
            return !before.passes() && after.passes();
        }
    }

    /**
     * The result of a comparison.
     *
     * @param compared how many triples were compared
     * @param changes the changes, by pair and port
     */
    public record Result(int compared, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private WhatIf() {
        // pure functions
    }

    /**
     * Compares reachability between nodes before and after a change.
     *
     * @param before the overlay before
     * @param after the overlay after
     * @return the changes
     */
    public static Result compare(final Overlay before, final Overlay after) {
        return compare(before, after, PairVerdictCache.NONE);
    }

    /**
     * Compares reachability between nodes before and after a change, with the verdicts of the side before from
     * a cache, which keeps them for the next change of the same intent.
     *
     * @param before the overlay before
     * @param after the overlay after
     * @param cache the verdicts of the side before, as far as already evaluated
     * @return the changes
     */
    public static Result compare(final Overlay before, final Overlay after, final PairVerdictCache cache) {
        final var old = new PairEvaluator(before, cache);
        final var now = new PairEvaluator(after, PairVerdictCache.NONE);
        final var changed = new HashSet<String>();
        for (var node : after.nodes().values()) {
            if (!node.equals(before.node(node.name()))) {
                changed.add(node.name());
            }
        }
        final var changes = new ArrayList<Change>();
        int compared = 0;
        for (var source : after.nodes().values()) {
            for (var destination : after.nodes().values()) {
                if (source == destination || source.address() < 0 || destination.address() < 0) {
                    continue;
                }
                compared += PROTOCOLS.size();
                final var sourceBefore = before.node(source.name());
                final var destinationBefore = before.node(destination.name());
                if (!changed.contains(source.name()) && !changed.contains(destination.name())) {
                    continue;
                }
                for (int protocol : PROTOCOLS) {
                    final var pair = new Pair(source.name(), destination.name(), protocol);
                    diff(pair, old.verdicts(sourceBefore, destinationBefore, protocol),
                        now.verdicts(source, destination, protocol), changes);
                }
            }
        }
        return new Result(compared, changes);
    }

    /**
     * Every (source node, destination node, protocol) class of an overlay, each cut into port ranges.
     *
     * @param overlay the overlay
     * @return the verdicts per triple
     */
    public static Map<Pair, List<Verdict>> classes(final Overlay overlay) {
        final var evaluator = new PairEvaluator(overlay, PairVerdictCache.NONE);
        final var classes = new LinkedHashMap<Pair, List<Verdict>>();
        for (var source : overlay.nodes().values()) {
            for (var destination : overlay.nodes().values()) {
                if (source != destination && source.address() >= 0 && destination.address() >= 0) {
                    for (int protocol : PROTOCOLS) {
                        classes.put(new Pair(source.name(), destination.name(), protocol),
                            evaluator.verdicts(source, destination, protocol));
                    }
                }
            }
        }
        return classes;
    }

    /**
     * The verdicts of node pairs, as {@link Verifier#evaluate} gives them, from each switch walked once per
     * protocol: the source's egress for every destination, the destination's ingress for every source. A pair
     * then only intersects port ranges.
     */
    static final class PairEvaluator {
        private final Verifier verifier;
        private final PairVerdictCache cache;
        private final long[] addresses;
        private final Map<Walk, Map<Long, List<Step>>> egress = new HashMap<>();
        private final Map<Walk, Map<Long, List<Step>>> ingress = new HashMap<>();
        private final Map<Walk, Map<Long, List<SwitchTables.Result>>> replyOut = new HashMap<>();
        private final Map<Walk, Map<Long, List<SwitchTables.Result>>> replyIn = new HashMap<>();

        PairEvaluator(final Overlay overlay, final PairVerdictCache cache) {
            verifier = new Verifier(overlay);
            this.cache = requireNonNull(cache);
            addresses = overlay.nodes().values().stream().mapToLong(NodeView::address).filter(address -> address >= 0)
                .sorted().distinct().toArray();
        }

        /** A sub-class out of a switch and its hop. */
        private record Step(SwitchTables.Result result, Hop hop) {
        }

        /** A node's switch walked for one protocol. */
        private record Walk(String node, int protocol) {
        }

        /**
         * A switch's results (or steps), by the node address the other end of a pair has, each list in the walk's
         * order.
         */
        private <T> Map<Long, List<T>> byAddress(final List<T> items, final Function<T, Range> end) {
            final var byAddress = new HashMap<Long, List<T>>();
            for (var item : items) {
                final var range = end.apply(item);
                int index = Arrays.binarySearch(addresses, range.lower());
                for (index = index < 0 ? -index - 1 : index; index < addresses.length
                        && addresses[index] <= range.upper(); index++) {
                    byAddress.computeIfAbsent(addresses[index], address -> new ArrayList<>()).add(item);
                }
            }
            return byAddress;
        }

        private static List<Step> steps(final String hop, final List<SwitchTables.Result> results) {
            return results.stream().map(result -> new Step(result, Verifier.switchHop(hop, result))).toList();
        }

        List<Verdict> verdicts(final NodeView source, final NodeView destination, final int protocol) {
            if (source == null || destination == null || source.address() < 0 || destination.address() < 0) {
                return List.of();
            }
            final var ports = protocol == Query.ICMP ? Range.of(0) : PORTS;
            final var from = Range.of(source.address());
            final var to = Range.of(destination.address());
            final var proto = Range.of(protocol);
            if (source.tables() == null || destination.tables() == null) {
                return Verifier.merge(verifier.evaluate(new Space(from, to, proto, ports)));
            }
            return cache.verdicts(source, destination, protocol, () -> betweenSwitches(source, destination,
                protocol));
        }

        /** The verdicts between two nodes that both have a switch: a function of the two alone. */
        private List<Verdict> betweenSwitches(final NodeView source, final NodeView destination, final int protocol) {
            final var ports = protocol == Query.ICMP ? Range.of(0) : PORTS;
            final var from = Range.of(source.address());
            final var to = Range.of(destination.address());
            final var proto = Range.of(protocol);
            final var out = egress.computeIfAbsent(new Walk(source.name(), protocol), key -> byAddress(steps(
                "egress " + source.name(), source.tables().walk(new Space(from, Range.ANY_ADDRESS, proto, ports),
                    false, false)), step -> step.result().space().destination()))
                .getOrDefault(destination.address(), List.of());
            final var in = ingress.computeIfAbsent(new Walk(destination.name(), protocol), key -> byAddress(steps(
                "ingress " + destination.name(), destination.tables().walk(new Space(Range.ANY_ADDRESS, to, proto,
                    ports), true, false)), step -> step.result().space().source()))
                .getOrDefault(source.address(), List.of());
            final var verdicts = new ArrayList<Verdict>();
            Verifier.Reply reply = null;
            boolean replied = false;
            for (var leaving : out) {
                final var leavingSpace = leaving.result().space();
                final var egressHop = leaving.hop();
                if (!egressHop.outcome().passes()) {
                    verdicts.add(new Verdict(new Space(from, to, proto, leavingSpace.port()), egressHop.outcome(),
                        List.of(egressHop)));
                    continue;
                }
                for (var arriving : in) {
                    final var common = leavingSpace.port().intersect(arriving.result().space().port());
                    if (common == null) {
                        continue;
                    }
                    final var ingressHop = arriving.hop();
                    final var space = new Space(from, to, proto, common);
                    if (!ingressHop.outcome().passes()) {
                        verdicts.add(new Verdict(space, ingressHop.outcome(), List.of(egressHop, Verifier.VPN_SERVER,
                            ingressHop)));
                        continue;
                    }
                    if (!replied) {
                        reply = reply(destination, source, protocol);
                        replied = true;
                    }
                    verdicts.add(reply == null
                        ? new Verdict(space, Outcome.ACCEPT, List.of(egressHop, Verifier.VPN_SERVER, ingressHop))
                        : new Verdict(space, reply.allBlocked() ? Outcome.DROP : Outcome.ACCEPT,
                            List.of(egressHop, Verifier.VPN_SERVER, ingressHop, reply.hop())));
                }
            }
            // one source, destination and protocol: only ports can merge
            return Verifier.mergePorts(verdicts);
        }

        /**
         * {@link Verifier#reply} from each switch's established packets walked once per protocol: the
         * destination's from the node to every address, the source's from the uplink from every address. A walk's
         * results cut to one pair's replies are the results of walking those replies alone, in the same order, as
         * the pair only narrows the class to single addresses and then to fewer ports.
         */
        private Verifier.Reply reply(final NodeView destination, final NodeView source, final int protocol) {
            final var proto = Range.of(protocol);
            final var ports = protocol == Query.ICMP ? Range.of(0) : Verifier.EPHEMERAL_PORTS;
            final var back = Range.of(source.address());
            final var leaving = replyOut.computeIfAbsent(new Walk(destination.name(), protocol), key -> byAddress(
                destination.tables().walk(new Space(Range.of(destination.address()), Range.ANY_ADDRESS, proto, ports),
                    false, true), result -> result.space().destination()))
                .getOrDefault(source.address(), List.of());
            final var arriving = replyIn.computeIfAbsent(new Walk(source.name(), protocol), key -> byAddress(
                source.tables().walk(new Space(Range.ANY_ADDRESS, back, proto, ports), true, true),
                result -> result.space().source()))
                .getOrDefault(destination.address(), List.of());
            // what the destination's switch stops comes first, then what the source's stops
            SwitchTables.Result blocked = null;
            Range blockedPorts = null;
            for (var out : leaving) {
                if (out.action() != Action.FORWARD) {
                    blocked = out;
                    blockedPorts = out.space().port();
                    break;
                }
            }
            boolean passed = false;
            for (var out : leaving) {
                if (out.action() != Action.FORWARD) {
                    continue;
                }
                final var reply = out.space().withDestination(back);
                for (var in : arriving) {
                    final var common = in.space().intersect(reply);
                    if (common == null) {
                        continue;
                    }
                    if (in.action() == Action.FORWARD) {
                        passed = true;
                    } else if (blocked == null) {
                        blocked = in;
                        blockedPorts = common.port();
                    }
                }
            }
            return blocked == null ? null : new Verifier.Reply(new Hop("reply to ports " + blockedPorts,
                blocked.decisive().element(), Outcome.DROP), !passed);
        }
    }

    /** Walks two port-ordered verdict lists, emitting the ranges whose outcome differs. */
    private static void diff(final Pair pair, final List<Verdict> before, final List<Verdict> after,
            final List<Change> changes) {
        if (before.isEmpty()) {
            // a node that did not exist or had no address: every port of the pair is new
            for (var verdict : after) {
                if (verdict.outcome().passes()) {
                    add(changes, new Change(pair, verdict.space().port(), Outcome.DROP, verdict.outcome(),
                        verdict.decisive().element()));
                }
            }
            return;
        }
        int older = 0;
        int newer = 0;
        while (older < before.size() && newer < after.size()) {
            final var old = before.get(older);
            final var now = after.get(newer);
            final var common = old.space().port().intersect(now.space().port());
            if (common != null && old.outcome() != now.outcome()) {
                final var decisive = now.decisive().element();
                final var responsible = decisive.kind() == Element.Kind.PIPELINE ? old.decisive().element()
                    : decisive;
                add(changes, new Change(pair, common, old.outcome(), now.outcome(), responsible));
            }
            if (old.space().port().upper() <= now.space().port().upper()) {
                older++;
            } else {
                newer++;
            }
        }
    }

    /** Adds a change, merged with the previous one when they are neighbours alike. */
    private static void add(final List<Change> changes, final Change change) {
        if (!changes.isEmpty()) {
            final var last = changes.get(changes.size() - 1);
            if (last.pair().equals(change.pair()) && last.before() == change.before()
                    && last.after() == change.after() && last.responsible().equals(change.responsible())
                    && last.ports().upper() + 1 == change.ports().lower()) {
                changes.set(changes.size() - 1, new Change(change.pair(), new Range(last.ports().lower(),
                    change.ports().upper()), change.before(), change.after(), change.responsible()));
                return;
            }
        }
        changes.add(change);
    }
}
