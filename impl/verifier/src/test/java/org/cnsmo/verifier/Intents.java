/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.DnsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.RecordBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.FirewallBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.MemberBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.VipBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.NodesBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.DatapathId;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Hand-built intents for the verifier's tests: nodes with switches and overlay addresses, rules, filters,
 * bundle clients, load balancers and DNS records.
 */
final class Intents {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private final List<LoadBalancer> balancers = new ArrayList<>();
    private final List<Record> records = new ArrayList<>();

    /** A node with a switch (datapath id) and an overlay address that runs the firewall. */
    Intents node(final String name, final int datapathId, final String address) {
        return node(name, datapathId, address, Set.of(Service.Sdn, Service.Firewall));
    }

    private Intents node(final String name, final int datapathId, final String address,
            final Set<Service> services) {
        nodes.add(new NodeBuilder().setName(new NodeName(name)).setService(services)
            .setDatapathId(new DatapathId(Uint64.valueOf(datapathId))).build());
        return client(name, address);
    }

    /** A node with a switch that does not list the firewall service: rules without a node skip it. */
    Intents nodeWithoutFirewall(final String name, final int datapathId, final String address) {
        return node(name, datapathId, address, Set.of(Service.Sdn));
    }

    /** A VPN client: a node's binding, or a bundle holder. */
    Intents client(final String name, final String address) {
        clients.add(new ClientBuilder().setName(new NodeName(name)).setStaticAddress(new Ipv4Address(address))
            .build());
        return this;
    }

    Intents rule(final Rule rule) {
        rules.add(rule);
        return this;
    }

    Intents filter(final String name, final String node, final int port, final String prefix) {
        filters.add(new FilterBuilder().setName(new ObjectName(name)).setNode(new NodeName(node))
            .setTcpDestinationPort(port(port)).setIpv4Destination(new Ipv4Prefix(prefix)).build());
        return this;
    }

    Intents balancer(final String name, final String vip, final int port, final String member,
            final int memberPort) {
        balancers.add(new LoadBalancerBuilder().setName(new ObjectName(name))
            .setVip(new VipBuilder().setAddress(new Ipv4Address(vip)).setPort(port(port)).build())
            .setMember(BindingMap.of(new MemberBuilder().setName(new ObjectName("m")).setAddress(
                new Ipv4Address(member)).setPort(port(memberPort)).build()))
            .build());
        return this;
    }

    Intents record(final String name, final RecordType type, final String value) {
        records.add(new RecordBuilder().setName(name).setType(type).setValue(value).build());
        return this;
    }

    Intent build() {
        return new Intent(new NodesBuilder().setNode(BindingMap.of(nodes)).build(),
            new VpnBuilder().setClient(BindingMap.of(clients)).build(),
            new DnsBuilder().setRecord(BindingMap.of(records)).build(),
            new LoadBalancersBuilder().setLoadBalancer(BindingMap.of(balancers)).build(),
            new FirewallBuilder().setRule(BindingMap.of(rules)).build(),
            new TrafficFiltersBuilder().setFilter(BindingMap.of(filters)).build());
    }

    Verifier verifier() {
        return new Verifier(Overlay.of(build()));
    }

    /** A rule on a node, in a direction, with a protocol. */
    static RuleBuilder newRule(final String name, final String node, final Rule.Direction direction,
            final Protocol protocol, final Rule.Action action, final int priority) {
        final var builder = new RuleBuilder().setName(new ObjectName(name)).setDirection(direction)
            .setProtocol(protocol).setAction(action).setPriority(Uint16.valueOf(priority));
        if (node != null) {
            builder.setNode(new NodeName(node));
        }
        return builder;
    }

    static RuleBuilder ports(final RuleBuilder rule, final int lower, final int upper) {
        if (lower == upper) {
            return rule.setPort(new DestinationPortBuilder().setDestinationPort(port(lower)).build());
        }
        return rule.setPort(new DestinationPortRangeBuilder().setDestinationPortRange(
            new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.destination.port.range
                .DestinationPortRangeBuilder().setLower(port(lower)).setUpper(port(upper)).build()).build());
    }

    static RuleBuilder from(final RuleBuilder rule, final String prefix) {
        return rule.setAddressMatch(Rule.AddressMatch.Source).setAddressRange(new Ipv4Prefix(prefix));
    }

    static RuleBuilder to(final RuleBuilder rule, final String prefix) {
        return rule.setAddressMatch(Rule.AddressMatch.Destination).setAddressRange(new Ipv4Prefix(prefix));
    }

    static PortNumber port(final int port) {
        return new PortNumber(Uint16.valueOf(port));
    }
}
