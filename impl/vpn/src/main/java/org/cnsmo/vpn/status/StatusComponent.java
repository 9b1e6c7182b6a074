/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.vpn.VpnHome;
import org.cnsmo.vpn.enroll.TokenService;
import org.cnsmo.vpn.openvpn.ConnectedClient;
import org.cnsmo.vpn.openvpn.ServerRenderer;
import org.cnsmo.vpn.openvpn.StatusFile;
import org.cnsmo.vpn.pki.PkiStore;
import org.cnsmo.vpn.pki.VpnPki;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
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
 * Publishes the observed state of the VPN ({@link VpnStatusWriter}): every poll interval, and whenever the
 * configuration of the server or of the nodes changes, it reads the server's state from its source, the
 * sessions from the OpenVPN status file, and signs a fresh CRL when due. It publishes the enrollment tokens
 * whenever they change. Its state is confined to its own thread.
 */
@Component(service = VpnStatus.class, immediate = true)
@Designate(ocd = StatusComponent.Configuration.class)
public final class StatusComponent implements VpnStatus, AutoCloseable {
    /** The status poller's settings. */
    @ObjectClassDefinition(name = "CNSMO VPN status")
    public @interface Configuration {
        @AttributeDefinition(description = "How often, in milliseconds, the VPN server's state is read",
            min = "100")
        long pollMillis() default 2_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StatusComponent.class);
    private static final Source NO_SOURCE = () -> CompletableFuture.completedFuture(ServerView.NONE);

    private final ScheduledExecutorService executor;
    private final PkiStore pki;
    private final StatusFile statusFile;
    private final VpnStatusWriter writer;
    private final AtomicReference<Source> source = new AtomicReference<>(NO_SOURCE);
    private final List<Registration> registrations = new ArrayList<>();
    // Confined to the executor.
    private Set<String> nodeNames = Set.of();

    /**
     * Starts publishing.
     *
     * @param broker the data broker
     * @param pki the PKI
     * @param tokens the enrollment tokens
     * @param nodeStatus where each node's VPN state is reported
     * @param statusFile the OpenVPN server's status file
     * @param clock the clock
     * @param pollInterval how often the server's state is read
     * @param executor the single thread the status runs on; shut down when this closes
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public StatusComponent(final DataBroker broker, final PkiStore pki, final TokenService tokens,
            final NodeStatusReports nodeStatus, final Path statusFile, final Clock clock, final Duration pollInterval,
            final ScheduledExecutorService executor) {
        this.executor = requireNonNull(executor);
        this.pki = requireNonNull(pki);
        this.statusFile = new StatusFile(statusFile, clock);
        writer = new VpnStatusWriter(broker, clock, executor, nodeStatus);
        try {
            registrations.add(broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(Nodes.class).build(), new ContainerListener<>(this::onNodes, executor)));
            registrations.add(tokens.onChange(
                () -> executor.execute(() -> writer.publishTokens(tokens.tokens().list()))));
            final var poller = executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(),
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            registrations.add(() -> poller.cancel(false));
        } catch (RuntimeException e) {
            closeRegistrations();
            executor.shutdownNow();
            throw e;
        }
    }

    @Activate
    public StatusComponent(@Reference final DataBroker broker, @Reference final VpnPki pki,
            @Reference final TokenService tokens, @Reference final NodeStatusReports nodeStatus,
            final BundleContext context, final Configuration configuration) {
        this(broker, pki.store(), tokens, nodeStatus,
            ServerRenderer.files(pki.store(), VpnHome.openvpn(VpnHome.of(context))).status(), Clock.systemUTC(),
            Duration.ofMillis(configuration.pollMillis()),
            Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
                .setNameFormat("cnsmo-vpn-status-%d").setDaemon(true).build()));
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        closeRegistrations();
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The VPN status thread did not finish its work in time");
            executor.shutdownNow();
        }
    }

    @Override
    public Registration attach(final Source newSource) {
        requireNonNull(newSource);
        source.set(newSource);
        refresh();
        return () -> source.compareAndSet(newSource, NO_SOURCE);
    }

    @Override
    public void refresh() {
        executor.execute(this::poll);
    }

    private void closeRegistrations() {
        registrations.reversed().forEach(Registration::close);
        registrations.clear();
    }

    private void onNodes(final Nodes nodes) {
        nodeNames = nodes == null ? Set.of() : nodes.nonnullNode().values().stream()
            .map(node -> node.getName().getValue()).collect(Collectors.toUnmodifiableSet());
        poll();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void poll() {
        // An exception escaping a periodic task would cancel it for good.
        try {
            source.get().sample().whenCompleteAsync((view, failure) -> {
                if (failure != null) {
                    LOG.error("Cannot read the VPN server's state", failure);
                } else {
                    publish(view);
                }
            }, executor);
        } catch (RuntimeException e) {
            // The source is going away.
            LOG.debug("The VPN server's state is not available", e);
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void publish(final ServerView view) {
        try {
            var problem = view.problem();
            List<ConnectedClient> connected = List.of();
            if (view.running()) {
                try {
                    connected = statusFile.clients();
                } catch (NoSuchFileException e) {
                    // Just started: the first status file comes within a second.
                } catch (IOException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            pki.refreshCrl();
            writer.publish(new VpnObservation(view.settings(), problem, view.clients(),
                connected.stream().collect(Collectors.toMap(ConnectedClient::name, Function.identity(),
                    (first, second) -> second)), nodeNames), view.certificates());
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot read the VPN server's state", e);
        }
    }
}
