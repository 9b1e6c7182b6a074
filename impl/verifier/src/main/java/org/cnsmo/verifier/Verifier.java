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
import java.util.List;
import java.util.TreeSet;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.verifier.Answer.Reachability;
import org.cnsmo.verifier.Element.Kind;
import org.cnsmo.verifier.FlowRule.Action;
import org.cnsmo.verifier.Overlay.Balancer;
import org.cnsmo.verifier.Overlay.NodeView;

/**
 * Answers reachability questions over an {@link Overlay}, exhaustively: a question is a class of packets, which
 * every hop of the overlay path splits into the sub-classes it passes and stops.
 *
 * <ol>
 * <li>The source node's switch, packets from the node (the {@code out} firewall table, filters in table 0).</li>
 * <li>The VPN server: only a client's own overlay address (or the server's) passes as source (port
 *     security); a source that is no node passes no CNSMO switch on its way out.</li>
 * <li>At the destination: a node's switch, packets from the uplink (filters, the {@code in} table); the
 *     controller or a bundle client, delivered; a load balancer's VIP port, passed to each member with the
 *     controller's overlay address as source; anything else, nobody answers.</li>
 * <li>Replies of an accepted connection, under connection tracking: back through the destination's and the
 *     source's switch as established packets, to the source's ephemeral ports.</li>
 * </ol>
 */
public final class Verifier {
    /** The ephemeral ports replies go to (Linux's default ip_local_port_range). */
    public static final Range EPHEMERAL_PORTS = new Range(32_768, 60_999);
    private static final Range NO_PORT = Range.of(0);

    private final Overlay overlay;

    public Verifier(final Overlay overlay) {
        this.overlay = requireNonNull(overlay);
    }

    public Overlay overlay() {
        return overlay;
    }

    /**
     * Answers a question.
     *
     * @param query the question
     * @return the answer
     * @throws BadQueryException when the question names something unknown, with the field
     */
    public Answer check(final Query query) {
        if (query.protocol() != Query.TCP && query.protocol() != Query.UDP && query.protocol() != Query.ICMP) {
            throw new BadQueryException("protocol", "expected tcp, udp or icmp");
        }
        final var ports = query.protocol() == Query.ICMP ? NO_PORT : query.ports();
        final var source = source(query.source());
        final var destination = destination(query.destination());
        final var classes = merge(evaluate(new Space(source, destination, Range.of(query.protocol()), ports)));
        final long open = classes.stream().filter(verdict -> verdict.outcome().passes()).count();
        final var reachability = open == classes.size() ? Reachability.REACHABLE
            : open == 0 ? Reachability.UNREACHABLE : Reachability.PARTIALLY;
        final var shown = classes.stream().filter(verdict -> verdict.outcome().passes()).findFirst()
            .orElse(classes.get(0));
        return new Answer(reachability, classes, shown.hops().stream().map(Hop::name).toList());
    }

    /** The verdicts of a class of packets, in no particular order and not merged. */
    public List<Verdict> evaluate(final Space space) {
        final var verdicts = new ArrayList<Verdict>();
        for (var part : sources(space.source())) {
            final var sub = space.withSource(part);
            final var node = overlay.nodeAt(part.lower());
            if (node != null) {
                egress(node, sub, verdicts);
            } else if (overlay.clientAt(part.lower()) != null || part.lower() == overlay.server()) {
                toDestination(sub, List.of(), verdicts);
            } else {
                verdicts.add(new Verdict(sub, Outcome.DROP, List.of(new Hop("vpn-server",
                    new Element(Kind.PORT_SECURITY, "no client holds source " + part.toAddresses()),
                    Outcome.DROP))));
            }
        }
        return verdicts;
    }

    /** The VPN server's hop for a source that is its client's own address. */
    static final Hop VPN_SERVER = new Hop("vpn-server", new Element(Kind.PORT_SECURITY,
        "source is its client's own address"), Outcome.ACCEPT);

    /** The hop of a switch's result. */
    static Hop switchHop(final String hop, final SwitchTables.Result result) {
        final var decisive = result.decisive();
        return new Hop(hop, decisive == null ? new Element(Kind.PIPELINE, "table-miss") : decisive.element(),
            outcome(result.action()));
    }

