/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

/**
 * What happens to the first packet of a connection, and what a client then observes.
 */
public enum Outcome {
    /** Forwarded: the connection opens (connect). */
    ACCEPT,
    /** Discarded silently: the client times out. */
    DROP,
    /** Refused actively: a TCP reset or an ICMP port unreachable. */
    REJECT;

    public boolean passes() {
        return this == ACCEPT;
    }
}
