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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.cnsmo.sdn.pipeline.FilterFlows;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.FirewallFlows;
import org.cnsmo.sdn.pipeline.NodeFlows;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;

/**
 * The overlay as the verifier evaluates it: each node's switch with the flows the SDN pipeline generates for
 * the intent (the same {@link NodeFlows}, {@link FilterFlows} and {@link FirewallFlows} the renderer installs),
 * the overlay addresses the VPN binds, the VPN server, DNS names and load balancers.
 */
public final class Overlay {
    static final String DEFAULT_SUBNET = "10.8.0.0/24";
    static final String DEFAULT_DOMAIN = "overlay";

    /**
     * A node.
     *
     * @param name its name
     * @param address its overlay address, or -1 when the VPN binds none
     * @param tables its switch's flows, or null when it has no datapath id (no CNSMO switch)
     */
    public record NodeView(String name, long address, @Nullable SwitchTables tables) {
        public NodeView {
            requireNonNull(name);
        }
    }

    /**
     * A load balancer member.
     *
     * @param name its name
     * @param address its address
     * @param port its port
     */
    public record Member(String name, long address, int port) {
        public Member {
            requireNonNull(name);
        }
    }

    /**
     * A load balancer: TCP connections to the VIP's port are passed on by HAProxy on the controller host.
     *
     * @param name its name
     * @param vip its VIP
     * @param port its VIP port
     * @param members its members
     */
    public record Balancer(String name, long vip, int port, List<Member> members) {
        public Balancer {
            requireNonNull(name);
            members = List.copyOf(members);
        }
    }

    private final Map<String, NodeView> nodes;
    private final Map<Long, NodeView> nodesByAddress;
    private final Map<Long, String> clients;
    private final Map<String, Balancer> balancers;
    private final Map<Long, Balancer> balancersByVip;
    private final Map<String, String> names;
    private final Range subnet;
    private final long server;
    private final List<RuleIntent> rules;
    private final List<FilterIntent> filters;

    private Overlay(final Builder builder) {
        nodes = Collections.unmodifiableMap(new TreeMap<>(builder.nodes));
        nodesByAddress = Map.copyOf(builder.nodesByAddress);
        clients = Map.copyOf(builder.clients);
        balancers = Collections.unmodifiableMap(new TreeMap<>(builder.balancers));
        balancersByVip = Map.copyOf(builder.balancersByVip);
        names = Map.copyOf(builder.names);
        subnet = builder.subnet;
        server = builder.server;
        rules = List.copyOf(builder.rules);
        filters = List.copyOf(builder.filters);
    }

    /**
     * The overlay an intent describes.
     *
     * @param intent the intent
     * @return the overlay
     * @throws IllegalArgumentException when the intent holds a value the pipeline cannot render
     */
    public static Overlay of(final Intent intent) {
        return of(intent, SwitchTablesCache.NONE);
    }

