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
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchAdmission;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.sdn.readback.ReadBackListener;
import org.cnsmo.sdn.stats.StatusWriter;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.cnsmo.sdn.switches.SwitchRpcs;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the switches holding exactly the flows of the current intent and publishes what they do.
 * Intent changes become flow deltas sent to the connected switches, and a switch that connects gets
 * its whole share. Every poll reads the CNSMO flows of every connected switch, admitted or not, compares
 * them by content with the plan ({@link FlowForm}, {@link FlowDiff}) and sends the repairs through the
 * {@link SwitchWriter} like any other change: a flow whose actions were changed or that went missing is
 * put again, flows the plan does not have (an old version of an intent, an owner deleted while the
 * switch was away, every CNSMO flow on a switch bound to no node) are removed. It publishes counters and
 * filter states of the admitted switches, and hands what it read of them on to a {@link ReadBackListener}.
 *
 * <p>Confined to one thread: every method must run on the executor given to the constructor.
 */
public final class SwitchRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchRenderer.class);

    /**
     * What was last handed on to the read-back listener of a switch.
     *
     * @param node the node it was bound to
     * @param forms the forms of its flows, or null to hand the next read on whatever it holds
     */
    private record ReadBack(String node, Map<Long, List<FlowForm>> forms) {
        // a value
    }

    private final FlowPlan plan = new FlowPlan();
    /** The admitted switches: connected, bound to a node, and connecting from that node's address. */
    private final Set<Uint64> connected = new HashSet<>();
    /**
     * Every connected switch, with the address its connection comes from (the empty string while unknown). The
     * writer knows each of them: a switch that is not admitted is planned no flows, so its CNSMO flows go.
     */
    private final Map<Uint64, String> attached = new HashMap<>();
    /** The switches the writer knows: every attached one. */
    private final Set<Uint64> writing = new HashSet<>();
    /** Per node, the switch address its configuration sets. */
    private final Map<String, String> switchAddresses = new HashMap<>();
    /** Per VPN client (node) name, the overlay address the VPN assigns it. */
    private final Map<String, String> overlayAddresses = new HashMap<>();
    private final Map<Uint64, SwitchSnapshot> snapshots = new HashMap<>();
    /** Per admitted switch, what was last handed on to the read-back listener. */
    private final Map<Uint64, ReadBack> readBacks = new HashMap<>();
    private final Reconciler reconciler;
    /**
     * Per switch, the owners (by cookie) whose last change it refused, with its error: it keeps what it had of
     * them, and they are not repaired until a change of theirs is committed or the switch connects again.
     */
    private final Map<Uint64, Map<Long, String>> refused = new HashMap<>();
    private final OwnerStates states;
    private final SwitchWriter writer;
    private final QosRenderer qos;
    private final StatusWriter status;
    private final ReadBackListener readBackListener;
    private final SwitchRpcs switches;
    private final Executor executor;
    private final Clock clock;
    private final int slices;
    private long nextSlice;

    /**
     * A renderer.
     *
     * @param status publishes the observed state
     * @param switches the switches' RPCs: bundles of flow changes go through a {@link SwitchWriter} of them
     * @param meters the switches' QoS meters, or null to leave QoS policies alone
     * @param executor the renderer's thread
     * @param sender where flow changes are handed to the switches' RPCs ({@link SwitchWriter}), a pool
     * @param clock the clock
     * @param slices how many polls read every switch once
     * @param readBackListener receives the flows read back from each admitted switch
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public SwitchRenderer(final StatusWriter status, final SwitchRpcs switches,
            final QosRenderer.MeterMods meters, final Executor executor, final Executor sender, final Clock clock,
            final int slices, final ReadBackListener readBackListener) {
        writer = new SwitchWriter(switches, new Refused(), executor, sender);
        qos = meters == null ? null : new QosRenderer(plan, writer, meters, status, executor, clock);
        this.slices = slices;
        this.status = status;
        this.readBackListener = Objects.requireNonNull(readBackListener);
        this.switches = switches;
        this.executor = executor;
        this.clock = clock;
        reconciler = new Reconciler();
        states = new OwnerStates(plan, status, new AdmittedSwitches());
    }

    public void onNode(final String node, final SwitchBinding binding) {
        onNode(node, binding, null);
    }

    /**
     * A node's configuration was written.
     *
     * @param node the node
     * @param binding its switch binding, or null when it names no datapath id
     * @param switchAddress the address its switch must connect from, or null for its overlay address
     */
    public void onNode(final String node, final SwitchBinding binding, final String switchAddress) {
        final var old = plan.binding(node);
        final var oldAddress = switchAddress == null ? switchAddresses.remove(node)
            : switchAddresses.put(node, switchAddress);
        if (Objects.equals(old, binding) && Objects.equals(oldAddress, switchAddress)) {
            return;
        }
        writer.apply(plan.setNode(node, binding));
        if (old != null && !old.equals(binding)) {
            admit(old.datapathId());
        }
        if (binding != null) {
            admit(binding.datapathId());
            publishNodeSwitch(node);
        } else if (old != null) {
            status.nodeSwitch(node, false, null);
        }
        states.filtersOf(node);
        if (qos != null) {
            qos.nodeChanged(node);
        }
    }

    /**
     * The overlay address the VPN assigns a client (a node) changed.
     *
     * @param name the client's name, the node's
     * @param address its overlay address, or null when it has none
     */
    public void onOverlayAddress(final String name, final String address) {
        final var old = address == null ? overlayAddresses.remove(name) : overlayAddresses.put(name, address);
        if (Objects.equals(old, address)) {
            return;
        }
        final var binding = plan.binding(name);
        if (binding != null) {
            admit(binding.datapathId());
            publishNodeSwitch(name);
            states.filtersOf(name);
        }
    }

    /**
     * Forgets a deleted node: its flows go, and so does its observed state.
     */
    public void removeNode(final String node) {
        final var old = plan.binding(node);
        writer.apply(plan.setNode(node, null));
        reconciler.changed(Owner.node(node));
        switchAddresses.remove(node);
        if (old != null) {
            admit(old.datapathId());
        }
        status.removeNode(node);
        states.filtersOf(node);
        if (qos != null) {
            qos.nodeChanged(node);
        }
    }

    /** A QoS policy was written, or deleted (null). */
    public void onQosPolicy(final String name, final Policy policy) {
        if (qos != null) {
            qos.onPolicy(name, policy);
        }
    }

    /**
     * A traffic filter was written, or deleted.
     *
     * @param name the filter's name
     * @param filter the filter with its plan, or null when it was deleted
     */
    public void onFilter(final String name, final @Nullable WrittenFilter filter) {
        writer.apply(plan.setPlannedFilter(name, filter == null ? null : filter.plan()));
        reconciler.changed(Owner.filter(name));
        states.filter(name, filter == null ? null : filter.config());
    }

    public void onRule(final String name, final Rule rule) {
        writer.apply(plan.setRule(name, rule == null ? null : RuleIntent.of(rule)));
        reconciler.changed(Owner.rule(name));
        states.rule(name, rule);
    }

    public void onSwitch(final Uint64 datapathId, final String address, final boolean up) {
        final var before = attached.get(datapathId);
        final var now = up ? Objects.requireNonNullElse(address, "") : null;
        if (Objects.equals(before, now)) {
            return;
        }
        if (up) {
            attached.put(datapathId, now);
            LOG.info("Switch openflow:{} connected from {}", datapathId, now.isEmpty() ? "an unknown address" : now);
        } else {
            attached.remove(datapathId);
            LOG.info("Switch openflow:{} disconnected", datapathId);
        }
        admit(datapathId);
        final var binding = plan.bindingOf(datapathId);
        if (binding != null) {
            publishNodeSwitch(binding.node());
            states.filtersOf(binding.node());
        }
    }

    /**
     * Gives a switch its share of flows when it is connected, bound and connects from its node's address, and
     * takes the switch out of the renderer's care otherwise.
     */
    private void admit(final Uint64 datapathId) {
        final boolean present = attached.containsKey(datapathId);
        final boolean admitted = present && refusal(datapathId) == null;
        if (!present) {
            // what failed as the connection went down ("no queue", "quota exceeded") was no refusal of the switch
            refused.remove(datapathId);
        }
        if (admitted && connected.add(datapathId)) {
            // its whole share goes again: what it refused before is tried again
            refused.remove(datapathId);
            writer.connected(datapathId, plan.flowsOn(datapathId));
            writing.add(datapathId);
            if (qos != null) {
                qos.connected(datapathId);
            }
        } else if (!admitted && connected.remove(datapathId)) {
            if (qos != null) {
                qos.disconnected(datapathId);
            }
            snapshots.remove(datapathId);
            reconciler.forget(datapathId);
            readBackGone(datapathId);
        }
        if (!present && writing.remove(datapathId)) {
            writer.disconnected(datapathId);
        } else if (present && !admitted && writing.add(datapathId)) {
            // planned nothing: the polls remove the CNSMO flows it holds (its node was deleted while it was away)
            refused.remove(datapathId);
            writer.connected(datapathId, List.of());
        }
    }

    /** Why a connected switch gets no flows, or null when it is admitted. */
    private String refusal(final Uint64 datapathId) {
        final var binding = plan.bindingOf(datapathId);
        if (binding == null) {
            return "switch openflow:" + datapathId + " is bound to no node";
        }
        final var address = attached.get(datapathId);
        return SwitchAdmission.refusal(binding, SwitchAdmission.expectedAddress(
            switchAddresses.get(binding.node()), overlayAddresses.get(binding.node())),
            address == null || address.isEmpty() ? null : address);
    }

    private void publishNodeSwitch(final String node) {
        final var binding = plan.binding(node);
        if (binding == null) {
            return;
        }
        final var datapathId = binding.datapathId();
        final boolean up = connected.contains(datapathId);
        final var refusal = !up && attached.containsKey(datapathId) ? refusal(datapathId) : null;
        if (refusal != null) {
            LOG.warn("Node {}: {}", node, refusal);
        }
        status.nodeSwitch(node, up, binding.switchId().getValue(), refusal);
    }

    /**
     * Reads the next share of the connected switches of nodes (one in {@code slices}, by datapath id), so that
     * {@code slices} calls read every switch once; the answers arrive later on the executor.
     */
    public void pollSlice() {
        if (status.takeLoss()) {
            // A failed commit of observed state: publish every filter's state again instead of trusting the cache.
            LOG.warn("Observed state was lost in a failed commit; publishing every filter's and rule's state again");
            states.republish();
            if (qos != null) {
                qos.republish();
            }
        }
        final long slice = nextSlice;
        nextSlice = (nextSlice + 1) % slices;
        for (var datapathId : List.copyOf(attached.keySet())) {
            if (Long.remainderUnsigned(datapathId.longValue(), slices) != slice) {
                continue;
            }
            Futures.addCallback(switches.readFlows(datapathId), new FutureCallback<>() {
                @Override
                public void onSuccess(final SwitchSnapshot snapshot) {
                    Guard.run(LOG, () -> "Cannot reconcile switch openflow:" + datapathId,
                        () -> onSnapshot(datapathId, snapshot));
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.debug("Could not read the flows of switch openflow:{}", datapathId, cause);
                }
            }, executor);
            if (qos != null) {
                qos.poll(datapathId);
            }
        }
    }

    void onSnapshot(final Uint64 datapathId, final SwitchSnapshot snapshot) {
        if (!attached.containsKey(datapathId)) {
            return;
        }
        final boolean admitted = connected.contains(datapathId);
        reconcile(datapathId, snapshot, admitted ? plan.flowsByOwnerOn(datapathId) : Map.of());
        if (admitted) {
            snapshots.put(datapathId, snapshot);
            states.counters(datapathId, clock.instant());
            handOnReadBack(datapathId, snapshot);
        }
    }

    /**
     * Hands the flows read from an admitted switch on when they differ from those handed on last, but only when
     * nothing is being sent to it (a repair just sent, say): such a read may show the switch before the change.
     */
    private void handOnReadBack(final Uint64 datapathId, final SwitchSnapshot snapshot) {
        final var binding = plan.bindingOf(datapathId);
        if (binding == null || writer.busy(datapathId)) {
            return;
        }
        final var last = readBacks.get(datapathId);
        if (last != null && last.node().equals(binding.node()) && snapshot.forms().equals(last.forms())) {
            return;
        }
        if (last != null && !last.node().equals(binding.node())) {
            readBackListener.gone(last.node());
        }
        readBacks.put(datapathId, new ReadBack(binding.node(), snapshot.forms()));
        readBackListener.readBack(binding.node(), snapshot.flows());
    }

    private void readBackGone(final Uint64 datapathId) {
        final var last = readBacks.remove(datapathId);
        if (last != null) {
            readBackListener.gone(last.node());
        }
    }

    /** Hands the next read of every admitted switch on, changed or not: a read-back listener just registered. */
    public void handOnReadBacksAgain() {
        readBacks.replaceAll((datapathId, last) -> new ReadBack(last.node(), null));
    }

    /**
     * Repairs what a switch holds ({@link Reconciler}), but only once nothing is being sent to it: a read answered
     * while a change is on its way shows the switch before the change, and repairing that would double the work
     * (a bulk change of 100,000 filters) and exhaust the OpenFlow plugin's request quota. The repairs are flow
     * changes like any other, sent through the writer, which then knows they are in flight.
     */
    private void reconcile(final Uint64 datapathId, final SwitchSnapshot snapshot,
            final Map<Owner, List<Flow>> planned) {
        if (writer.busy(datapathId)) {
            reconciler.forget(datapathId);
            return;
        }
        final var delta = reconciler.repairs(datapathId, snapshot, planned,
            refused.getOrDefault(datapathId, Map.of()), clock.instant());
        if (!delta.isEmpty()) {
            writer.apply(delta);
        }
    }

    /** What the states of filters and rules need to know of the switches. */
    private final class AdmittedSwitches implements OwnerStates.Switches {
        @Override
        public boolean admitted(final Uint64 datapathId) {
            return connected.contains(datapathId);
        }

        @Override
        public String notAdmitted(final Uint64 datapathId) {
            return attached.containsKey(datapathId) ? SwitchRenderer.this.refusal(datapathId) : null;
        }

        @Override
        public SwitchSnapshot snapshot(final Uint64 datapathId) {
            return snapshots.get(datapathId);
        }

        @Override
        public String refusal(final Uint64 datapathId, final long cookie) {
            return refused.getOrDefault(datapathId, Map.of()).get(cookie);
        }
    }

    /** What the writer learns from the switches' answers to bundles. */
    private final class Refused implements SwitchWriter.Refusals {
        @Override
        public void refused(final Uint64 datapathId, final long cookie, final String reason) {
            SwitchRenderer.this.refused.computeIfAbsent(datapathId, key -> new HashMap<>()).put(cookie, reason);
            states.owner(datapathId, cookie);
        }

        @Override
        public void committed(final Uint64 datapathId, final Set<Long> cookies) {
            final var here = SwitchRenderer.this.refused.get(datapathId);
            if (here == null) {
                return;
            }
            for (var cookie : cookies) {
                if (here.remove(cookie) != null) {
                    states.owner(datapathId, cookie);
                }
            }
            if (here.isEmpty()) {
                SwitchRenderer.this.refused.remove(datapathId);
            }
        }
    }
}
