/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jdt.annotation.NonNull;

/**
 * The names of the nodes configured in the overlay, for services whose intent refers to nodes.
 */
public interface KnownNodes {
    /**
     * Reads the names of the configured nodes.
     *
     * @return a future with the current node names
     */
    @NonNull ListenableFuture<Set<String>> names();

    /**
     * Applies a check to the names of the configured nodes, once they are read.
     *
     * @param check the check, given the current node names
     * @param <V> the check's result type
     * @return a future with the check's result
     */
    default <V> @NonNull ListenableFuture<V> check(final Function<Set<String>, V> check) {
        return Futures.transform(names(), check::apply, MoreExecutors.directExecutor());
    }
}
