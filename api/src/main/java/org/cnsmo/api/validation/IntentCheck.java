/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * Checks the configuration a transaction is about to commit under one top-level container.
 *
 * @param <T> the container type
 */
@FunctionalInterface
public interface IntentCheck<T extends DataObject> {
    /**
     * Checks the container as it will be after the commit.
     *
     * @param before the container before the transaction, or {@code null} when it did not exist
     * @param after the container after the transaction
     * @return a future with the violations found, empty when the intent is valid
     */
    @NonNull ListenableFuture<List<Violation>> check(T before, @NonNull T after);

    /**
     * Checks the container as it will be after the commit, knowing which list entries the transaction wrote.
     * Checks whose cost grows with the container override this to look at the written entries only (a commit
     * of one filter among 10,000 then costs one filter, not 10,000); the default checks everything.
     *
     * @param before the container before the transaction, or {@code null} when it did not exist
     * @param after the container after the transaction
     * @param written the key values of the list entries the transaction created or changed (deleted ones are not
     *     included), or {@code null} when the transaction replaced more than list entries and everything must be
     *     checked
     * @return a future with the violations found, empty when the intent is valid
     */
    default @NonNull ListenableFuture<List<Violation>> check(final T before, final @NonNull T after,
            final @Nullable Set<String> written) {
        return check(before, after);
    }
}
