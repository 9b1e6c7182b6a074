/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.NodesBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of the nodes' observed status. Services report into it ({@link NodeStatusReports}); it keeps
 * each service's report per node and writes the merge ({@link NodeStatusMerge}) of every node that changed,
 * in one transaction at a time. A commit that fails is not forgotten: the nodes it carried are written again,
 * with their state at that time, after a back-off (0.5 s doubling to 30 s), until a commit lands.
 *
 * <p>All state is confined to one thread.
 */
@Component(service = NodeStatusReports.class, immediate = true)
public final class NodeStatusOwner implements NodeStatusReports, AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(NodeStatusOwner.class);
    private static final DataObjectIdentifier<Nodes> NODES = DataObjectIdentifier.builder(Nodes.class).build();

    private final DataBroker broker;
    private final ScheduledExecutorService executor;
    private final Map<String, Map<Service, Status>> reports = new HashMap<>();
    private final Map<Service, String> problems = new EnumMap<>(Service.class);
    private final Set<String> dirty = new LinkedHashSet<>();
    private boolean flushScheduled;
    private boolean committing;
    private Duration retry = FIRST_RETRY;

    @Activate
    public NodeStatusOwner(@Reference final DataBroker broker) {
        this(broker, Executors.newSingleThreadScheduledExecutor(task -> {
            final var thread = new Thread(task, "cnsmo-node-status");
            thread.setDaemon(true);
            return thread;
        }));
    }

    NodeStatusOwner(final DataBroker broker, final ScheduledExecutorService executor) {
        this.broker = requireNonNull(broker);
        this.executor = requireNonNull(executor);
    }

    @Override
    public void report(final String node, final Service service, final Status part) {
        requireNonNull(node);
        requireNonNull(service);
        requireNonNull(part);
        executor.execute(() -> {
            final var parts = reports.computeIfAbsent(node, key -> new EnumMap<>(Service.class));
            if (!part.equals(parts.put(service, part))) {
                changed(node);
            }
        });
    }

    @Override
    public void withdraw(final String node, final Service service) {
        executor.execute(() -> {
            final var parts = reports.get(node);
            if (parts != null && parts.remove(service) != null) {
                if (parts.isEmpty()) {
                    reports.remove(node);
                }
                changed(node);
            }
        });
    }

    @Override
    public void serviceProblem(final Service service, final Optional<String> problem) {
        requireNonNull(service);
        requireNonNull(problem);
        executor.execute(() -> {
            final var before = problem.isPresent() ? problems.put(service, problem.orElseThrow())
                : problems.remove(service);
            if (!Objects.equals(before, problem.orElse(null))) {
                if (problem.isPresent()) {
                    LOG.warn("The {} service is degraded on every node: {}", service.getName(), problem.orElseThrow());
                } else {
                    LOG.info("The {} service's problem is over", service.getName());
                }
                reports.keySet().forEach(this::changed);
            }
        });
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private void changed(final String node) {
        dirty.add(node);
        schedule(Duration.ZERO);
    }

    private void schedule(final Duration delay) {
        if (!flushScheduled && !committing) {
            flushScheduled = true;
            executor.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (dirty.isEmpty()) {
            return;
        }
        final var batch = List.copyOf(dirty);
        dirty.clear();
        committing = true;
        final var tx = broker.newWriteOnlyTransaction();
        tx.merge(LogicalDatastoreType.OPERATIONAL, NODES, new NodesBuilder().build());
        for (var node : batch) {
            final var path = NODES.toBuilder().child(Node.class, new NodeKey(new NodeName(node))).build();
            final var parts = reports.get(node);
            if (parts == null) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, path);
            } else {
                tx.put(LogicalDatastoreType.OPERATIONAL, path, new NodeBuilder().setName(new NodeName(node))
                    .setStatus(NodeStatusMerge.merge(parts, problems)).build());
            }
        }
        Futures.addCallback(tx.commit(), new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                committing = false;
                if (!retry.equals(FIRST_RETRY)) {
                    LOG.info("The nodes' status is published again");
                }
                retry = FIRST_RETRY;
                if (!dirty.isEmpty()) {
                    schedule(Duration.ZERO);
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                committing = false;
                // Written again with the state of that time: what was reported meanwhile is not lost either.
                dirty.addAll(batch);
                LOG.warn("Cannot publish the status of nodes {}; trying again in {} ms", batch, retry.toMillis(),
                    cause);
                schedule(retry);
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            }
        }, executor);
    }
}
