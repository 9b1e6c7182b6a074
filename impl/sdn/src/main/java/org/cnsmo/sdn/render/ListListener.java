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
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the entries of a list that were written or deleted to a consumer on the renderer's thread: the entry's
 * name and its new value, prepared, or null when it was deleted.
 *
 * <p>Preparing is a pure function of the value (decoding it into an intent, say). A large batch is prepared in two
 * halves at once, one on the listener's thread and one on the renderer's, which would otherwise both wait: a bulk
 * change then reaches the consumer sooner. The consumer still gets the whole batch in one task of the renderer's
 * thread, so that one change is one bundle per switch.
 *
 * @param <T> the list entry type
 * @param <P> the prepared form of an entry
 * @param nameOf the entry name in a path
 * @param prepare turns a written entry into what the consumer takes; any thread, at most once per entry
 * @param consumer receives each name and prepared value, on the renderer's thread
 * @param executor the renderer's thread
 */
public record ListListener<T extends DataObject, P>(Function<DataObjectIdentifier<T>, String> nameOf,
        Function<T, P> prepare, BiConsumer<String, P> consumer, Executor executor)
        implements DataTreeChangeListener<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ListListener.class);
    /** The smallest batch whose preparation is shared with the renderer's thread. */
    static final int SHARED_PREPARATION = 256;

    /**
     * A listener that hands each entry on as it is.
     *
     * @param nameOf the entry name in a path
     * @param consumer receives each name and value, on the renderer's thread
     * @param executor the renderer's thread
     * @param <T> the list entry type
     * @return the listener
     */
    public static <T extends DataObject> ListListener<T, T> of(final Function<DataObjectIdentifier<T>, String> nameOf,
            final BiConsumer<String, T> consumer, final Executor executor) {
        return new ListListener<>(nameOf, Function.identity(), consumer, executor);
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<T>> changes) {
        final var entries = new ArrayList<Entry<T, P>>(changes.size());
        for (var change : changes) {
            entries.add(new Entry<>(nameOf.apply(change.path()), change.getRootNode().dataAfter()));
        }
        if (entries.size() >= SHARED_PREPARATION) {
            final var second = entries.subList(entries.size() / 2, entries.size());
            executor.execute(() -> second.forEach(this::prepare));
            entries.subList(0, entries.size() / 2).forEach(this::prepare);
        } else {
            entries.forEach(this::prepare);
        }
        // Behind the second half's task: the renderer's thread runs its tasks in order.
        executor.execute(() -> entries.forEach(this::apply));
    }

    /** Prepares one entry; what goes wrong is logged with the entry when it is applied. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void prepare(final Entry<T, P> entry) {
        if (entry.value != null) {
            try {
                entry.prepared = prepare.apply(entry.value);
            } catch (RuntimeException e) {
                entry.failure = e;
            }
        }
    }

    /**
     * Applies one entry. An exception is logged with the entry it concerned and the rest of the batch still
     * applies: escaping, it would be swallowed by the executor along with every entry after it.
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void apply(final Entry<T, P> entry) {
        try {
            if (entry.failure != null) {
                throw entry.failure;
            }
            consumer.accept(entry.name, entry.prepared);
        } catch (RuntimeException e) {
            LOG.error("Cannot apply the change of '{}' ({}); the other changes of its batch still apply",
                entry.name, entry.value == null ? "deleted" : "written", e);
        }
    }

    /**
     * One written or deleted entry of a batch. Prepared by one thread before the task that applies it is handed
     * to the renderer's thread, or by that thread itself in an earlier task: either way the renderer sees it.
     */
    private static final class Entry<T, P> {
        private final String name;
        private final @Nullable T value;
        private @Nullable P prepared;
        private @Nullable RuntimeException failure;

        Entry(final String name, final @Nullable T value) {
            this.name = name;
            this.value = value;
        }
    }
}
