/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import java.util.Set;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses traffic filters that {@link FilterValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class TrafficFiltersCheck implements ContainerCheck<TrafficFilters> {
    private final KnownNodes knownNodes;

    @Activate
    public TrafficFiltersCheck(@Reference final KnownNodes knownNodes) {
        this.knownNodes = requireNonNull(knownNodes);
    }

    @Override
    public Class<TrafficFilters> container() {
        return TrafficFilters.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final TrafficFilters before, final TrafficFilters after) {
        return knownNodes.check(names -> FilterValidator.validate(before, after, names));
    }

    @Override
    public ListenableFuture<List<Violation>> check(final TrafficFilters before, final TrafficFilters after,
            final Set<String> written) {
        if (written == null) {
            return check(before, after);
        }
        return knownNodes.check(names -> FilterValidator.validateWritten(after, written, names));
    }
}
