/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.cnsmo.verifier.Hop;
import org.cnsmo.verifier.Outcome;
import org.cnsmo.verifier.Query;
import org.cnsmo.verifier.Range;

/**
 * A class whose verdict with the flows read back from a node's switch differs from its verdict with the flows
 * generated for the intent.
 *
 * @param source the source node; for a difference of the node's switch alone, the source addresses
 * @param destination the destination node, or addresses
 * @param protocol the protocol number
 * @param ports the destination ports (0 for ICMP echo)
 * @param intended the outcome with the intended flows
 * @param deployed the outcome with the read-back flows
 * @param intendedBy the deciding hop with the intended flows
 * @param deployedBy the deciding hop with the read-back flows
 */
public record Difference(String source, String destination, int protocol, Range ports, Outcome intended,
        Outcome deployed, Hop intendedBy, Hop deployedBy) {
    public Difference {
        requireNonNull(source);
        requireNonNull(destination);
        requireNonNull(ports);
        requireNonNull(intended);
        requireNonNull(deployed);
        requireNonNull(intendedBy);
        requireNonNull(deployedBy);
    }

    /** The protocol's name: tcp, udp or icmp. */
    public String protocolName() {
        return switch (protocol) {
            case Query.TCP -> "tcp";
            case Query.UDP -> "udp";
            case Query.ICMP -> "icmp";
            default -> "protocol " + protocol;
        };
    }

    /**
     * The difference in one line, for example {@code tcp a -> b port 80: intended accept (ingress b: accept by
     * rule web), deployed drop (ingress b: drop by pipeline unplanned table=10,...)}.
     */
    public String summary() {
        final var where = protocol == Query.ICMP ? ""
            : ports.lower() == ports.upper() ? " port " + ports.lower() : " ports " + ports;
        return protocolName() + " " + source + " -> " + destination + where + ": intended "
            + name(intended) + " (" + intendedBy + "), deployed " + name(deployed) + " (" + deployedBy + ")";
    }

    private static String name(final Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
