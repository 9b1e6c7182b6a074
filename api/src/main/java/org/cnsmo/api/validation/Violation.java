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

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
