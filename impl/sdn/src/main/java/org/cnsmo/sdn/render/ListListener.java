/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the entries of a list that were written or deleted to a consumer on the renderer's
 * thread: the entry's name and its new value, null when it was deleted.
 *
 * @param <T> the list entry type
 * @param nameOf the entry name in a path
 * @param consumer receives each name and new value
 * @param executor the renderer's thread
 */
public record ListListener<T extends DataObject>(Function<DataObjectIdentifier<T>, String> nameOf,
        BiConsumer<String, T> consumer, Executor executor) implements DataTreeChangeListener<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ListListener.class);

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<T>> changes) {
        final var entries = new ArrayList<Entry<T>>(changes.size());
        for (var change : changes) {
            entries.add(new Entry<>(nameOf.apply(change.path()), change.getRootNode().dataAfter()));
        }
        executor.execute(() -> entries.forEach(this::apply));
    }

    /**
     * Applies one entry. An exception is logged with the entry it concerned and the rest of the batch still
     * applies: escaping, it would be swallowed by the executor along with every entry after it.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void apply(final Entry<T> entry) {
        try {
            consumer.accept(entry.name(), entry.value());
        } catch (RuntimeException e) {
            LOG.error("Cannot apply the change of '{}' ({}); the other changes of its batch still apply",
                entry.name(), entry.value() == null ? "deleted" : "written", e);
        }
    }

    private record Entry<T>(String name, T value) {
        // a value
    }
}
