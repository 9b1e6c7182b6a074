/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values by key, at most a given number, the least recently used dropped first. A value is computed outside the
 * lock, so two callers may compute the same one; the first stored wins. Thread-safe. A capacity of 0 stores
 * nothing.
 *
 * @param <K> the key, whose equality says the value is the same
 * @param <V> the value
 */
final class BoundedCache<K, V> {
    private final int capacity;
    private final Map<K, V> entries;

    BoundedCache(final int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity + " is negative");
        }
        this.capacity = capacity;
        entries = new Lru<>(capacity);
    }

    /** A map in access order that drops its eldest entry beyond a capacity. */
    private static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;

        private final int capacity;

        Lru(final int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(final Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }

    /** The value of a key: the one stored, else computed and stored. */
    V get(final K key, final Supplier<? extends V> compute) {
        if (capacity == 0) {
            return compute.get();
        }
        synchronized (entries) {
            final var value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        final V value = requireNonNull(compute.get());
        synchronized (entries) {
            final var stored = entries.putIfAbsent(key, value);
            return stored == null ? value : stored;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
