/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.lb.MemberNodes.NodeState;
import org.cnsmo.lb.haproxy.HaproxyRenderer;
import org.cnsmo.lb.haproxy.VipAddresses;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.LoadBalancerKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.load.balancers.load.balancer.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the load balancers: HAProxy on the controller host ({@link HaproxyRenderer}) serves each VIP on
 * the overlay device, and every poll publishes each load balancer's state and its members' health and
 * sessions in the OPERATIONAL datastore; each node that holds members (a member's address is the node's overlay
 * address) gets an {@code lb} service state ({@link MemberNodes}).
 */
@Component(service = { })
@Designate(ocd = LoadBalancerService.Configuration.class)
public final class LoadBalancerService implements AutoCloseable {
    /** Tunables, PID {@code org.cnsmo.lb.LoadBalancerService}. */
    @ObjectClassDefinition(name = "CNSMO load balancers")
    public @interface Configuration {
        @AttributeDefinition(description = "The controller host's device that holds the overlay address")
        String overlayDevice() default "cnsmo-ovl";

        @AttributeDefinition(description = "How often HAProxy's state is read, in milliseconds")
        long pollMillis() default 2_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancerService.class);
    private static final DataObjectIdentifier<LoadBalancers> LBS =
        DataObjectIdentifier.builder(LoadBalancers.class).build();

    private final DataBroker broker;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final HaproxyRenderer renderer;
    private final NodeStatusReports nodeStatus;
    private final List<Registration> registrations;
    private final ScheduledFuture<?> poller;
    // Confined to the executor.
    private Map<String, LoadBalancerIntent> intents = Map.of();
    private final Map<String, Status> published = new HashMap<>();
    private final Map<String, Instant> since = new HashMap<>();
    private Set<String> nodeNames = Set.of();
    private Map<String, String> clientAddresses = Map.of();
    private final Map<String, NodeState> nodeStates = new HashMap<>();
    private final Map<String, Instant> nodeSince = new HashMap<>();
    /** Whether the last commit of observed state failed, so that a degraded lb service was declared. */
    private final AtomicBoolean troubled = new AtomicBoolean();

