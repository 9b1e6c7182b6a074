/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.Set;
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
}
