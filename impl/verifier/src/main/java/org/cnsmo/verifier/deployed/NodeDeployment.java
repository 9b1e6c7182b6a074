/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the last comparison of a node's deployment with the intent found.
 *
 * @param node the node
 * @param deployedFlows how many CNSMO flows its switch held
 * @param checkedAt when the comparison was made
 * @param firstDifference the first differing class, or null when the deployment matches the intent
 * @param lastDifference the first differing class of the last comparison that found one, or null
 * @param lastDifferenceAt when that comparison was made, or null
 */
public record NodeDeployment(String node, int deployedFlows, Instant checkedAt, @Nullable Difference firstDifference,
        @Nullable Difference lastDifference, @Nullable Instant lastDifferenceAt) {
    public NodeDeployment {
        requireNonNull(node);
        requireNonNull(checkedAt);
    }

    public boolean matchesIntent() {
        return firstDifference == null;
    }
}
