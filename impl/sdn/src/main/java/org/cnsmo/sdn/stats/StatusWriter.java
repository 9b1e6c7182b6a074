/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.sdn.store.OrderedTransactions;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.FirewallBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.StatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Verification;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Qos;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.QosBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatus;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatusKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.node.status.DroppedBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.node.status.PassedBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.filter.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.counters.with.history.Sample;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.counters.with.history.SampleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.counters.with.history.SampleKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.ZeroBasedCounter64;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the renderer observes in the OPERATIONAL datastore: each filter's installation
 * state and counters, each firewall rule's counters, each QoS policy's state and meter counters per node; and
 * reports each node's switch connection to the
 * nodes' status owner ({@link NodeStatusReports}), the only writer of {@code nodes/node/status}.
 */
public final class StatusWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
    private static final LogicalDatastoreType OPERATIONAL = LogicalDatastoreType.OPERATIONAL;
    private static final DataObjectIdentifier<TrafficFilters> FILTERS =
        DataObjectIdentifier.builder(TrafficFilters.class).build();
    private static final DataObjectIdentifier<Firewall> FIREWALL = DataObjectIdentifier.builder(Firewall.class).build();
    private static final DataObjectIdentifier<Qos> QOS = DataObjectIdentifier.builder(Qos.class).build();

    /** How many counter times {@link #times} keeps: a full history (720 samples) of several switches' polls. */
    private static final int MAX_TIMES = 8192;

    private final OrderedTransactions transactions;
    private final Executor executor;
    private final Executor publisher;
    private final NodeStatusReports nodeStatus;
    /** Whether the last commit of observed state failed, so that a degraded SDN service was reported. */
    private final AtomicBoolean troubled = new AtomicBoolean();
    /** Set when a commit of observed state failed: what it carried must be published again. */
    private volatile boolean lost;
    /** Writes recorded during this task of the renderer's thread, committed by a task queued behind it. */
    private Writes pending;
    /** What the renderer last published of each rule, published again with the verifier's findings. */
    private final Map<String, Rule> ruleObservations = new HashMap<>();
    /** What the verifier last found of each rule, published with what the renderer observed. */
    private final Map<String, Verification> ruleVerifications = new HashMap<>();
    /**
     * The published form of recent counter times. Every owner read in one poll of a switch shares its read time,
     * and parsing a date-and-time checks it against the type's pattern: a bulk load of 10,000 filters made
     * 20,000 of them, a fifth of the renderer's allocation.
     */
    private final Map<Instant, DateAndTime> times = new RecentTimes();

    /**
     * A writer.
     *
     * @param dataBroker the data broker
     * @param executor the renderer's thread: what it publishes during one task is committed as one transaction
     *     by a task queued behind it (publishing 10,000 filters at once is one commit, not 10,000), after the
     *     flows that task wrote
     * @param publisher one thread, where the recorded writes are turned into the datastore's form and committed,
     *     in the order recorded: that costs as much as planning and sending the flows of a bulk change, and on
     *     the renderer's thread it would hold back the switches' answers, and so the commit of their bundles
     * @param nodeStatus where the nodes' switch connections are reported
     */
    public StatusWriter(final DataBroker dataBroker, final Executor executor, final Executor publisher,
            final NodeStatusReports nodeStatus) {
        transactions = new OrderedTransactions(dataBroker, "observed state", () -> lost = true);
        this.executor = executor;
        this.publisher = publisher;
        this.nodeStatus = nodeStatus;
    }

    /**
     * Whether observed state was lost since the last call: a commit failed, and the renderer must publish
     * everything it had published again.
     *
     * @return whether it was
     */
    public boolean takeLoss() {
        if (!lost) {
            return false;
        }
        lost = false;
        return true;
    }

    private Writes later() {
        if (pending == null) {
            pending = new Writes();
            try {
                executor.execute(this::commitPending);
            } catch (RejectedExecutionException e) {
                // The renderer is stopping: close() commits what is left.
                LOG.debug("Publishing at close", e);
            }
        }
        return pending;
    }

    /** Hands what this task recorded to the publisher; at close, when it takes nothing more, commits it here. */
    private void commitPending() {
        final var writes = pending;
        pending = null;
        if (writes != null) {
            try {
                publisher.execute(() -> publish(writes));
            } catch (RejectedExecutionException e) {
                LOG.debug("Publishing on the closing thread", e);
                publish(writes);
            }
        }
    }

    private void publish(final Writes writes) {
        final var tx = transactions.newWriteOnlyTransaction();
        writes.ops.forEach(op -> op.accept(tx));
        commit(tx, writes.ops.size() + " observed states");
    }

    /**
     * Datastore writes, recorded now and replayed later: turning the data into the datastore's form is
     * most of a write's cost, and it must not delay the flows written in the same task.
     */
    private static final class Writes {
        private final List<Consumer<WriteTransaction>> ops = new ArrayList<>();
        private final Set<DataObjectIdentifier<?>> merged = new HashSet<>();

        <T extends DataObject> void merge(final LogicalDatastoreType store, final DataObjectIdentifier<T> path,
                final T data) {
            ops.add(tx -> tx.merge(store, path, data));
        }

        <T extends DataObject> void put(final LogicalDatastoreType store, final DataObjectIdentifier<T> path,
                final T data) {
            ops.add(tx -> tx.put(store, path, data));
        }

        void delete(final LogicalDatastoreType store, final DataObjectIdentifier<?> path) {
            ops.add(tx -> tx.delete(store, path));
        }

        /** Records a write whose data the publisher builds as it replays it. */
        void add(final Consumer<WriteTransaction> op) {
            ops.add(op);
        }

        /** Merges a container once per transaction, however many of its entries are written. */
        <T extends DataObject> void mergeOnce(final LogicalDatastoreType store, final DataObjectIdentifier<T> path,
                final T data) {
            if (merged.add(path)) {
                merge(store, path, data);
            }
        }
    }

    /**
     * Publishes a filter's installation state and counters, replacing what was published before.
     * The operational entry repeats the filter's configuration, so that it reads as the whole filter.
     */
    public void filter(final Filter config, final Status.Installed state, final String reason,
            final List<String> flowIds, final CounterHistory counters) {
        // The counters change as the renderer reads the switches: what they are now is taken here.
        final var statistics = counters == null || counters.current() == null ? null
            : new org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.filter.status
                .StatisticsBuilder()
                .setPackets(counter(counters.current().packets()))
                .setBytes(counter(counters.current().bytes()))
                .setLastUpdated(time(counters.readAt()))
                .setSample(samples(counters))
                .build();
        final var flowIdSet = flowIds.isEmpty() ? null : Set.copyOf(flowIds);
        final var tx = later();
        tx.mergeOnce(OPERATIONAL, FILTERS, new TrafficFiltersBuilder().build());
        // The entry is built by the publisher: copying the configuration into it is a fifth of the renderer's
        // work for a bulk change, and the configuration and these values do not change.
        tx.add(writes -> writes.put(OPERATIONAL, FILTERS.toBuilder().child(Filter.class, config.key()).build(),
            new FilterBuilder(config).setStatus(
                new org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.filter
                    .StatusBuilder()
                    .setInstalled(state)
                    .setReason(reason)
                    .setFlowId(flowIdSet)
                    .setStatistics(statistics)
                    .build())
                .build()));
    }

    /**
     * Publishes a firewall rule's installation state and counters, with its configuration and what the verifier
     * found of it, replacing what was published before.
     *
     * @param config the rule
     * @param counters its counters, or null before the first read
     * @param state its installation state
     * @param reason why it is pending or failed, or null
     */
    public void rule(final Rule config, final CounterHistory counters,
            final org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Status.Installed state,
            final String reason) {
        final var rule = new RuleBuilder(config)
            .setVerification(null)
            .setStatus(new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.StatusBuilder()
                .setInstalled(state)
                .setReason(reason)
                .build());
        if (counters != null && counters.current() != null) {
            rule.setStatistics(new StatisticsBuilder()
                .setPackets(counter(counters.current().packets()))
                .setBytes(counter(counters.current().bytes()))
                .setLastUpdated(time(counters.readAt()))
                .setSample(samples(counters))
                .build());
        }
        final var observed = rule.build();
        ruleObservations.put(observed.requireName().getValue(), observed);
        publishRule(observed);
    }

    /**
     * Publishes what the verifier found of every rule (see {@link org.cnsmo.api.firewall.RuleVerificationReports})
     * in the rules' entries, next to what the renderer observed of them; a rule found before and absent now loses
     * its findings. Call on the renderer's thread.
     *
     * @param rules each rule, as configured, with its verification container
     */
    public void ruleVerification(final Collection<Rule> rules) {
        final var gone = new HashSet<>(ruleVerifications.keySet());
        for (var rule : rules) {
            final var name = rule.requireName().getValue();
            gone.remove(name);
            final var verification = rule.getVerification();
            if (verification == null) {
                continue;
            }
            if (!verification.equals(ruleVerifications.put(name, verification))) {
                publishRule(ruleObservations.getOrDefault(name, new RuleBuilder(rule).setVerification(null).build()));
            }
        }
        for (var name : gone) {
            ruleVerifications.remove(name);
            final var observed = ruleObservations.get(name);
            if (observed != null) {
                publishRule(observed);
            } else {
                later().delete(OPERATIONAL, FIREWALL.toBuilder()
                    .child(Rule.class, new RuleKey(new ObjectName(name))).build());
            }
        }
    }

    /** Writes a rule's entry: what the renderer observed of it, and the verifier's findings when there are. */
    private void publishRule(final Rule observed) {
        final var entry = new RuleBuilder(observed)
            .setVerification(ruleVerifications.get(observed.requireName().getValue()))
            .build();
        final var tx = later();
        tx.mergeOnce(OPERATIONAL, FIREWALL, new FirewallBuilder().build());
        tx.put(OPERATIONAL, FIREWALL.toBuilder().child(Rule.class, entry.key()).build(), entry);
    }

    /**
     * Publishes whether a node's switch is connected, and its inventory id when the node names one
     * (a node that no longer names one keeps showing its last switch id, as disconnected).
     */
    public void nodeSwitch(final String node, final boolean connected, final String switchId) {
        nodeSwitch(node, connected, switchId, null);
    }

    /**
     * Reports the node's switch, with why it gets no flows when it is connected but refused.
     *
     * @param node the node
     * @param connected whether its switch is connected and admitted
     * @param switchId the switch's inventory id, or null when the node names no datapath id
     * @param refusal why a connected switch claiming the node's datapath id gets no flows, or null
     */
    public void nodeSwitch(final String node, final boolean connected, final String switchId,
            final String refusal) {
        nodeStatus.report(node, Service.Sdn, new StatusBuilder().setSwitchConnected(connected).setSwitchId(switchId)
            .setServiceStatus(BindingMap.of(new ServiceStatusBuilder().setService(Service.Sdn)
                .setState(connected ? ServiceState.Up : ServiceState.Down)
                .setReason(connected ? null : refusal != null ? refusal
                    : switchId == null ? "the node names no datapath-id, so no switch"
                    : "switch " + switchId + " is not connected to the controller")
                .build()))
            .build());
    }

    /**
     * Withdraws what the SDN service observed of a deleted node.
     */
    public void removeNode(final String node) {
        nodeStatus.withdraw(node, Service.Sdn);
    }

    /**
     * Publishes a QoS policy's state on each of its nodes, with its configuration, replacing what was published
     * before.
     */
    public void qosPolicy(final Policy config, final List<QosNodeState> nodes) {
        final var entries = BindingMap.<NodeStatusKey, NodeStatus>orderedBuilder();
        for (var node : nodes) {
            final boolean up = node.installed() == NodeStatus.Installed.Installed;
            final var entry = new NodeStatusBuilder()
                .setNode(new NodeName(node.node()))
                .setState(up ? ServiceState.Up : ServiceState.Down)
                .setReason(node.reason())
                .setInstalled(node.installed())
                .setMeterId(node.meterId() == null ? null : Uint32.valueOf(node.meterId()));
            final var passed = node.passed();
            if (passed != null && passed.current() != null) {
                entry.setPassed(new PassedBuilder()
                    .setPackets(counter(passed.current().packets()))
                    .setBytes(counter(passed.current().bytes()))
                    .setLastUpdated(time(passed.readAt()))
                    .setSample(samples(passed))
                    .build());
            }
            final var dropped = node.dropped();
            if (dropped != null && dropped.current() != null) {
                entry.setDropped(new DroppedBuilder()
                    .setPackets(counter(dropped.current().packets()))
                    .setBytes(counter(dropped.current().bytes()))
                    .setLastUpdated(time(dropped.readAt()))
                    .setSample(samples(dropped))
                    .build());
            }
            entries.add(entry.build());
        }
        final var built = entries.build();
        final var tx = later();
        tx.mergeOnce(OPERATIONAL, QOS, new QosBuilder().build());
        tx.put(OPERATIONAL, QOS.toBuilder().child(Policy.class, config.key()).build(), new PolicyBuilder(config)
            .setStatus(new org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.StatusBuilder()
                .setNodeStatus(built.isEmpty() ? null : built).build())
            .build());
    }

    public void removeQosPolicy(final String name) {
        final var tx = later();
        tx.delete(OPERATIONAL, QOS.toBuilder().child(Policy.class, new PolicyKey(new ObjectName(name))).build());
    }

    /**
     * Reports a node's qos service: up when every policy naming the node is enforced by its switch.
     *
     * @param node the node
     * @param problem why some policy is not enforced there, or null
     */
    public void nodeQos(final String node, final String problem) {
        nodeStatus.report(node, Service.Qos, new StatusBuilder()
            .setServiceStatus(BindingMap.of(new ServiceStatusBuilder().setService(Service.Qos)
                .setState(problem == null ? ServiceState.Up : ServiceState.Down)
                .setReason(problem)
                .build()))
            .build());
    }

    /** Withdraws the qos service of a node no policy names any more. */
    public void withdrawQos(final String node) {
        nodeStatus.withdraw(node, Service.Qos);
    }

    public void removeFilter(final String name) {
        final var tx = later();
        tx.delete(OPERATIONAL, FILTERS.toBuilder().child(Filter.class, new FilterKey(new ObjectName(name))).build());
    }

    public void removeRule(final String name) {
        ruleObservations.remove(name);
        ruleVerifications.remove(name);
        final var tx = later();
        tx.delete(OPERATIONAL, FIREWALL.toBuilder().child(Rule.class, new RuleKey(new ObjectName(name))).build());
    }

    /**
     * Commits what is still recorded, behind what the publisher was handed; the transactions close once the
     * publisher has committed everything. Called once the renderer's thread has stopped; the publisher is shut
     * down after this.
     */
    @Override
    public void close() {
        commitPending();
        try {
            publisher.execute(transactions::close);
        } catch (RejectedExecutionException e) {
            LOG.debug("Closing the observed state's transactions on the closing thread", e);
            transactions.close();
        }
    }

    private Map<SampleKey, Sample> samples(final CounterHistory counters) {
        final var samples = BindingMap.<SampleKey, Sample>orderedBuilder();
        for (var sample : counters.samples()) {
            samples.add(new SampleBuilder()
                .setTime(time(sample.time()))
                .setPackets(counter(sample.counters().packets()))
                .setBytes(counter(sample.counters().bytes()))
                .build());
        }
        final var built = samples.build();
        return built.isEmpty() ? null : built;
    }

    private static ZeroBasedCounter64 counter(final long value) {
        return new ZeroBasedCounter64(Uint64.fromLongBits(value));
    }

    private DateAndTime time(final Instant instant) {
        return times.computeIfAbsent(instant, StatusWriter::dateAndTime);
    }

    private static DateAndTime dateAndTime(final Instant instant) {
        return new DateAndTime(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** The {@link #MAX_TIMES} counter times used last. */
    private static final class RecentTimes extends LinkedHashMap<Instant, DateAndTime> {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        RecentTimes() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Instant, DateAndTime> eldest) {
            return size() > MAX_TIMES;
        }
    }

    private void commit(final WriteTransaction tx, final String what) {
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                if (troubled.compareAndSet(true, false)) {
                    nodeStatus.serviceProblem(Service.Sdn, Optional.empty());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not publish the observed state of {}", what, cause);
                troubled.set(true);
                nodeStatus.serviceProblem(Service.Sdn, Optional.of("the filters' and rules' observed state could not "
                    + "be published (" + cause.getMessage() + "); publishing it again"));
            }
        }, MoreExecutors.directExecutor());
    }
}
