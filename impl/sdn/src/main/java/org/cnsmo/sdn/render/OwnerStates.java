/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.stats.CounterHistory;
import org.cnsmo.sdn.stats.FlowCounters;
import org.cnsmo.sdn.stats.StatusWriter;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.filter.Status.Installed;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The observed state of each traffic filter and firewall rule: whether its flows are installed, pending or refused
 * (or its node has no switch), and its counters with their history. Each is published through the
 * {@link StatusWriter} when it changes, with the configuration it repeats. Confined to the renderer's thread.
 */
final class OwnerStates {
    /** What the renderer knows of the switches, as far as the states need it. */
    interface Switches {
        /**
         * Whether a switch gets its flows: connected, bound to a node, and connecting from that node's address.
         *
         * @param datapathId the switch
         * @return whether it is admitted
         */
        boolean admitted(Uint64 datapathId);

        /**
         * Why a connected switch is not admitted.
         *
         * @param datapathId the switch
         * @return the reason, or null when the switch is not connected
         */
        @Nullable String notAdmitted(Uint64 datapathId);

        /**
         * The last read of an admitted switch.
         *
         * @param datapathId the switch
         * @return the read, or null before the first one
         */
        @Nullable SwitchSnapshot snapshot(Uint64 datapathId);

        /**
         * The switch's error for the last change of an owner's flows it refused.
         *
         * @param datapathId the switch
         * @param cookie the owner's cookie
         * @return the error, or null when it took the last change
         */
        @Nullable String refusal(Uint64 datapathId, long cookie);
    }

    /**
     * A filter's published installation state.
     *
     * @param state the state
     * @param reason why it is not installed, or null
     */
    private record FilterState(Installed state, String reason) {
        // a value
    }

    /**
     * A rule's published installation state.
     *
     * @param state the state
     * @param reason why it is not installed, or null
     */
    private record RuleState(Status.Installed state, String reason) {
        // a value
    }

    private final FlowPlan plan;
    private final StatusWriter status;
    private final Switches switches;
    private final Map<Owner, CounterHistory> histories = new HashMap<>();
    /** Per filter, its last published installation state. */
    private final Map<String, FilterState> filterStates = new HashMap<>();
    /** Per rule, its last published installation state. */
    private final Map<String, RuleState> ruleStates = new HashMap<>();
    /** The configuration of each filter and rule, repeated in their published observed state. */
    private final Map<String, Filter> filters = new HashMap<>();
    private final Map<String, Rule> rules = new HashMap<>();

    /**
     * The states of the owners a plan holds.
     *
     * @param plan the flows planned for each owner, read only
     * @param status publishes the states
     * @param switches what the renderer knows of the switches
     */
    OwnerStates(final FlowPlan plan, final StatusWriter status, final Switches switches) {
        this.plan = plan;
        this.status = status;
        this.switches = switches;
    }

    /** A filter was written, and planned, or deleted (null): its state is published, or forgotten. */
    void filter(final String name, final @Nullable Filter filter) {
        if (filter == null) {
            filters.remove(name);
            histories.remove(Owner.filter(name));
            filterStates.remove(name);
            status.removeFilter(name);
        } else {
            filters.put(name, filter);
            publishFilter(name, true);
        }
    }

    /** A rule was written, and planned, or deleted (null): its state is published, or forgotten. */
    void rule(final String name, final @Nullable Rule rule) {
        if (rule == null) {
            rules.remove(name);
            histories.remove(Owner.rule(name));
            ruleStates.remove(name);
            status.removeRule(name);
        } else {
            rules.put(name, rule);
            publishRule(name, true);
        }
    }

    /** The node of these filters or its switch changed: their states are published where they changed. */
    void filtersOf(final String node) {
        for (var filter : plan.filtersOf(node)) {
            if (filterStates.containsKey(filter)) {
                publishFilter(filter, false);
            }
        }
    }

    /** Publishes every state again, changed or not: what was published last was lost. */
    void republish() {
        for (var name : List.copyOf(filterStates.keySet())) {
            publishFilter(name, true);
        }
        for (var name : List.copyOf(rules.keySet())) {
            publishRule(name, true);
        }
    }

    /** A switch was read: the counters of the owners with flows on it are recorded, and published if changed. */
    void counters(final Uint64 datapathId, final Instant now) {
        for (var owner : plan.flowCountsOn(datapathId).keySet()) {
            if (owner.kind() == Cookies.Kind.NODE || owner.kind() == Cookies.Kind.QOS_POLICY) {
                // QoS policies count with their meters (QosRenderer), not their flows.
                continue;
            }
            final var history = histories.computeIfAbsent(owner, key -> new CounterHistory());
            final boolean changed = history.record(now, totalCounters(owner));
            if (owner.kind() == Cookies.Kind.FILTER) {
                publishFilter(owner.name(), changed);
            } else {
                publishRule(owner.name(), changed);
            }
        }
    }

