/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.FirewallBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.NodesBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.binding.util.BindingMap;

/**
 * A change not committed: entries to put and names to delete.
 *
 * @param putRules firewall rules to create or replace
 * @param deleteRules names of firewall rules to delete
 * @param putFilters traffic filters to create or replace
 * @param deleteFilters names of traffic filters to delete
 * @param deleteNodes names of nodes to delete
 * @param deleteBalancers names of load balancers to delete
 */
public record Proposal(List<Rule> putRules, Set<String> deleteRules, List<Filter> putFilters,
        Set<String> deleteFilters, Set<String> deleteNodes, Set<String> deleteBalancers) {
    public static final Proposal NONE = new Proposal(List.of(), Set.of(), List.of(), Set.of(), Set.of(), Set.of());

    public Proposal {
        putRules = List.copyOf(putRules);
        deleteRules = Set.copyOf(deleteRules);
        putFilters = List.copyOf(putFilters);
        deleteFilters = Set.copyOf(deleteFilters);
        deleteNodes = Set.copyOf(deleteNodes);
        deleteBalancers = Set.copyOf(deleteBalancers);
    }

    public boolean changesFirewall() {
        return !putRules.isEmpty() || !deleteRules.isEmpty();
    }

    public boolean changesFilters() {
        return !putFilters.isEmpty() || !deleteFilters.isEmpty();
    }

    /** The intent as it would be after the change. */
    public Intent applyTo(final Intent intent) {
        var after = intent;
        if (changesFirewall()) {
            final var builder = intent.firewall() == null ? new FirewallBuilder()
                : new FirewallBuilder(intent.firewall());
            final var rules = new LinkedHashMap<RuleKey, Rule>(builder.getRule() == null ? Map.of()
                : builder.getRule());
            deleteRules.forEach(name -> rules.remove(new RuleKey(new ObjectName(name))));
            putRules.forEach(rule -> rules.put(rule.key(), rule));
            after = after.withFirewall(builder.setRule(BindingMap.of(List.copyOf(rules.values()))).build());
        }
        if (changesFilters()) {
            final var builder = intent.filters() == null ? new TrafficFiltersBuilder()
                : new TrafficFiltersBuilder(intent.filters());
            final var filters = new LinkedHashMap<FilterKey, Filter>(builder.getFilter() == null
                ? Map.of() : builder.getFilter());
            deleteFilters.forEach(name -> filters.remove(new FilterKey(new ObjectName(name))));
            putFilters.forEach(filter -> filters.put(filter.key(), filter));
            after = after.withFilters(builder.setFilter(BindingMap.of(List.copyOf(filters.values()))).build());
        }
        if (!deleteNodes.isEmpty() && intent.nodes() != null) {
            final var builder = new NodesBuilder(intent.nodes());
            final var nodes = new LinkedHashMap<>(intent.nodes().nonnullNode());
            deleteNodes.forEach(name -> nodes.remove(new NodeKey(new NodeName(name))));
            after = after.withNodes(builder.setNode(BindingMap.of(List.copyOf(nodes.values()))).build());
        }
        if (!deleteBalancers.isEmpty() && intent.loadBalancers() != null) {
            final var builder = new LoadBalancersBuilder(intent.loadBalancers());
            final var lbs = new LinkedHashMap<>(intent.loadBalancers().nonnullLoadBalancer());
            deleteBalancers.forEach(name -> lbs.remove(new LoadBalancerKey(new ObjectName(name))));
            after = after.withLoadBalancers(builder.setLoadBalancer(BindingMap.of(List.copyOf(lbs.values()))).build());
        }
        return after;
    }
}