    private void egress(final NodeView node, final Space space, final List<Verdict> verdicts) {
        final var hop = "egress " + node.name();
        if (node.tables() == null) {
            toDestination(space, List.of(new Hop(hop, new Element(Kind.DELIVERED, "no CNSMO switch"),
                Outcome.ACCEPT)), verdicts);
            return;
        }
        for (var result : node.tables().walk(space, false, false)) {
            final var hops = List.of(switchHop(hop, result));
            if (hops.get(0).outcome().passes()) {
                toDestination(result.space(), hops, verdicts);
            } else {
                verdicts.add(new Verdict(result.space(), hops.get(0).outcome(), hops));
            }
        }
    }

    private void toDestination(final Space space, final List<Hop> before, final List<Verdict> verdicts) {
        final var hops = new ArrayList<>(before);
        hops.add(VPN_SERVER);
        for (var part : destinations(space.destination())) {
            final var sub = space.withDestination(part);
            final long address = part.lower();
            final var node = overlay.nodeAt(address);
            final var balancer = overlay.balancerAt(address);
            if (node != null) {
                ingress(node, sub, hops, verdicts);
            } else if (balancer != null) {
                balance(balancer, sub, hops, verdicts);
            } else if (address == overlay.server() || overlay.clientAt(address) != null) {
                verdicts.add(finish(sub, Outcome.ACCEPT, hops, new Hop("deliver " + part.toAddresses(),
                    new Element(Kind.DELIVERED, address == overlay.server() ? "controller" : overlay.clientAt(address)),
                    Outcome.ACCEPT)));
            } else {
                verdicts.add(finish(sub, Outcome.DROP, hops, new Hop("deliver " + part.toAddresses(),
                    new Element(Kind.NO_HOST, overlay.subnet().contains(part) ? "no overlay host holds the address"
                        : "outside the overlay (not modelled)"), Outcome.DROP)));
            }
        }
    }

    private void ingress(final NodeView node, final Space space, final List<Hop> before,
            final List<Verdict> verdicts) {
        final var hop = "ingress " + node.name();
        if (node.tables() == null) {
            verdicts.add(finish(space, Outcome.ACCEPT, before, new Hop(hop,
                new Element(Kind.DELIVERED, "no CNSMO switch"), Outcome.ACCEPT)));
            return;
        }
        for (var result : node.tables().walk(space, true, false)) {
            final var hops = new ArrayList<>(before);
            final var decision = switchHop(hop, result);
            hops.add(decision);
            if (decision.outcome().passes()) {
                replies(node, result.space(), hops, verdicts);
            } else {
                verdicts.add(new Verdict(result.space(), decision.outcome(), hops));
            }
        }
    }

    /**
     * Replies of accepted connections, under connection tracking: established packets back through the
     * destination's switch (from the node) and the source's (from the uplink); stateless filters still apply.
     */
    private void replies(final NodeView destination, final Space space, final List<Hop> hops,
            final List<Verdict> verdicts) {
        final var all = new ArrayList<>(hops);
        final var reply = reply(destination, overlay.nodeAt(space.source().lower()), space);
        if (reply == null) {
            verdicts.add(new Verdict(space, Outcome.ACCEPT, all));
            return;
        }
        all.add(reply.hop());
        verdicts.add(new Verdict(space, reply.allBlocked() ? Outcome.DROP : Outcome.ACCEPT, all));
    }

    /**
     * What stops replies of a class of accepted connections.
     *
     * @param hop the hop of the first blocked replies
     * @param allBlocked whether every reply is blocked
     */
    record Reply(Hop hop, boolean allBlocked) {
        Reply {
            requireNonNull(hop);
        }
    }

    /** The replies of accepted connections of a class from a source (a node or null) to a destination node. */
    static Reply reply(final NodeView destination, final NodeView source, final Space space) {
        final var reply = new Space(space.destination(), space.source(), space.protocol(),
            space.protocol().contains(Query.ICMP) ? NO_PORT : EPHEMERAL_PORTS);
        final var blocked = new ArrayList<SwitchTables.Result>();
        var passed = replyThrough(destination, List.of(reply), false, blocked);
        if (source != null) {
            passed = replyThrough(source, passed, true, blocked);
        }
        if (blocked.isEmpty()) {
            return null;
        }
        final var first = blocked.get(0);
        return new Reply(new Hop("reply to ports " + first.space().port(), first.decisive().element(), Outcome.DROP),
            passed.isEmpty());
    }

