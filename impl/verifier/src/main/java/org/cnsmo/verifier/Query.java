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
 * A reachability question: can {@code source} reach {@code destination} on a protocol and ports.
 *
 * @param source a node name, or an address or prefix (such as a bundle client's)
 * @param destination a node name, a load balancer name, an overlay DNS name, an address or a prefix
 * @param protocol the IP protocol number: 6 TCP, 17 UDP, 1 ICMP (echo)
 * @param ports destination ports; ignored for ICMP
 */
public record Query(String source, String destination, int protocol, Range ports) {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;

    public Query {
        requireNonNull(source);
        requireNonNull(destination);
        requireNonNull(ports);
    }
}
