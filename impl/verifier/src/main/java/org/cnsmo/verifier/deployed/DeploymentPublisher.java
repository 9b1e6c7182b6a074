/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.sdn.readback.ReadBackListener;
import org.cnsmo.verifier.Intent;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.DataRoot;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployment vs intent: receives the CNSMO flows the SDN service reads back from each node's switch
 * ({@link ReadBackListener}), compares the reachability they give with the intended one ({@link DeploymentMonitor},
 * {@link DeploymentCheck}) on a thread of its own, and publishes the result per node in {@code deployment}
 * (operational), of which it is the only writer.
 */
@Component(service = ReadBackListener.class)
public final class DeploymentPublisher implements ReadBackListener, AutoCloseable {
    /** At least this long after an intent change before a node is compared: the renderer installs it first. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** At least this long between two comparisons of a node. */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentPublisher.class);

    /** The containers of the intent. */
    private enum Part { NODES, VPN, DNS, LOAD_BALANCERS, FIREWALL, FILTERS }

    private final ScheduledExecutorService executor;
    private final DeploymentWriter writer;
    private final DeploymentMonitor monitor;
    private final List<Registration> registrations = new ArrayList<>();
    // confined to the executor
    private final EnumSet<Part> seen = EnumSet.noneOf(Part.class);
    private Intent intent = Intent.EMPTY;

    @Activate
    public DeploymentPublisher(@Reference final DataBroker dataBroker) {
        this(dataBroker, Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
            .setNameFormat("cnsmo-deployment-%d").setDaemon(true).build()), Clock.systemUTC());
    }

    /**
     * A publisher.
     *
     * @param dataBroker where the intent is read and the results written
     * @param executor a single thread, owned by the publisher from now on
     * @param clock the clock
     */
    public DeploymentPublisher(final DataBroker dataBroker, final ScheduledExecutorService executor,
            final Clock clock) {
        this.executor = requireNonNull(executor);
        writer = new DeploymentWriter(dataBroker, () -> run(this::republish));
        monitor = new DeploymentMonitor(writer,
            (delay, task) -> executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS),
            clock, SETTLE, INTERVAL);
        listen(dataBroker, Nodes.class, Part.NODES, value -> intent = intent.withNodes(value));
        listen(dataBroker, Vpn.class, Part.VPN, value -> intent = intent.withVpn(value));
        listen(dataBroker, Dns.class, Part.DNS, value -> intent = intent.withDns(value));
        listen(dataBroker, LoadBalancers.class, Part.LOAD_BALANCERS,
            value -> intent = intent.withLoadBalancers(value));
        listen(dataBroker, Firewall.class, Part.FIREWALL, value -> intent = intent.withFirewall(value));
        listen(dataBroker, TrafficFilters.class, Part.FILTERS, value -> intent = intent.withFilters(value));
        LOG.info("CNSMO deployment check started");
    }

    private <T extends ChildOf<? extends DataRoot<?>>> void listen(final DataBroker dataBroker,
            final Class<T> container, final Part part, final Consumer<T> setter) {
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(container).build(), new ContainerListener<T>(value -> guarded(() -> {
                setter.accept(value);
                seen.add(part);
                if (seen.size() == Part.values().length) {
                    monitor.onIntent(intent);
                }
            }), executor)));
    }

    @Override
    public void readBack(final String node, final List<FlowAndStatisticsMapList> flows) {
        run(() -> monitor.onReadBack(node, flows));
    }

    @Override
    public void gone(final String node) {
        run(() -> monitor.onGone(node));
    }

    private void republish() {
        LOG.warn("Deployment results may have been lost in a failed commit; publishing them again");
        monitor.republish();
    }

    private void run(final Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("The deployment check is stopping", e);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private static void guarded(final Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("Deployment check failed", e);
        }
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        registrations.reversed().forEach(Registration::close);
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The deployment check's thread did not stop in time");
        }
        writer.close();
        LOG.info("CNSMO deployment check stopped");
    }
}
