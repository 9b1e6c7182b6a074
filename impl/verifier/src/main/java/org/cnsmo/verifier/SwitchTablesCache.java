/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Supplier;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchBinding;

/**
 * Each node's {@link SwitchTables} by what determines them, so that {@link Overlay#of(Intent, SwitchTablesCache)}
 * does not generate and read the flows of an unchanged node again: at 100 nodes and 1,000 rules that is most of
 * building an overlay. Bounded, least recently used first out.
 */
public final class SwitchTablesCache {
    /** Caches nothing. */
    public static final SwitchTablesCache NONE = new SwitchTablesCache(0);

    /**
     * What a node's switch tables are made of.
     *
     * @param binding the node's switch binding
     * @param rules the firewall rules the pipeline renders on it, in the intent's order
     * @param filters the traffic filters it renders on it, in the intent's order
     * @param elements the element each rule's and then each filter's cookie names (two names may share a cookie)
     */
    public record Inputs(SwitchBinding binding, List<RuleIntent> rules, List<FilterIntent> filters,
            List<Element> elements) {
        public Inputs {
            requireNonNull(binding);
            rules = List.copyOf(rules);
            filters = List.copyOf(filters);
            elements = List.copyOf(elements);
        }
    }

    private final BoundedCache<Inputs, SwitchTables> tables;

    /**
     * A cache.
     *
     * @param capacity how many switches it holds at most: some more than the nodes, for a proposal's changed ones
     */
    public SwitchTablesCache(final int capacity) {
        tables = new BoundedCache<>(capacity);
    }

    /** The tables of a switch: the ones stored for equal inputs, else computed. */
    SwitchTables tables(final Inputs inputs, final Supplier<SwitchTables> compute) {
        return tables.get(inputs, compute);
    }

    public int size() {
        return tables.size();
    }
}