    /** A switch refused or took the flows of the owner of a cookie: its state is published again. */
    void owner(final Uint64 datapathId, final long cookie) {
        for (var owner : plan.flowsByOwnerOn(datapathId).keySet()) {
            if (owner.cookie().longValue() == cookie) {
                switch (owner.kind()) {
                    case FILTER -> publishFilter(owner.name(), true);
                    case FIREWALL_RULE -> publishRule(owner.name(), true);
                    default -> {
                        // nodes' base flows and QoS policies publish no installation state of flows
                    }
                }
                return;
            }
        }
    }

    /** An owner's counters summed over every switch it has flows on, as last read. */
    private FlowCounters totalCounters(final Owner owner) {
        var total = FlowCounters.NONE;
        for (var datapathId : plan.owners().getOrDefault(owner, Map.of()).keySet()) {
            final var snapshot = switches.snapshot(datapathId);
            if (snapshot != null) {
                total = total.plus(snapshot.counters(owner.cookie().longValue()));
            }
        }
        return total;
    }

    private void publishFilter(final String name, final boolean changed) {
        final var node = plan.filterNode(name);
        final var config = filters.get(name);
        if (node == null || config == null) {
            return;
        }
        final var owner = Owner.filter(name);
        final var binding = plan.binding(node);
        final FilterState state;
        List<Flow> flows = List.of();
        if (binding == null) {
            state = new FilterState(Installed.NodeAbsent, "Node " + node + " names no switch (datapath-id)");
        } else if (!switches.admitted(binding.datapathId())) {
            final var notAdmitted = switches.notAdmitted(binding.datapathId());
            state = new FilterState(Installed.NodeAbsent, notAdmitted != null ? "Node " + node + ": " + notAdmitted
                : "Switch " + binding.switchId().getValue() + " of node " + node + " is not connected");
        } else {
            flows = plan.flowsOf(owner, binding.datapathId());
            final var snapshot = switches.snapshot(binding.datapathId());
            // a cookie is a hash of the name: worth computing once
            final long cookie = owner.cookie().longValue();
            final var refusal = switches.refusal(binding.datapathId(), cookie);
            final boolean onSwitch = snapshot != null && snapshot.counters(cookie).flows() >= flows.size();
            if (refusal != null) {
                state = new FilterState(Installed.Failed, refusalReason(binding.datapathId(), refusal));
            } else {
                state = onSwitch ? new FilterState(Installed.Installed, null)
                    : new FilterState(Installed.Pending, "Waiting for the switch to confirm the flows");
            }
        }
        if (!changed && state.equals(filterStates.get(name))) {
            return;
        }
        filterStates.put(name, state);
        status.filter(config, state.state(), state.reason(),
            flows.stream().map(flow -> flow.getId().getValue()).toList(), histories.get(owner));
    }

    private static String refusalReason(final Uint64 datapathId, final String error) {
        return "Switch openflow:" + datapathId + " refused the last change and keeps what it had: " + error;
    }

    /** Publishes a rule's installation state, and its counters, when either changed. */
    private void publishRule(final String name, final boolean changed) {
        final var config = rules.get(name);
        if (config == null) {
            return;
        }
        final var state = ruleState(Owner.rule(name));
        if (!changed && state.equals(ruleStates.get(name))) {
            return;
        }
        ruleStates.put(name, state);
        status.rule(config, histories.get(Owner.rule(name)), state.state(), state.reason());
    }

    /**
     * A rule is failed when a switch refused its last change, installed when every admitted switch it applies to
     * holds all its flows, and pending otherwise.
     */
    private RuleState ruleState(final Owner owner) {
        final long cookie = owner.cookie().longValue();
        final var perSwitch = plan.owners().getOrDefault(owner, Map.of());
        for (var datapathId : perSwitch.keySet()) {
            final var refusal = switches.refusal(datapathId, cookie);
            if (refusal != null) {
                return new RuleState(Status.Installed.Failed, refusalReason(datapathId, refusal));
            }
        }
        for (var entry : perSwitch.entrySet()) {
            if (!switches.admitted(entry.getKey())) {
                continue;
            }
            final var snapshot = switches.snapshot(entry.getKey());
            if (snapshot == null || snapshot.counters(cookie).flows() < entry.getValue().size()) {
                return new RuleState(Status.Installed.Pending,
                    "Waiting for switch openflow:" + entry.getKey() + " to confirm the flows");
            }
        }
        return new RuleState(Status.Installed.Installed, null);
    }
}
