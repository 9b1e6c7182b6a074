/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.datastore;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.NonNull;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * Hands the whole new content of a container (or {@code null} when it is absent) to a consumer on an
 * executor, once at registration and after every change. For services whose configuration is small enough
 * to be re-rendered whole.
 *
 * @param <T> type of the container
 * @param consumer receives the content
 * @param executor where the consumer runs
 */
public record ContainerListener<T extends DataObject>(Consumer<T> consumer, Executor executor)
        implements DataTreeChangeListener<T> {
    public ContainerListener {
        requireNonNull(consumer);
        requireNonNull(executor);
    }

    @Override
    public void onInitialData() {
        executor.execute(() -> consumer.accept(null));
    }

    @Override
    public void onDataTreeChanged(final @NonNull List<DataTreeModification<T>> changes) {
        final var after = changes.getLast().getRootNode().dataAfter();
        executor.execute(() -> consumer.accept(after));
    }
}
