/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.FirewallFlows;
import org.cnsmo.sdn.pipeline.NodeFlows;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.pipeline.PlannedFilter;
import org.cnsmo.sdn.pipeline.QosFlows;
import org.cnsmo.sdn.pipeline.QosIntent;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The flows the current intent puts on each switch, kept up to date one change at a time. Each
 * change recomputes only the owners it affects (a filter, a rule, a QoS policy, or a node and everything on
 * its switch) and returns the exact flows to write and delete. Pure: no I/O, not thread-safe.
 */
public final class FlowPlan {
    private final Map<String, SwitchBinding> bindings = new HashMap<>();
    private final Map<String, PlannedFilter> filters = new HashMap<>();
    private final Map<String, Set<String>> filtersByNode = new HashMap<>();
    private final Map<String, RuleIntent> rules = new HashMap<>();
    private final Map<String, QosIntent> qosPolicies = new HashMap<>();
    /** Per switch, the QoS meters it holds: a policy's flows go on a switch only once the meter they use is there. */
    private final Map<Uint64, Set<Long>> meters = new HashMap<>();
    private final Map<Owner, Map<Uint64, List<Flow>>> flows = new HashMap<>();
    /** The same flows by switch, so that reading one switch's owners does not scan every owner. */
    private final Map<Uint64, Map<Owner, List<Flow>>> flowsBySwitch = new HashMap<>();
    private final Map<Uint64, SwitchBinding> bindingsBySwitch = new HashMap<>();

    /** Sets or (with null) removes a node's switch binding. */
    public FlowDelta setNode(final String node, final SwitchBinding binding) {
        final var old = binding == null ? bindings.remove(node) : bindings.put(node, binding);
        if (old != null) {
            bindingsBySwitch.remove(old.datapathId(), old);
        }
        if (binding != null) {
            bindingsBySwitch.put(binding.datapathId(), binding);
        }
        final var delta = new FlowDelta();
        refresh(Owner.node(node), delta);
        for (var filter : filtersByNode.getOrDefault(node, Set.of())) {
            refresh(Owner.filter(filter), delta);
        }
        for (var rule : rules.values()) {
            if (rule.mayApplyTo(node)) {
                refresh(Owner.rule(rule.name()), delta);
            }
        }
        refreshQos(node, delta);
        return delta;
    }

    /** Sets or (with null) removes a QoS policy. */
    public FlowDelta setQos(final String name, final QosIntent policy) {
        if (policy == null) {
            qosPolicies.remove(name);
        } else {
            qosPolicies.put(name, policy);
        }
        final var delta = new FlowDelta();
        refresh(Owner.qos(name), delta);
        return delta;
    }

    /**
     * Records whether a switch holds one of the QoS meters; the flows of the policies that use it come or go.
     *
     * @param datapathId the switch
     * @param meterId the meter
     * @param held whether the switch confirmed holding it
     * @return the flows to write and delete
     */
    public FlowDelta setMeter(final Uint64 datapathId, final long meterId, final boolean held) {
        final var delta = new FlowDelta();
        final var ids = meters.computeIfAbsent(datapathId, key -> new HashSet<>());
        final boolean changed = held ? ids.add(meterId) : ids.remove(meterId);
        if (ids.isEmpty()) {
            meters.remove(datapathId);
        }
        final var binding = bindingOf(datapathId);
        if (changed && binding != null) {
            refreshQos(binding.node(), delta);
        }
        return delta;
    }

    /** The QoS policies, by name. */
    public Map<String, QosIntent> qosPolicies() {
        return Map.copyOf(qosPolicies);
    }

    private void refreshQos(final String node, final FlowDelta delta) {
        for (var policy : List.copyOf(qosPolicies.values())) {
            if (policy.appliesTo(node)) {
                refresh(Owner.qos(policy.name()), delta);
            }
        }
    }

    /** Sets or (with null) removes a traffic filter. */
    public FlowDelta setFilter(final String name, final FilterIntent filter) {
        return setPlannedFilter(name, filter == null ? null : PlannedFilter.of(filter));
    }

    /** Sets or (with null) removes a traffic filter whose flows are computed already. */
    public FlowDelta setPlannedFilter(final String name, final PlannedFilter filter) {
        final var old = filter == null ? filters.remove(name) : filters.put(name, filter);
        if (old != null) {
            final var names = filtersByNode.get(old.intent().node());
            names.remove(name);
            if (names.isEmpty()) {
                filtersByNode.remove(old.intent().node());
            }
        }
        if (filter != null) {
            filtersByNode.computeIfAbsent(filter.intent().node(), key -> new HashSet<>()).add(name);
        }
        final var delta = new FlowDelta();
        refresh(Owner.filter(name), delta);
        return delta;
    }

    /** Sets or (with null) removes a firewall rule. */
    public FlowDelta setRule(final String name, final RuleIntent rule) {
        if (rule == null) {
            rules.remove(name);
        } else {
            rules.put(name, rule);
        }
        final var delta = new FlowDelta();
        refresh(Owner.rule(name), delta);
        return delta;
    }