    private static List<Space> replyThrough(final NodeView node, final List<Space> spaces, final boolean fromUplink,
            final List<SwitchTables.Result> blocked) {
        if (node.tables() == null) {
            return spaces;
        }
        final var passed = new ArrayList<Space>();
        for (var space : spaces) {
            for (var result : node.tables().walk(space, fromUplink, true)) {
                if (result.action() == Action.FORWARD) {
                    passed.add(result.space());
                } else {
                    blocked.add(result);
                }
            }
        }
        return passed;
    }

    /**
     * A load balancer's VIP: HAProxy on the controller host takes TCP connections to the VIP port and opens its
     * own to a member, from the controller's overlay address. The connection works when some member is
     * reachable that way; nothing listens on the VIP's other ports.
     */
    private void balance(final Balancer balancer, final Space space, final List<Hop> before,
            final List<Verdict> verdicts) {
        final var hop = "load-balancer " + balancer.name();
        final var vipPort = Range.of(balancer.port());
        for (var part : split(space.port(), vipPort)) {
            final var sub = space.withPort(part);
            if (!part.equals(vipPort) || !space.protocol().equals(Range.of(Query.TCP))) {
                verdicts.add(finish(sub, Outcome.REJECT, before, new Hop(hop,
                    new Element(Kind.NO_HOST, "nothing listens on the VIP's port " + part), Outcome.REJECT)));
                continue;
            }
            Verdict reached = null;
            Verdict failed = null;
            for (var member : balancer.members()) {
                final var memberSpace = new Space(Range.of(overlay.server()), Range.of(member.address()),
                    Range.of(Query.TCP), Range.of(member.port()));
                final var memberVerdicts = new ArrayList<Verdict>();
                toDestination(memberSpace, List.of(), memberVerdicts);
                for (var verdict : memberVerdicts) {
                    if (verdict.outcome().passes() && reached == null) {
                        reached = verdict;
                    } else if (!verdict.outcome().passes() && failed == null) {
                        failed = verdict;
                    }
                }
            }
            if (reached != null) {
                final var decisive = reached.hops().get(reached.hops().size() - 1);
                verdicts.add(finish(sub, Outcome.ACCEPT, before, new Hop(hop,
                    new Element(Kind.LOAD_BALANCER, "member at " + reached.space().destination().toAddresses()
                        + " port " + reached.space().port() + " reached (" + decisive + ")"), Outcome.ACCEPT)));
            } else {
                final var why = failed == null ? "no members" : "no member reachable, e.g. "
                    + failed.space().destination().toAddresses() + ": " + failed.decisive();
                verdicts.add(finish(sub, Outcome.REJECT, before, new Hop(hop, new Element(Kind.LOAD_BALANCER, why),
                    Outcome.REJECT)));
            }
        }
    }

    private static Verdict finish(final Space space, final Outcome outcome, final List<Hop> before, final Hop last) {
        final var hops = new ArrayList<>(before);
        hops.add(last);
        return new Verdict(space, outcome, hops);
    }

    static Outcome outcome(final Action action) {
        return switch (action) {
            case FORWARD -> Outcome.ACCEPT;
            case REJECT -> Outcome.REJECT;
            default -> Outcome.DROP;
        };
    }

    private Range source(final String text) {
        final var node = overlay.node(text);
        if (node != null) {
            if (node.address() < 0) {
                throw new BadQueryException("source", "node '" + text + "' has no overlay address");
            }
            return Range.of(node.address());
        }
        final var range = parse(text);
        if (range == null) {
            throw new BadQueryException("source", "'" + text + "' is neither a node nor an IPv4 address or prefix");
        }
        return range;
    }

    private Range destination(final String text) {
        final var node = overlay.node(text);
        if (node != null) {
            if (node.address() < 0) {
                throw new BadQueryException("destination", "node '" + text + "' has no overlay address");
            }
            return Range.of(node.address());
        }
        final var balancer = overlay.balancer(text);
        if (balancer != null) {
            return Range.of(balancer.vip());
        }
        final long resolved = overlay.resolve(text);
        if (resolved >= 0) {
            return Range.of(resolved);
        }
        final var range = parse(text);
        if (range == null) {
            throw new BadQueryException("destination", "'" + text
                + "' is no node, load balancer, overlay DNS name, IPv4 address or prefix");
        }
        return range;
    }

