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
 * The fate of one class of connections: every (source, destination, protocol, port) in {@code space} meets the
 * same hops with the same decisions.
 *
 * @param space the class
 * @param outcome what the first packet meets in the end
 * @param hops the hops it crossed, the last one decisive
 */
public record Verdict(Space space, Outcome outcome, List<Hop> hops) {
    public Verdict {
        requireNonNull(space);
        requireNonNull(outcome);
        hops = List.copyOf(hops);
    }

    /** The element that decided: the first hop that did not accept, else the last hop. */
    public Hop decisive() {
        for (var hop : hops) {
            if (!hop.outcome().passes()) {
                return hop;
            }
        }
        return hops.get(hops.size() - 1);
    }

    Verdict withSpace(final Space newSpace) {
        return new Verdict(newSpace, outcome, hops);
    }
}
