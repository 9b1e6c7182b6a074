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
import org.eclipse.jdt.annotation.NonNull;
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
}
