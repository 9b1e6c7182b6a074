/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.NonNull;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataRoot;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a {@link ValidatingCommitCohort} for every {@link ContainerCheck} service, as the service bundles
 * publish them, and closes it when its check goes away.
 */
@Component(service = {})
public final class CommitGuards implements AutoCloseable {
    /**
     * Registers the commit cohort of one check.
     */
    @FunctionalInterface
    interface Registrar {
        @NonNull Registration register(@NonNull ContainerCheck<?> check);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CommitGuards.class);

    private final Map<ContainerCheck<?>, Registration> registrations = new IdentityHashMap<>();
    private final Registrar registrar;

    @Activate
    public CommitGuards(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec) {
        this(check -> register(broker, codec, check));
    }

    CommitGuards(final Registrar registrar) {
        this.registrar = requireNonNull(registrar);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCheck(final ContainerCheck<?> check) {
        final var previous = registrations.put(check, registrar.register(check));
        if (previous != null) {
            previous.close();
        }
    }

    synchronized void unbindCheck(final ContainerCheck<?> check) {
        final var registration = registrations.remove(check);
        if (registration != null) {
            registration.close();
            LOG.info("CNSMO stopped checking {} configuration", check.container().getSimpleName());
        }
    }

    @Deactivate
    @Override
    public synchronized void close() {
        registrations.values().forEach(Registration::close);
        registrations.clear();
    }

    private static <T extends ChildOf<? extends DataRoot<?>>> @NonNull Registration register(
            final DOMDataBroker broker, final BindingNormalizedNodeSerializer codec, final ContainerCheck<T> check) {
        return ValidatingCommitCohort.register(broker, codec, check.container(), check);
    }
}
