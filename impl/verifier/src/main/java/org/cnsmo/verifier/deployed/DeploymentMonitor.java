/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.verifier.Intent;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.SwitchTables;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when each node's deployment is compared with the intent ({@link DeploymentCheck}) and hands the results
 * on: after each read-back that differs from the last, and after each intent change, but at most once per
 * {@code interval} per node and not before {@code settle} has passed since the intent changed, so that the
 * renderer can install the change first. A comparison whose read-back tables and intent are those of the last
 * one is skipped.
 *
 * <p>Confined to one thread: every method, and every task it schedules, runs on the same single thread.
 */
public final class DeploymentMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentMonitor.class);

    /** Runs a task later, on the monitor's thread. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Duration delay, Runnable task);
    }

    /** Where the results go. */
    public interface Sink {
        /** A node's latest result. */
        void publish(NodeDeployment deployment);

        /** A node is not compared any more. */
        void withdraw(String node);
    }

    /** What is known of one node. */
    private static final class NodeState {
        List<FlowAndStatisticsMapList> flows;
        SwitchTables checkedTables;
        long checkedVersion = -1;
        Instant checkedAt = Instant.MIN;
        boolean scheduled;
        NodeDeployment published;

        NodeState(final List<FlowAndStatisticsMapList> flows) {
            this.flows = flows;
        }
    }

    private final Map<String, NodeState> nodes = new HashMap<>();
    private final Sink sink;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration settle;
    private final Duration interval;
    private Intent intent;
    private long version;
    private Instant intentChangedAt = Instant.MIN;
    private Overlay overlay;
    private long overlayVersion = -1;

    /**
     * A monitor.
     *
     * @param sink where results go
     * @param scheduler runs delayed checks on the monitor's thread
     * @param clock the clock
     * @param settle how long after an intent change a node is compared at the earliest
     * @param interval the least time between two comparisons of a node
     */
    public DeploymentMonitor(final Sink sink, final Scheduler scheduler, final Clock clock, final Duration settle,
            final Duration interval) {
        this.sink = requireNonNull(sink);
        this.scheduler = requireNonNull(scheduler);
        this.clock = requireNonNull(clock);
        this.settle = requireNonNull(settle);
        this.interval = requireNonNull(interval);
    }

    /** The intent changed (or became known). */
    public void onIntent(final Intent newIntent) {
        intent = requireNonNull(newIntent);
        version++;
        intentChangedAt = clock.instant();
        nodes.keySet().forEach(this::schedule);
    }

    /** The SDN service read flows from a node's switch that differ from what it read before. */
    public void onReadBack(final String node, final List<FlowAndStatisticsMapList> flows) {
        final var copy = List.copyOf(flows);
        final var state = nodes.get(node);
        if (state == null) {
            nodes.put(node, new NodeState(copy));
        } else {
            state.flows = copy;
        }
        schedule(node);
    }

    /** The node's switch is not read any more. */
    public void onGone(final String node) {
        if (nodes.remove(node) != null) {
            sink.withdraw(node);
        }
    }

    /** Publishes every node's latest result again: what was published before may be lost. */
    public void republish() {
        nodes.values().stream().filter(state -> state.published != null)
            .forEach(state -> sink.publish(state.published));
    }

    private void schedule(final String node) {
        final var state = nodes.get(node);
        if (state == null || state.scheduled) {
            return;
        }
        state.scheduled = true;
        final var now = clock.instant();
        scheduler.schedule(delay(state, now), () -> check(node));
    }

    private Duration delay(final NodeState state, final Instant now) {
        var due = now;
        if (state.checkedAt.isAfter(Instant.MIN)) {
            due = latest(due, state.checkedAt.plus(interval));
        }
        if (intentChangedAt.isAfter(Instant.MIN)) {
            due = latest(due, intentChangedAt.plus(settle));
        }
        return Duration.between(now, due);
    }

    private static Instant latest(final Instant one, final Instant two) {
        return one.isAfter(two) ? one : two;
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void check(final String node) {
        final var state = nodes.get(node);
        if (state == null) {
            return;
        }
        state.scheduled = false;
        if (intent == null) {
            // checked once it is known: the intent's arrival schedules every node
            return;
        }
        final var now = clock.instant();
        if (delay(state, now).isPositive()) {
            // the intent changed since this check was scheduled
            schedule(node);
            return;
        }
        try {
            compare(node, state, now);
        } catch (RuntimeException e) {
            LOG.warn("Could not compare the deployment of node {} with the intent", node, e);
        }
    }

    private void compare(final String node, final NodeState state, final Instant now) {
        final var binding = binding(node);
        if (binding == null) {
            // a node without a switch in the intent: nothing is intended on the switch it still has
            state.published = null;
            sink.withdraw(node);
            return;
        }
        if (overlayVersion != version) {
            overlay = Overlay.of(intent);
            overlayVersion = version;
        }
        final var tables = ReadBackFlows.tables(binding, overlay.rules(), overlay.filters(), state.flows);
        if (tables.equals(state.checkedTables) && state.checkedVersion == version) {
            return;
        }
        final var difference = DeploymentCheck.firstDifference(overlay, node, tables).orElse(null);
        state.checkedTables = tables;
        state.checkedVersion = version;
        state.checkedAt = now;
        final var previous = state.published;
        final var last = difference != null ? difference : previous == null ? null : previous.lastDifference();
        final var lastAt = difference != null ? now : previous == null ? null : previous.lastDifferenceAt();
        state.published = new NodeDeployment(node, state.flows.size(), now, difference, last, lastAt);
        if (difference != null) {
            LOG.info("Node {}: its switch's flows do not give the intended reachability: {}", node,
                difference.summary());
        } else if (previous != null && !previous.matchesIntent()) {
            LOG.info("Node {}: its switch's flows give the intended reachability again", node);
        }
        sink.publish(state.published);
    }

    private SwitchBinding binding(final String node) {
        final var configured = intent.nodes();
        if (configured == null) {
            return null;
        }
        return configured.nonnullNode().values().stream()
            .filter(entry -> node.equals(entry.requireName().getValue()))
            .findFirst().map(SwitchBinding::of).orElse(null);
    }
}
