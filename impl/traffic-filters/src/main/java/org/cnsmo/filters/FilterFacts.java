/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/**
 * What validation reads of a traffic filter: its configuration, each leaf null when absent. Two filters with
 * equal facts are the same configuration.
 *
 * @param name the filter's name, its key
 * @param node the node whose switch enforces it
 * @param port the TCP destination port it blocks
 * @param destination the IPv4 destination prefix it blocks, as written
 */
record FilterFacts(String name, @Nullable String node, @Nullable Integer port, @Nullable String destination) {
    private static final NodeIdentifier FILTER = NodeIdentifier.create(Filter.QNAME);
    private static final QName NAME = QName.create(Filter.QNAME, "name").intern();
    private static final NodeIdentifier NODE = NodeIdentifier.create(QName.create(Filter.QNAME, "node"));
    private static final NodeIdentifier PORT =
        NodeIdentifier.create(QName.create(Filter.QNAME, "tcp-destination-port"));
    private static final NodeIdentifier DESTINATION =
        NodeIdentifier.create(QName.create(Filter.QNAME, "ipv4-destination"));

    /**
     * The facts of every filter of a container, by name.
     *
     * @param filters the container, or null when it does not exist
     * @return the facts by name
     */
    static Map<String, FilterFacts> of(final @Nullable TrafficFilters filters) {
        final var facts = new HashMap<String, FilterFacts>();
        if (filters != null) {
            for (var filter : filters.nonnullFilter().values()) {
                facts.put(filter.requireName().getValue(), new FilterFacts(filter.requireName().getValue(),
                    filter.getNode() == null ? null : filter.getNode().getValue(),
                    filter.getTcpDestinationPort() == null ? null
                        : filter.getTcpDestinationPort().getValue().intValue(),
                    filter.getIpv4Destination() == null ? null : filter.getIpv4Destination().getValue()));
            }
        }
        return facts;
    }

    /**
     * The facts of every filter of a container in its normalized form, by name. Reads the leaves' values as the
     * datastore holds them, without decoding binding objects.
     *
     * @param filters the container, or null when it does not exist
     * @return the facts by name
     */
    static Map<String, FilterFacts> of(final @Nullable ContainerNode filters) {
        final var facts = new HashMap<String, FilterFacts>();
        if (filters != null && filters.childByArg(FILTER) instanceof MapNode list) {
            for (var entry : list.body()) {
                final var name = String.valueOf(entry.name().getValue(NAME));
                facts.put(name, new FilterFacts(name, leaf(entry, NODE, String.class),
                    leaf(entry, PORT, Uint16.class) instanceof Uint16 port ? port.intValue() : null,
                    leaf(entry, DESTINATION, String.class)));
            }
        }
        return facts;
    }

    private static <V> @Nullable V leaf(final MapEntryNode entry, final NodeIdentifier leaf, final Class<V> type) {
        return entry.childByArg(leaf) instanceof LeafNode<?> node && type.isInstance(node.body())
            ? type.cast(node.body()) : null;
    }
}