    /**
     * The overlay an intent describes, with the switch tables of nodes whose inputs are unchanged from a cache.
     *
     * @param intent the intent
     * @param cache the switch tables already built
     * @return the overlay
     * @throws IllegalArgumentException when the intent holds a value the pipeline cannot render
     */
    public static Overlay of(final Intent intent, final SwitchTablesCache cache) {
        final var builder = new Builder();
        final var vpn = intent.vpn();
        final var server = vpn == null ? null : vpn.getServer();
        final var network = Ipv4Network.parse(server == null || server.getSubnet() == null ? DEFAULT_SUBNET
            : server.getSubnet().getValue()).canonical();
        builder.subnet = Range.of(network);
        builder.server = builder.subnet.lower() + 1;
        final var clientAddresses = new HashMap<String, Long>();
        if (vpn != null) {
            for (var client : vpn.nonnullClient().values()) {
                if (client.getStaticAddress() != null && !Boolean.TRUE.equals(client.getRevoked())) {
                    final long address = Range.address(client.getStaticAddress().getValue()).lower();
                    clientAddresses.put(client.requireName().getValue(), address);
                    builder.clients.put(address, client.requireName().getValue());
                }
            }
        }
        if (intent.firewall() != null) {
            intent.firewall().nonnullRule().values().forEach(rule -> builder.rules.add(RuleIntent.of(rule)));
        }
        if (intent.filters() != null) {
            intent.filters().nonnullFilter().values().forEach(filter -> builder.filters.add(FilterIntent.of(filter)));
        }
        final var elements = new HashMap<Long, Element>();
        builder.rules.forEach(rule -> elements.put(Cookies.of(Kind.FIREWALL_RULE, rule.name()).longValue(),
            new Element(Element.Kind.RULE, rule.name())));
        builder.filters.forEach(filter -> elements.put(Cookies.of(Kind.FILTER, filter.name()).longValue(),
            new Element(Element.Kind.FILTER, filter.name())));
        // by name, with the element each one's cookie names once all are in (two names may share a cookie)
        final var rules = builder.rules.stream().sorted(Comparator.comparing(RuleIntent::name))
            .map(rule -> new Rendered<>(rule, elements.get(Cookies.of(Kind.FIREWALL_RULE, rule.name()).longValue())))
            .toList();
        final var filters = builder.filters.stream().sorted(Comparator.comparing(FilterIntent::name))
            .map(filter -> new Rendered<>(filter, elements.get(Cookies.of(Kind.FILTER, filter.name()).longValue())))
            .toList();
        final var nodes = intent.nodes();
        if (nodes != null) {
            for (var node : nodes.nonnullNode().values()) {
                final var name = node.requireName().getValue();
                final var binding = SwitchBinding.of(node);
                SwitchTables tables = null;
                if (binding != null) {
                    final var inputs = inputs(binding, rules, filters);
                    tables = cache.tables(inputs, () -> tables(binding, flows(binding, inputs.rules(),
                        inputs.filters()), elements));
                }
                final var view = new NodeView(name, clientAddresses.getOrDefault(name, -1L), tables);
                builder.nodes.put(name, view);
                if (view.address() >= 0) {
                    builder.nodesByAddress.put(view.address(), view);
                }
                builder.names.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        readBalancers(intent, builder);
        readDns(intent, builder);
        return new Overlay(builder);
    }

    /**
     * The same overlay with one node's switch holding other flows: those read back from it, for example.
     *
     * @param node the node's name
     * @param tables its switch's flows, or null for no CNSMO switch
     * @return the overlay, or this one when it has no such node
     */
    public Overlay withTables(final String node, final @Nullable SwitchTables tables) {
        final var old = nodes.get(node);
        return old == null ? this : new Overlay(this, new NodeView(node, old.address(), tables));
    }

    private Overlay(final Overlay base, final NodeView replaced) {
        final var nodeMap = new TreeMap<>(base.nodes);
        nodeMap.put(replaced.name(), replaced);
        nodes = Collections.unmodifiableMap(nodeMap);
        final var byAddress = new HashMap<>(base.nodesByAddress);
        if (replaced.address() >= 0) {
            byAddress.put(replaced.address(), replaced);
        }
        nodesByAddress = Map.copyOf(byAddress);
        clients = base.clients;
        balancers = base.balancers;
        balancersByVip = base.balancersByVip;
        names = base.names;
        subnet = base.subnet;
        server = base.server;
        rules = base.rules;
        filters = base.filters;
    }

    /** A rule or filter and the element its cookie names. */
    private record Rendered<T>(T intent, Element element) {
    }

    /**
     * What a node's switch tables are made of: the rules and filters {@link #flows} renders on it, by name, so
     * that the order the datastore lists them in changes nothing.
     */
    private static SwitchTablesCache.Inputs inputs(final SwitchBinding binding,
            final List<Rendered<RuleIntent>> rules, final List<Rendered<FilterIntent>> filters) {
        final var applied = new ArrayList<RuleIntent>();
        final var filtered = new ArrayList<FilterIntent>();
        final var named = new ArrayList<Element>();
        for (var rule : rules) {
            if (rule.intent().appliesTo(binding)) {
                applied.add(rule.intent());
                named.add(rule.element());
            }
        }
        for (var filter : filters) {
            if (filter.intent().node().equals(binding.node())) {
                filtered.add(filter.intent());
                named.add(filter.element());
            }
        }
        return new SwitchTablesCache.Inputs(binding, applied, filtered, named);
    }

    /** The flows the SDN pipeline generates for one node's switch. */
    public static List<Flow> flows(final SwitchBinding binding, final List<RuleIntent> rules,
            final List<FilterIntent> filters) {
        final var flows = new ArrayList<Flow>(NodeFlows.of(binding));
        for (var filter : filters) {
            if (filter.node().equals(binding.node())) {
                flows.addAll(FilterFlows.of(filter));
            }
        }
        for (var rule : rules) {
            if (rule.appliesTo(binding)) {
                flows.addAll(FirewallFlows.of(rule));
            }
        }
        return flows;
    }

    /** A switch's flows, read for the verifier. */
    public static SwitchTables tables(final SwitchBinding binding, final List<? extends
            org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow> flows,
            final Map<Long, Element> elements) {
        final var uplink = binding.portId(binding.uplinkPort());
        return new SwitchTables(binding.node(), flows.stream()
            .map(flow -> FlowReader.read(flow, uplink, elements::get))
            .toList());
    }

    public Map<String, NodeView> nodes() {
        return nodes;
    }

    public @Nullable NodeView node(final String name) {
        return nodes.get(name);
    }

    public @Nullable NodeView nodeAt(final long address) {
        return nodesByAddress.get(address);
    }

    /** The VPN client bound to an address (a node or a bundle holder), or null. */
    public @Nullable String clientAt(final long address) {
        return clients.get(address);
    }

    public @Nullable Balancer balancer(final String name) {
        return balancers.get(name);
    }

    public @Nullable Balancer balancerAt(final long vip) {
        return balancersByVip.get(vip);
    }

    public Map<String, Balancer> balancers() {
        return balancers;
    }

    /**
     * The address a DNS name of the overlay resolves to (user records, following CNAMEs, and
     * {@code <node>.<domain>}), or -1.
     */
    public long resolve(final String name) {
        var current = name.toLowerCase(Locale.ROOT);
        for (int hops = 0; hops < 10; hops++) {
            final var value = names.get(current);
            if (value == null) {
                return -1;
            }
            final var node = nodes.get(value);
            if (node != null) {
                return node.address();
            }
            if (value.startsWith("=")) {
                return Long.parseLong(value.substring(1));
            }
            current = value;
        }
        return -1;
    }

    /** The overlay subnet. */
    public Range subnet() {
        return subnet;
    }

    /** The VPN server's (the controller's) overlay address. */
    public long server() {
        return server;
    }

    public List<RuleIntent> rules() {
        return rules;
    }

    public List<FilterIntent> filters() {
        return filters;
    }

    private static void readBalancers(final Intent intent, final Builder builder) {
        final var lbs = intent.loadBalancers();
        if (lbs == null) {
            return;
        }
        for (var lb : lbs.nonnullLoadBalancer().values()) {
            final var vip = lb.getVip();
            if (vip == null || vip.getAddress() == null || vip.getPort() == null) {
                continue;
            }
            final var members = lb.nonnullMember().values().stream()
                .filter(member -> member.getAddress() != null && member.getPort() != null)
                .map(member -> new Member(member.requireName().getValue(),
                    Range.address(member.getAddress().getValue()).lower(), member.getPort().getValue().toJava()))
                .toList();
            final var balancer = new Balancer(lb.requireName().getValue(),
                Range.address(vip.getAddress().getValue()).lower(), vip.getPort().getValue().toJava(), members);
            builder.balancers.put(balancer.name(), balancer);
            builder.balancersByVip.put(balancer.vip(), balancer);
        }
    }

    private static void readDns(final Intent intent, final Builder builder) {
        final var dns = intent.dns();
        final var domain = (dns == null || dns.getDomain() == null ? DEFAULT_DOMAIN : dns.getDomain().getValue())
            .toLowerCase(Locale.ROOT);
        for (var node : builder.nodes.keySet()) {
            builder.names.put(node.toLowerCase(Locale.ROOT) + "." + domain, node);
        }
        if (dns == null) {
            return;
        }
        for (var record : dns.nonnullRecord().values()) {
            final var name = record.requireName().toLowerCase(Locale.ROOT);
            final var value = record.getValue();
            if (value == null) {
                continue;
            }
            final var target = record.getType() == RecordType.CNAME ? value.toLowerCase(Locale.ROOT)
                : record.getType() == RecordType.A ? "=" + Range.address(value).lower() : null;
            if (target != null) {
                builder.names.put(name, target);
                builder.names.put(name + "." + domain, target);
            }
        }
    }

    /** What {@link #of} collects. */
    private static final class Builder {
        final Map<String, NodeView> nodes = new TreeMap<>();
        final Map<Long, NodeView> nodesByAddress = new HashMap<>();
        final Map<Long, String> clients = new HashMap<>();
        final Map<String, Balancer> balancers = new TreeMap<>();
        final Map<Long, Balancer> balancersByVip = new HashMap<>();
        final Map<String, String> names = new HashMap<>();
        final List<RuleIntent> rules = new ArrayList<>();
        final List<FilterIntent> filters = new ArrayList<>();
        Range subnet;
        long server;
    }
}
