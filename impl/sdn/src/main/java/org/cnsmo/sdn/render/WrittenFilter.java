/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static java.util.Objects.requireNonNull;

import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.PlannedFilter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;

/**
 * A traffic filter as written, with its plan, prepared before the renderer's thread takes it ({@link ListListener}):
 * decoding a filter and building its flow are half of the renderer's work in a bulk change.
 *
 * @param config the filter as configured, repeated in its observed state
 * @param plan its intent and flows
 */
public record WrittenFilter(Filter config, PlannedFilter plan) {
    public WrittenFilter {
        requireNonNull(config);
        requireNonNull(plan);
    }

    /**
     * Prepares a validated filter from the configuration datastore.
     *
     * @param config the filter
     * @return it with its plan
     */
    public static WrittenFilter of(final Filter config) {
        return new WrittenFilter(config, PlannedFilter.of(FilterIntent.of(config)));
    }
}
