/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.cnsmo.sdn.pipeline.QosIntent;
import org.cnsmo.sdn.pipeline.QosMeter;
import org.cnsmo.sdn.stats.CounterHistory;
import org.cnsmo.sdn.stats.MeterCounters;
import org.cnsmo.sdn.stats.QosNodeState;
import org.cnsmo.sdn.stats.StatusWriter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatus.Installed;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.Meter;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts QoS policies on the nodes' switches: the meter of each bandwidth limit through the plugin's meter RPCs,
 * then the policy's flows through the renderer's {@link FlowPlan} and {@link SwitchWriter}, the one path of
 * every flow. A policy's flows go on a switch only once the switch confirmed the meter they use, so a switch
 * that refuses the meter keeps every other flow and the policy shows {@code failed} with the switch's reason.
 * Each poll of a switch reads its QoS meters' statistics, published with the policy's state per node.
 *
 * <p>Confined to the renderer's thread.
 */
public final class QosRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(QosRenderer.class);

    /** The meters of connected switches. */
    public interface MeterMods {
        /**
         * Adds a meter, or replaces the one of its id.
         *
         * @param datapathId the switch
         * @param meter the meter
         * @param replace true when the switch holds a meter of that id already (the flows using it are gone)
         * @return null once the switch holds the meter, else the switch's reason
         */
        ListenableFuture<String> install(Uint64 datapathId, Meter meter, boolean replace);

        void remove(Uint64 datapathId, Meter meter);

        ListenableFuture<MeterCounters> read(Uint64 datapathId, long meterId);
    }

    /** One meter of one switch: the policy it is for, and whether the switch took it. */
    private static final class Slot {
        private final String policy;
        private final Meter meter;
        private Installed state = Installed.Pending;
        private String reason;

        Slot(final String policy, final Meter meter) {
            this.policy = policy;
            this.meter = meter;
        }
    }

    /**
     * The counters of one policy's meter on one node.
     *
     * @param policy the policy
     * @param node the node
     */
    private record Key(String policy, String node) {
        // a value
    }

    /** Passed and dropped traffic of one meter, each with its history. */
    private record Histories(CounterHistory passed, CounterHistory dropped) {
        // a value
    }

    private final FlowPlan plan;
    private final SwitchWriter writer;
    private final MeterMods meters;
    private final StatusWriter status;
    private final Executor executor;
    private final Clock clock;
    private final Set<Uint64> connected = new HashSet<>();
    private final Map<Uint64, Map<Long, Slot>> slots = new HashMap<>();
    private final Map<String, Policy> configs = new HashMap<>();
    private final Map<Key, Histories> histories = new HashMap<>();
    /** Nodes whose qos service-status was reported, so that it is withdrawn once no policy names them. */
    private final Set<String> reported = new HashSet<>();

    public QosRenderer(final FlowPlan plan, final SwitchWriter writer, final MeterMods meters,
            final StatusWriter status, final Executor executor, final Clock clock) {
        this.plan = plan;
        this.writer = writer;
        this.meters = meters;
        this.status = status;
        this.executor = executor;
        this.clock = clock;
    }

    /** A policy was written (or deleted, with null). */
    public void onPolicy(final String name, final Policy policy) {
        final var old = plan.qosPolicies().get(name);
        final var intent = policy == null ? null : QosIntent.of(policy);
        writer.apply(plan.setQos(name, intent));
        final var nodes = new TreeSet<String>();
        if (old != null) {
            nodes.addAll(old.nodes());
        }
        if (intent == null) {
            configs.remove(name);
            histories.keySet().removeIf(key -> key.policy().equals(name));
            status.removeQosPolicy(name);
        } else {
            nodes.addAll(intent.nodes());
            configs.put(name, policy);
        }
        nodes.forEach(this::syncMeters);
        if (intent != null) {
            publish(name);
        }
        nodes.forEach(this::reportNode);
    }

    /** A switch was admitted: its meters are installed afresh. */
    public void connected(final Uint64 datapathId) {
        connected.add(datapathId);
        slots.remove(datapathId);
        final var binding = plan.bindingOf(datapathId);
        if (binding != null) {
            syncMeters(binding.node());
            publishNode(binding.node());
        }
    }

    /** A switch went away or lost its node: what it held is forgotten. */
    public void disconnected(final Uint64 datapathId) {
        connected.remove(datapathId);
        final var held = slots.remove(datapathId);
        if (held != null) {
            held.keySet().forEach(id -> writer.apply(plan.setMeter(datapathId, id, false)));
        }
        final var binding = plan.bindingOf(datapathId);
        if (binding != null) {
            publishNode(binding.node());
        }
    }

    /** A node's binding changed or the node went: its policies' states are published again. */
    public void nodeChanged(final String node) {
        publishNode(node);
    }

    /** Reads the statistics of a connected switch's installed QoS meters; answers arrive on the executor. */
    public void poll(final Uint64 datapathId) {
        final var binding = plan.bindingOf(datapathId);
        if (binding == null) {
            return;
        }
        for (var entry : slots.getOrDefault(datapathId, Map.of()).entrySet()) {
            final var slot = entry.getValue();
            if (slot.state != Installed.Installed) {
                continue;
            }
            Futures.addCallback(meters.read(datapathId, entry.getKey()), new FutureCallback<>() {
                @Override
                public void onSuccess(final MeterCounters counters) {
                    onReading(datapathId, entry.getKey(), slot, binding.node(), counters);
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.debug("Could not read meter {} of switch openflow:{}", entry.getKey(), datapathId, cause);
                }
            }, executor);
        }
    }

    /** Publishes every policy's state again (observed state was lost). */
    public void republish() {
        configs.keySet().forEach(this::publish);
        List.copyOf(reported).forEach(this::reportNode);
    }

    private void onReading(final Uint64 datapathId, final long meterId, final Slot slot, final String node,
            final MeterCounters counters) {
        if (slots.getOrDefault(datapathId, Map.of()).get(meterId) != slot || !configs.containsKey(slot.policy)) {
            return;
        }
        final var history = histories.computeIfAbsent(new Key(slot.policy, node),
            key -> new Histories(new CounterHistory(), new CounterHistory()));
        final var now = clock.instant();
        final boolean passed = history.passed().record(now, counters.passed());
        final boolean dropped = history.dropped().record(now, counters.dropped());
        if (passed || dropped) {
            publish(slot.policy);
        }
    }

    /** Makes a node's switch hold exactly the meters of the node's policies' bandwidth limits. */
    private void syncMeters(final String node) {
        final var binding = plan.binding(node);
        if (binding == null || !connected.contains(binding.datapathId())) {
            return;
        }
        final var datapathId = binding.datapathId();
        final var wanted = new HashMap<Long, Slot>();
        for (var policy : plan.qosPolicies().values()) {
            if (policy.appliesTo(node) && policy.limit() != null) {
                wanted.put(policy.limit().meterId(),
                    new Slot(policy.name(), QosMeter.of(policy.name(), policy.limit())));
            }
        }
        final var held = slots.computeIfAbsent(datapathId, key -> new HashMap<>());
        for (var id : List.copyOf(held.keySet())) {
            if (!wanted.containsKey(id)) {
                // The flows using the meter go first (the plan drops them), then the meter.
                final var slot = held.remove(id);
                writer.apply(plan.setMeter(datapathId, id, false));
                writer.whenIdle(datapathId, () -> meters.remove(datapathId, slot.meter));
            }
        }
        wanted.forEach((id, slot) -> {
            final var before = held.get(id);
            if (before != null && before.meter.equals(slot.meter) && before.policy.equals(slot.policy)) {
                return;
            }
            final boolean replace = before != null && before.state == Installed.Installed;
            if (before != null) {
                // The flows using the meter go while it is replaced and come back once the switch holds the new
                // one: Open vSwitch deletes a meter's flows with it (and the plugin's meter update reaches it as
                // a second add, which it refuses, so a replacement is a delete and an add).
                writer.apply(plan.setMeter(datapathId, id, false));
            }
            held.put(id, slot);
            // the meter changes once the switch has committed the removal of the flows using it
            writer.whenIdle(datapathId, () -> Futures.addCallback(meters.install(datapathId, slot.meter, replace),
                new FutureCallback<>() {
                    @Override
                    public void onSuccess(final String refusal) {
                        onInstalled(datapathId, id, slot, refusal);
                    }

                    @Override
                    public void onFailure(final Throwable cause) {
                        onInstalled(datapathId, id, slot, "no answer: " + cause.getMessage());
                    }
                }, executor));
        });
    }

    private void onInstalled(final Uint64 datapathId, final long meterId, final Slot slot, final String refusal) {
        if (slots.getOrDefault(datapathId, Map.of()).get(meterId) != slot) {
            return;
        }
        if (refusal == null) {
            slot.state = Installed.Installed;
        } else {
            LOG.warn("Switch openflow:{} refused meter {} of QoS policy {}: {}", datapathId, meterId, slot.policy,
                refusal);
            slot.state = Installed.Failed;
            slot.reason = "the switch refused meter " + meterId + ": " + refusal;
        }
        writer.apply(plan.setMeter(datapathId, meterId, refusal == null));
        publish(slot.policy);
        final var binding = plan.bindingOf(datapathId);
        if (binding != null) {
            reportNode(binding.node());
        }
    }

    private void publishNode(final String node) {
        for (var policy : plan.qosPolicies().values()) {
            if (policy.appliesTo(node)) {
                publish(policy.name());
            }
        }
        reportNode(node);
    }

    /** The state of one policy on one node. */
    private QosNodeState state(final QosIntent policy, final String node) {
        final var binding = plan.binding(node);
        final var key = new Key(policy.name(), node);
        final var counters = histories.get(key);
        final var passed = counters == null ? null : counters.passed();
        final var dropped = counters == null ? null : counters.dropped();
        if (binding == null) {
            return new QosNodeState(node, Installed.NodeAbsent, "node " + node + " names no switch (datapath-id)",
                null, null, null);
        }
        if (!connected.contains(binding.datapathId())) {
            return new QosNodeState(node, Installed.NodeAbsent, "switch " + binding.switchId().getValue()
                + " of node " + node + " is not connected", null, passed, dropped);
        }
        if (policy.limit() == null) {
            return new QosNodeState(node, Installed.Installed, null, null, null, null);
        }
        final long meterId = policy.limit().meterId();
        final var slot = slots.getOrDefault(binding.datapathId(), Map.of()).get(meterId);
        if (slot == null || !slot.policy.equals(policy.name())) {
            return new QosNodeState(node, Installed.Pending, "waiting for the switch to take the meter", meterId,
                passed, dropped);
        }
        return new QosNodeState(node, slot.state, slot.state == Installed.Pending
            ? "waiting for the switch to take the meter" : slot.reason, meterId, passed, dropped);
    }

    private void publish(final String name) {
        final var config = configs.get(name);
        final var policy = plan.qosPolicies().get(name);
        if (config == null || policy == null) {
            return;
        }
        final var states = new ArrayList<QosNodeState>();
        new TreeSet<>(policy.nodes()).forEach(node -> states.add(state(policy, node)));
        status.qosPolicy(config, states);
    }

    /** Reports a node's qos service: up when every policy naming it is installed there. */
    private void reportNode(final String node) {
        final var reasons = new ArrayList<String>();
        boolean any = false;
        for (var policy : plan.qosPolicies().values()) {
            if (policy.appliesTo(node)) {
                any = true;
                final var state = state(policy, node);
                if (state.installed() != Installed.Installed) {
                    reasons.add("policy " + policy.name() + ": " + state.reason());
                }
            }
        }
        if (!any) {
            if (reported.remove(node)) {
                status.withdrawQos(node);
            }
            return;
        }
        reported.add(node);
        status.nodeQos(node, reasons.isEmpty() ? null : String.join("; ", reasons));
    }
}
