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
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.NormalizedCheck;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses traffic filters that {@link FilterValidator} finds invalid. The commit cohort hands it the filters in
 * their normalized form ({@link NormalizedCheck}); the binding form is read the same way.
 */
@Component(service = ContainerCheck.class)
public final class TrafficFiltersCheck implements ContainerCheck<TrafficFilters>, NormalizedCheck {
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
        return check(FilterFacts.of(before), FilterFacts.of(after), null);
    }

    @Override
    public ListenableFuture<List<Violation>> check(final TrafficFilters before, final TrafficFilters after,
            final Set<String> written) {
        return check(written == null ? FilterFacts.of(before) : Map.of(), FilterFacts.of(after), written);
    }

    @Override
    public ListenableFuture<List<Violation>> check(final ContainerNode before, final ContainerNode after,
            final Set<String> written) {
        return check(written == null ? FilterFacts.of(before) : Map.of(), FilterFacts.of(after), written);
    }

    private ListenableFuture<List<Violation>> check(final Map<String, FilterFacts> before,
            final Map<String, FilterFacts> after, final @Nullable Set<String> written) {
        return knownNodes.check(names -> written == null ? FilterValidator.validate(before, after, names)
            : FilterValidator.validateWritten(after, written, names));
    }
}