    /** The binding of the node a switch belongs to, or null. */
    public SwitchBinding bindingOf(final Uint64 datapathId) {
        final var binding = bindingsBySwitch.get(datapathId);
        if (binding != null) {
            return binding;
        }
        // Datapath ids are unique across nodes; this only finds a binding the index lost to a duplicate.
        return bindings.values().stream().filter(b -> b.datapathId().equals(datapathId)).findFirst().orElse(null);
    }

    /** The binding of a node, or null. */
    public SwitchBinding binding(final String node) {
        return bindings.get(node);
    }

    /** Every owner that has flows, or should have, with the switches it has them on. */
    public Map<Owner, Map<Uint64, List<Flow>>> owners() {
        return flows;
    }

    /** The filters that target a node. */
    public Set<String> filtersOf(final String node) {
        return Set.copyOf(filtersByNode.getOrDefault(node, Set.of()));
    }

    /** The node a filter targets, or null for an unknown filter. */
    public String filterNode(final String name) {
        final var filter = filters.get(name);
        return filter == null ? null : filter.intent().node();
    }

    /** The flows an owner has on one switch; empty when none. */
    public List<Flow> flowsOf(final Owner owner, final Uint64 datapathId) {
        return flows.getOrDefault(owner, Map.of()).getOrDefault(datapathId, List.of());
    }

    /** The flows of each owner on a switch. */
    public Map<Owner, List<Flow>> flowsByOwnerOn(final Uint64 datapathId) {
        return Map.copyOf(flowsBySwitch.getOrDefault(datapathId, Map.of()));
    }

    /** How many flows each owner has on a switch. */
    public Map<Owner, Integer> flowCountsOn(final Uint64 datapathId) {
        final var counts = new HashMap<Owner, Integer>();
        flowsBySwitch.getOrDefault(datapathId, Map.of())
            .forEach((owner, onSwitch) -> counts.put(owner, onSwitch.size()));
        return counts;
    }

    private void refresh(final Owner owner, final FlowDelta delta) {
        final var before = flows.getOrDefault(owner, Map.of());
        final var after = compute(owner);
        // A changed flow is deleted and added again: a flow-mod that adds a flow with another match
        // or priority does not replace the old one on the switch.
        for (var entry : before.entrySet()) {
            final var keep = Set.copyOf(after.getOrDefault(entry.getKey(), List.of()));
            for (var flow : entry.getValue()) {
                if (!keep.contains(flow)) {
                    delta.delete(entry.getKey(), flow);
                }
            }
        }
        for (var entry : after.entrySet()) {
            final var old = before.getOrDefault(entry.getKey(), List.of());
            for (var flow : entry.getValue()) {
                if (!old.contains(flow)) {
                    delta.put(entry.getKey(), flow);
                }
            }
        }
        if (after.isEmpty()) {
            flows.remove(owner);
        } else {
            flows.put(owner, after);
        }
        index(owner, before, after);
    }

    private void index(final Owner owner, final Map<Uint64, List<Flow>> before, final Map<Uint64, List<Flow>> after) {
        for (var datapathId : before.keySet()) {
            if (!after.containsKey(datapathId)) {
                final var owners = flowsBySwitch.get(datapathId);
                owners.remove(owner);
                if (owners.isEmpty()) {
                    flowsBySwitch.remove(datapathId);
                }
            }
        }
        after.forEach((datapathId, list) -> flowsBySwitch.computeIfAbsent(datapathId, key -> new HashMap<>())
            .put(owner, list));
    }

    private Map<Uint64, List<Flow>> compute(final Owner owner) {
        return switch (owner.kind()) {
            case NODE -> {
                final var binding = bindings.get(owner.name());
                yield binding == null ? Map.of() : Map.of(binding.datapathId(), NodeFlows.of(binding));
            }
            case FILTER -> {
                final var filter = filters.get(owner.name());
                final var binding = filter == null ? null : bindings.get(filter.intent().node());
                yield binding == null ? Map.of() : Map.of(binding.datapathId(), filter.flows());
            }
            case FIREWALL_RULE -> {
                final var rule = rules.get(owner.name());
                if (rule == null) {
                    yield Map.of();
                }
                final var ruleFlows = FirewallFlows.of(rule);
                final var bySwitch = new HashMap<Uint64, List<Flow>>();
                for (var binding : bindings.values()) {
                    if (rule.appliesTo(binding)) {
                        bySwitch.put(binding.datapathId(), ruleFlows);
                    }
                }
                yield bySwitch;
            }
            case QOS_POLICY -> {
                final var policy = qosPolicies.get(owner.name());
                final var bySwitch = new HashMap<Uint64, List<Flow>>();
                if (policy != null) {
                    for (var node : policy.nodes()) {
                        final var binding = bindings.get(node);
                        if (binding != null && (policy.limit() == null
                                || meters.getOrDefault(binding.datapathId(), Set.of())
                                    .contains(policy.limit().meterId()))) {
                            bySwitch.put(binding.datapathId(), QosFlows.of(policy, binding));
                        }
                    }
                }
                yield bySwitch;
            }
        };
    }

    /** All flows currently planned on a switch, for a full resynchronisation. */
    public List<Flow> flowsOn(final Uint64 datapathId) {
        final var all = new ArrayList<Flow>();
        flowsBySwitch.getOrDefault(datapathId, Map.of()).values().forEach(all::addAll);
        return all;
    }
}
