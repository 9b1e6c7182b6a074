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
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A check that reads the normalized form of its container, as the datastore holds it. The commit cohort calls it
 * instead of the binding {@link IntentCheck} when a {@link ContainerCheck} implements it too. A bulk write is where
 * that matters: decoding each of 10,000 filters into binding objects, every leaf checked against its pattern again
 * (the RESTCONF parser checked it already), was most of the time a commit spent in validation.
 */
public interface NormalizedCheck {
    /**
     * Checks the container as it will be after the commit.
     *
     * @param before the container before the transaction, or {@code null} when it did not exist
     * @param after the container after the transaction
     * @param written the key values of the list entries the transaction created or changed, or {@code null} when
     *     everything must be checked, as for {@link IntentCheck}
     * @return a future with the violations found, empty when the intent is valid
     */
    @NonNull ListenableFuture<List<Violation>> check(@Nullable ContainerNode before, @NonNull ContainerNode after,
        @Nullable Set<String> written);
}
