/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static java.util.Objects.requireNonNull;

/**
 * One reason why an intent cannot be committed.
 *
 * @param path the offending field, in RESTCONF notation relative to the data root, for example
 *             {@code traffic-filters/filter=web/node}
 * @param reason what is wrong with it, in words a user can act on
 */
public record Violation(String path, String reason) {
    public Violation {
        requireNonNull(path);
        requireNonNull(reason);
    }

    /**
     * The violation of a leaf that every entry needs. The YANG models do not say {@code mandatory true} for
     * such leaves: RESTCONF 9.0.1 answers a commit that lacks a mandatory leaf with a 500 that does not name it,
     * while a violation reaches the client as a 400 with the path.
     *
     * @param path the missing leaf
     * @return the violation
     */
    public static Violation missing(final String path) {
        return new Violation(path, "is required");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
