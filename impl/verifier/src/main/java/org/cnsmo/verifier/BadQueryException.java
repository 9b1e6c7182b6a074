/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

/**
 * A question or a proposed change the verifier cannot answer, naming the field at fault.
 */
public final class BadQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public BadQueryException(final String field, final String message) {
        super(field + ": " + message);
        this.field = requireNonNull(field);
    }

    public String field() {
        return field;
    }
}
