/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;

/**
 * A traffic filter as the pipeline needs it: drop TCP to a port and prefix on one node.
 *
 * @param name the filter name
 * @param node the node whose switch enforces it
 * @param tcpPort the TCP destination port
 * @param destination the IPv4 destination prefix, canonical
 */
public record FilterIntent(String name, String node, int tcpPort, Ipv4Network destination) {
    public FilterIntent {
        requireNonNull(name);
        requireNonNull(node);
        destination = destination.canonical();
    }

    /** The intent of a validated filter from the configuration datastore. */
    public static FilterIntent of(final Filter filter) {
        return new FilterIntent(filter.requireName().getValue(), filter.requireNode().getValue(),
            filter.requireTcpDestinationPort().getValue().toJava(),
            Ipv4Network.parse(filter.requireIpv4Destination().getValue()));
    }
}
