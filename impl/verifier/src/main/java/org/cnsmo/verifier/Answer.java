/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a {@link Query}.
 *
 * @param reachability whether every, no, or some of the asked connections open
 * @param classes the exact sub-classes with their outcome and the decision of every hop, ordered
 * @param path the hops of the first class that opens, else of the first class
 */
public record Answer(Reachability reachability, List<Verdict> classes, List<String> path) {
    /** The overall answer. */
    public enum Reachability {
        /** Every asked connection opens. */
        REACHABLE,
        /** No asked connection opens. */
        UNREACHABLE,
        /** Some open, some do not: see the classes. */
        PARTIALLY
    }

    public Answer {
        requireNonNull(reachability);
        classes = List.copyOf(classes);
        path = List.copyOf(path);
    }
}