    /**
     * The service.
     *
     * @param broker the data broker
     * @param dir the directory of HAProxy's files
     * @param overlayDevice the device that holds the VIPs
     * @param clock the clock
     * @param poll how often HAProxy's state is read
     * @param executor the single thread everything runs on
     * @param nodeStatus where the member nodes' {@code lb} state is reported
     * @throws IOException when the directory cannot be made
     */
    public LoadBalancerService(final DataBroker broker, final Path dir, final String overlayDevice,
            final Clock clock, final Duration poll, final ScheduledExecutorService executor,
            final NodeStatusReports nodeStatus) throws IOException {
        this.broker = requireNonNull(broker);
        this.nodeStatus = requireNonNull(nodeStatus);
        this.executor = requireNonNull(executor);
        this.clock = requireNonNull(clock);
        renderer = new HaproxyRenderer(dir, haproxy(), new ProcessSupervisor("haproxy", dir.resolve("haproxy.log"),
            executor, clock), new VipAddresses(overlayDevice, LoadBalancerService::run), LoadBalancerService::run);
        registrations = List.of(
            broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(LoadBalancers.class).build(), new ContainerListener<>(this::onChange,
                    executor)),
            broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(Nodes.class).build(), new ContainerListener<>(this::onNodes, executor)),
            broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(Vpn.class).build(), new ContainerListener<>(this::onVpn, executor)));
        poller = executor.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    @Activate
    public LoadBalancerService(@Reference final DataBroker broker, @Reference final NodeStatusReports nodeStatus,
            final BundleContext context, final Configuration configuration) throws IOException {
        this(broker, Path.of(Optional.ofNullable(context.getProperty("karaf.home")).orElse("."), "cnsmo", "haproxy"),
            configuration.overlayDevice(), Clock.systemUTC(), Duration.ofMillis(configuration.pollMillis()),
            Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
                .setNameFormat("cnsmo-lb-%d").setDaemon(true).build()), nodeStatus);
        LOG.info("CNSMO load balancer service started");
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        poller.cancel(false);
        registrations.reversed().forEach(Registration::close);
        executor.execute(() -> {
            renderer.close();
            nodeStates.keySet().forEach(node -> nodeStatus.withdraw(node, Service.Lb));
            nodeStates.clear();
        });
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void onChange(final LoadBalancers config) {
        try {
            final var next = new HashMap<String, LoadBalancerIntent>();
            if (config != null) {
                for (var lb : config.nonnullLoadBalancer().values()) {
                    LoadBalancerIntent.of(lb).ifPresent(intent -> next.put(intent.name(), intent));
                }
            }
            intents = Map.copyOf(next);
            renderer.apply(List.copyOf(next.values()));
        } catch (RuntimeException e) {
            LOG.error("Cannot apply the load balancers", e);
        }
        poll();
    }

    private void onNodes(final Nodes config) {
        nodeNames = config == null ? Set.of() : config.nonnullNode().keySet().stream()
            .map(key -> key.getName().getValue()).collect(Collectors.toUnmodifiableSet());
        poll();
    }

    private void onVpn(final Vpn config) {
        final var addresses = new HashMap<String, String>();
        if (config != null) {
            config.nonnullClient().values().stream().filter(client -> client.getStaticAddress() != null)
                .forEach(client -> addresses.put(client.requireName().getValue(),
                    client.getStaticAddress().getValue()));
        }
        clientAddresses = Map.copyOf(addresses);
        poll();
    }

    /** Runs on every poll: an exception escaping it would cancel the poller for good. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void poll() {
        try {
            publish(renderer.observe());
        } catch (RuntimeException e) {
            LOG.error("Cannot read the load balancers' state; trying again", e);
        }
    }

    private void publish(final HaproxyRenderer.Observation observation) {
        final var tx = broker.newWriteOnlyTransaction();
        final var statuses = new HashMap<String, Status>();
        boolean changed = false;
        for (var gone : List.copyOf(published.keySet())) {
            if (!intents.containsKey(gone)) {
                published.remove(gone);
                since.remove(gone);
                tx.delete(LogicalDatastoreType.OPERATIONAL, path(gone));
                changed = true;
            }
        }
        for (var lb : intents.values()) {
            var status = LoadBalancerStatus.of(lb, observation);
            final var before = published.get(lb.name());
            if (before == null || before.getState() != status.getState()) {
                since.put(lb.name(), clock.instant());
            }
            status = new StatusBuilder(status).setSince(new DateAndTime(since.get(lb.name())
                .truncatedTo(ChronoUnit.SECONDS).toString())).build();
            statuses.put(lb.name(), status);
            if (!status.equals(before)) {
                published.put(lb.name(), status);
                tx.merge(LogicalDatastoreType.OPERATIONAL, LBS, new LoadBalancersBuilder().build());
                tx.put(LogicalDatastoreType.OPERATIONAL, path(lb.name()), new LoadBalancerBuilder()
                    .setName(new ObjectName(lb.name())).setStatus(status).build());
                changed = true;
            }
        }
        reportNodes(statuses);
        if (!changed) {
            tx.cancel();
            return;
        }
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                if (troubled.compareAndSet(true, false)) {
                    nodeStatus.serviceProblem(Service.Lb, Optional.empty());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Cannot publish the load balancers' state; publishing it all again", cause);
                troubled.set(true);
                // Visible on the member nodes' lb light too, not only in the log.
                nodeStatus.serviceProblem(Service.Lb, Optional.of("the load balancers' observed state could not "
                    + "be published (" + cause.getMessage() + "); publishing it again"));
                executor.execute(published::clear);
            }
        }, MoreExecutors.directExecutor());
    }

    /** Reports the {@code lb} state of every node that holds members, and withdraws it from the others. */
    private void reportNodes(final Map<String, Status> statuses) {
        final var addresses = new HashMap<String, String>();
        for (var node : nodeNames) {
            final var address = clientAddresses.get(node);
            if (address != null) {
                addresses.put(node, address);
            }
        }
        final var states = MemberNodes.of(intents.values(), statuses, addresses);
        for (var gone : new HashSet<>(nodeStates.keySet())) {
            if (!states.containsKey(gone)) {
                nodeStates.remove(gone);
                nodeSince.remove(gone);
                nodeStatus.withdraw(gone, Service.Lb);
            }
        }
        states.forEach((node, state) -> {
            final var before = nodeStates.put(node, state);
            if (before == null || before.state() != state.state()) {
                nodeSince.put(node, clock.instant());
            }
            if (!state.equals(before)) {
                nodeStatus.report(node, Service.Lb, new org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes
                    .node.StatusBuilder().setServiceStatus(BindingMap.of(new ServiceStatusBuilder()
                        .setService(Service.Lb).setState(state.state()).setReason(state.reason().orElse(null))
                        .setSince(new DateAndTime(nodeSince.get(node).truncatedTo(ChronoUnit.SECONDS).toString()))
                        .build()))
                    .build());
            }
        });
    }

    private static DataObjectIdentifier<LoadBalancer> path(final String name) {
        return LBS.toBuilder().child(LoadBalancer.class, new LoadBalancerKey(new ObjectName(name))).build();
    }

    private static String haproxy() {
        return Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
    }

    /** Runs a short command; its output, or an IOException with it when it fails. */
    private static String run(final List<String> command) throws IOException {
        final var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        final var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
