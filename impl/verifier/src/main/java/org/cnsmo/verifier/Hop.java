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
 * One hop of a class of packets along the overlay path, and what decided there.
 *
 * @param name the hop: {@code egress <node>}, {@code vpn-server}, {@code ingress <node>},
 *     {@code load-balancer <name>}, {@code reply <node>}
 * @param element what decided there
 * @param outcome what happened there
 */
public record Hop(String name, Element element, Outcome outcome) {
    public Hop {
        requireNonNull(name);
        requireNonNull(element);
        requireNonNull(outcome);
    }

    @Override
    public String toString() {
        return name + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " by " + element;
    }
}
