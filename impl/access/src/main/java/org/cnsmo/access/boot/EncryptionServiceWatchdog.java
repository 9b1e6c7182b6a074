/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access.boot;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings AAA's encryption service up when its configurator has lost its only notification at boot (see
 * {@link EncryptionStall}): without this, about one restart in five never serves RESTCONF. Every second it
 * looks at the configurator's component in the Service Component Runtime and at the service registry; when the
 * configurator has been active for {@link #GRACE} with no encryption service, it disables and enables the
 * component, which makes it read the stored configuration again. Nothing in the datastore is touched: a new key
 * would make data encrypted with the old one unreadable.
 */
@Component(service = { })
public final class EncryptionServiceWatchdog implements AutoCloseable {
    /** The SCR name of the component that stalls: its class name. */
    static final String CONFIGURATOR = "org.opendaylight.aaa.encrypt.impl.OSGiEncryptionServiceConfigurator";
    /** The service it makes, by name: this bundle does not need AAA's classes. */
    static final String SERVICE = "org.opendaylight.aaa.encrypt.AAAEncryptionService";
    /**
     * How long an active configurator may go without its service. A healthy boot registers it well within a
     * second of the configurator's activation, a first boot within two (it writes the key first).
     */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionServiceWatchdog.class);

    private final ServiceComponentRuntime runtime;
    private final BundleContext context;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final EncryptionStall stall = new EncryptionStall(GRACE);

    @Activate
    public EncryptionServiceWatchdog(@Reference final ServiceComponentRuntime runtime,
            final BundleContext context) {
        this(runtime, context, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(task -> {
            final var thread = new Thread(task, "cnsmo-encryption-watchdog");
            thread.setDaemon(true);
            return thread;
        }));
    }

    EncryptionServiceWatchdog(final ServiceComponentRuntime runtime, final BundleContext context,
            final Clock clock, final ScheduledExecutorService executor) {
        this.runtime = requireNonNull(runtime);
        this.context = requireNonNull(context);
        this.clock = requireNonNull(clock);
        this.executor = requireNonNull(executor);
        executor.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    void check() {
        try {
            final var description = configurator();
            final var active = description.map(this::activeId).orElse(OptionalLong.empty());
            stall.restartNeeded(active, serviceRegistered(), clock.instant())
                .ifPresent(waited -> restart(description.orElseThrow(), active.getAsLong(), waited));
        } catch (RuntimeException e) {
            // Keep watching: one bad look at the runtime must not end the watchdog.
            LOG.warn("CNSMO could not check AAA's encryption service", e);
        }
    }

    private Optional<ComponentDescriptionDTO> configurator() {
        return runtime.getComponentDescriptionDTOs().stream()
            .filter(description -> CONFIGURATOR.equals(description.name))
            .findFirst();
    }

    private OptionalLong activeId(final ComponentDescriptionDTO description) {
        return runtime.getComponentConfigurationDTOs(description).stream()
            .filter(configuration -> configuration.state == ComponentConfigurationDTO.ACTIVE)
            .mapToLong(configuration -> configuration.id)
            .findFirst();
    }

    private boolean serviceRegistered() {
        try {
            return context.getAllServiceReferences(SERVICE, null) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }

    private void restart(final ComponentDescriptionDTO description, final long id, final Duration waited) {
        LOG.warn("AAA's encryption service is missing {} ms after its configurator (component {}) became active:"
            + " the configurator lost its first notification (a race in aaa 0.21.2), so Shiro and RESTCONF would"
            + " never start. Restarting the configurator; the stored configuration is kept.", waited.toMillis(),
            id);
        try {
            runtime.disableComponent(description).getValue();
            runtime.enableComponent(description).getValue();
        } catch (InvocationTargetException e) {
            LOG.error("CNSMO could not restart AAA's encryption service configurator", e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.info("AAA's encryption service configurator restarted");
    }
}
