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
import org.cnsmo.verifier.Overlay.NodeView;

/**
 * The verdicts of (source node, destination node, protocol) triples between two nodes that both have a switch,
 * on the side before a change: they depend on nothing but the two nodes' addresses and switch tables, so
 * {@link WhatIf#compare} keeps them for the next change of the same intent and mostly evaluates the side after
 * only. Bounded, least recently used first out; about 1 KB a triple.
 */
public final class PairVerdictCache {
    /** Caches nothing. */
    public static final PairVerdictCache NONE = new PairVerdictCache(0);

    private record Key(NodeView source, NodeView destination, int protocol) {
        Key {
            requireNonNull(source);
            requireNonNull(destination);
        }
    }

    private final BoundedCache<Key, List<Verdict>> verdicts;

    /**
     * A cache.
     *
     * @param capacity how many triples it holds at most: three per ordered pair of nodes hold an intent
     */
    public PairVerdictCache(final int capacity) {
        verdicts = new BoundedCache<>(capacity);
    }

    List<Verdict> verdicts(final NodeView source, final NodeView destination, final int protocol,
            final Supplier<List<Verdict>> compute) {
        return verdicts.get(new Key(source, destination, protocol), compute);
    }

    public int size() {
        return verdicts.size();
    }
}
