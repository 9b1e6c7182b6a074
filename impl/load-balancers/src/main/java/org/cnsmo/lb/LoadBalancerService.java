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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.process.ProcessSupervisor;
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
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataObjectReference;
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
 * sessions in the OPERATIONAL datastore.
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
    private final Registration registration;
    private final ScheduledFuture<?> poller;
    // Confined to the executor.
    private Map<String, LoadBalancerIntent> intents = Map.of();
    private final Map<String, Status> published = new HashMap<>();
    private final Map<String, Instant> since = new HashMap<>();

    /**
     * The service.
     *
     * @param broker the data broker
     * @param dir the directory of HAProxy's files
     * @param overlayDevice the device that holds the VIPs
     * @param clock the clock
     * @param poll how often HAProxy's state is read
     * @param executor the single thread everything runs on
     * @throws IOException when the directory cannot be made
     */
    public LoadBalancerService(final DataBroker broker, final Path dir, final String overlayDevice,
            final Clock clock, final Duration poll, final ScheduledExecutorService executor) throws IOException {
        this.broker = requireNonNull(broker);
        this.executor = requireNonNull(executor);
        this.clock = requireNonNull(clock);
        renderer = new HaproxyRenderer(dir, haproxy(), new ProcessSupervisor("haproxy", dir.resolve("haproxy.log"),
            executor, clock), new VipAddresses(overlayDevice, LoadBalancerService::run), LoadBalancerService::run);
        registration = broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(LoadBalancers.class).build(), new ContainerListener<>(this::onChange,
                executor));
        poller = executor.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    @Activate
    public LoadBalancerService(@Reference final DataBroker broker, final BundleContext context,
            final Configuration configuration) throws IOException {
        this(broker, Path.of(Optional.ofNullable(context.getProperty("karaf.home")).orElse("."), "cnsmo", "haproxy"),
            configuration.overlayDevice(), Clock.systemUTC(), Duration.ofMillis(configuration.pollMillis()),
            Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
                .setNameFormat("cnsmo-lb-%d").setDaemon(true).build()));
        LOG.info("CNSMO load balancer service started");
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        poller.cancel(false);
        registration.close();
        executor.execute(renderer::close);
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
            if (!status.equals(before)) {
                published.put(lb.name(), status);
                tx.merge(LogicalDatastoreType.OPERATIONAL, LBS, new LoadBalancersBuilder().build());
                tx.put(LogicalDatastoreType.OPERATIONAL, path(lb.name()), new LoadBalancerBuilder()
                    .setName(new ObjectName(lb.name())).setStatus(status).build());
                changed = true;
            }
        }
        if (!changed) {
            tx.cancel();
            return;
        }
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                // published
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Cannot publish the load balancers' state; publishing it all again", cause);
                executor.execute(published::clear);
            }
        }, MoreExecutors.directExecutor());
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