    private static Range parse(final String text) {
        try {
            return text.indexOf('/') >= 0 ? Range.of(Ipv4Network.parse(text)) : Range.address(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Sources split at every node and client address (each passes its own way), gaps in between. */
    private List<Range> sources(final Range range) {
        return cut(range);
    }

    private List<Range> destinations(final Range range) {
        return cut(range);
    }

    /** A range cut into single addresses where something is (a node, client, VIP, the server) and gaps. */
    private List<Range> cut(final Range range) {
        final var points = new TreeSet<Long>();
        overlay.nodes().values().forEach(node -> points.add(node.address()));
        overlay.balancers().values().forEach(balancer -> points.add(balancer.vip()));
        points.add(overlay.server());
        final var subnet = overlay.subnet();
        for (long address = Math.max(range.lower(), subnet.lower());
                address <= Math.min(range.upper(), subnet.upper()); address++) {
            if (overlay.clientAt(address) != null) {
                points.add(address);
            }
        }
        final var parts = new ArrayList<Range>();
        long next = range.lower();
        for (var point : points.subSet(range.lower(), true, range.upper(), true)) {
            if (point > next) {
                parts.addAll(gap(new Range(next, point - 1), subnet));
            }
            parts.add(Range.of(point));
            next = point + 1;
        }
        if (next <= range.upper()) {
            parts.addAll(gap(new Range(next, range.upper()), subnet));
        }
        return parts;
    }

    private static List<Range> gap(final Range range, final Range subnet) {
        return split(range, subnet);
    }

    /** A range cut at the bounds of another. */
    private static List<Range> split(final Range range, final Range at) {
        final var common = range.intersect(at);
        if (common == null) {
            return List.of(range);
        }
        final var parts = new ArrayList<Range>(3);
        if (range.lower() < common.lower()) {
            parts.add(new Range(range.lower(), common.lower() - 1));
        }
        parts.add(common);
        if (common.upper() < range.upper()) {
            parts.add(new Range(common.upper() + 1, range.upper()));
        }
        return parts;
    }

    /** Verdicts sorted, with neighbours along the port, then destination, then source merged when equal. */
    static List<Verdict> merge(final List<Verdict> verdicts) {
        var list = new ArrayList<>(verdicts);
        for (int field = 3; field >= 0; field--) {
            list = mergeAlong(list, field);
        }
        return list;
    }

    /**
     * Verdicts of one source, destination and protocol address each, sorted and merged as {@link #merge} does:
     * along the other fields nothing joins.
     */
    static List<Verdict> mergePorts(final List<Verdict> verdicts) {
        return mergeAlong(verdicts, 3);
    }

    private static ArrayList<Verdict> mergeAlong(final List<Verdict> verdicts, final int field) {
        final var sorted = new ArrayList<>(verdicts);
        sorted.sort(order(field));
        final var merged = new ArrayList<Verdict>(sorted.size());
        for (var verdict : sorted) {
            final var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            final var joined = last == null ? null : join(last, verdict, field);
            if (joined != null) {
                merged.set(merged.size() - 1, joined);
            } else {
                merged.add(verdict);
            }
        }
        return merged;
    }

    private static Comparator<Verdict> order(final int field) {
        Comparator<Verdict> order = Comparator.comparingInt(verdict -> 0);
        for (int other = 0; other < 4; other++) {
            if (other != field) {
                final int index = other;
                order = order.thenComparingLong(verdict -> range(verdict.space(), index).lower());
            }
        }
        return order.thenComparingLong(verdict -> range(verdict.space(), field).lower());
    }

    private static Verdict join(final Verdict first, final Verdict second, final int field) {
        if (first.outcome() != second.outcome() || !first.hops().equals(second.hops())) {
            return null;
        }
        for (int other = 0; other < 4; other++) {
            if (other != field && !range(first.space(), other).equals(range(second.space(), other))) {
                return null;
            }
        }
        final var a = range(first.space(), field);
        final var b = range(second.space(), field);
        if (a.upper() + 1 != b.lower()) {
            return null;
        }
        final var joined = new Range(a.lower(), b.upper());
        final var space = first.space();
        return first.withSpace(switch (field) {
            case 0 -> space.withSource(joined);
            case 1 -> space.withDestination(joined);
            case 2 -> new Space(space.source(), space.destination(), joined, space.port());
            default -> space.withPort(joined);
        });
    }

    private static Range range(final Space space, final int field) {
        return switch (field) {
            case 0 -> space.source();
            case 1 -> space.destination();
            case 2 -> space.protocol();
            default -> space.port();
        };
    }
}
