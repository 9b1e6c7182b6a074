/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;

/**
 * A traffic filter's intent with its flows ({@link FilterFlows}), computed once. They depend on the filter alone,
 * so they can be computed before the renderer's thread takes the filter, and are the same whichever switch the
 * filter's node is bound to.
 */
public final class PlannedFilter {
    private final FilterIntent intent;
    private final List<Flow> flows;

    private PlannedFilter(final FilterIntent intent, final List<Flow> flows) {
        this.intent = requireNonNull(intent);
        this.flows = requireNonNull(flows);
    }

    /**
     * A filter's plan.
     *
     * @param intent the filter
     * @return its intent and flows
     */
    public static PlannedFilter of(final FilterIntent intent) {
        return new PlannedFilter(intent, FilterFlows.of(intent));
    }

    public FilterIntent intent() {
        return intent;
    }

    /**
     * The filter's flows.
     *
     * @return them, immutable
     */
    public List<Flow> flows() {
        return flows;
    }
}
