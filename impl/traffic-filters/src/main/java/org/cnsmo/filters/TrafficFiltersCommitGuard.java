/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.List;
import java.util.Set;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.IntentCheck;
import org.cnsmo.api.validation.ValidatingCommitCohort;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses traffic filters that {@link FilterValidator} finds invalid.
 */
@Component(service = {})
public final class TrafficFiltersCommitGuard implements AutoCloseable {
    private final Registration registration;

    @Activate
    public TrafficFiltersCommitGuard(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec, @Reference final KnownNodes knownNodes) {
        registration = ValidatingCommitCohort.register(broker, codec, TrafficFilters.class, new IntentCheck<>() {
            @Override
            public ListenableFuture<List<Violation>> check(final TrafficFilters before, final TrafficFilters after) {
                return Futures.transform(knownNodes.names(), names -> FilterValidator.validate(before, after, names),
                    MoreExecutors.directExecutor());
            }

            @Override
            public ListenableFuture<List<Violation>> check(final TrafficFilters before, final TrafficFilters after,
                    final Set<String> written) {
                if (written == null) {
                    return check(before, after);
                }
                return Futures.transform(knownNodes.names(),
                    names -> FilterValidator.validateWritten(after, written, names), MoreExecutors.directExecutor());
            }
        });
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
