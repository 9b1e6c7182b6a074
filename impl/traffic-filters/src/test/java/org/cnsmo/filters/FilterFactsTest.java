/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

class FilterFactsTest {
    private static final QName NAME = QName.create(Filter.QNAME, "name");
    private static final Map<String, FilterFacts> EXPECTED = Map.of(
        "web", new FilterFacts("web", "Agent.1", 80, "10.8.0.6/32"),
        "bare", new FilterFacts("bare", null, null, null));

    @Test
    void readsTheNormalizedFormLeafByLeaf() {
        final ContainerNode filters = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(TrafficFilters.QNAME))
            .withChild(ImmutableNodes.newSystemMapBuilder()
                .withNodeIdentifier(NodeIdentifier.create(Filter.QNAME))
                .withChild(entry("web",
                    ImmutableNodes.leafNode(QName.create(Filter.QNAME, "node"), "Agent.1"),
                    ImmutableNodes.leafNode(QName.create(Filter.QNAME, "tcp-destination-port"), Uint16.valueOf(80)),
                    ImmutableNodes.leafNode(QName.create(Filter.QNAME, "ipv4-destination"), "10.8.0.6/32")))
                .withChild(entry("bare"))
                .build())
            .build();
        assertEquals(EXPECTED, FilterFacts.of(filters));
        assertEquals(Map.of(), FilterFacts.of((ContainerNode) null));
        assertEquals(Map.of(), FilterFacts.of(ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(TrafficFilters.QNAME)).build()));
    }

    @Test
    void readsTheBindingFormTheSameWay() {
        assertEquals(EXPECTED, FilterFacts.of(new TrafficFiltersBuilder().setFilter(BindingMap.of(
            new FilterBuilder().setName(new ObjectName("web")).setNode(new NodeName("Agent.1"))
                .setTcpDestinationPort(new PortNumber(Uint16.valueOf(80)))
                .setIpv4Destination(new Ipv4Prefix("10.8.0.6/32")).build(),
            new FilterBuilder().setName(new ObjectName("bare")).build())).build()));
        assertEquals(Map.of(), FilterFacts.of((TrafficFilters) null));
    }

    private static MapEntryNode entry(final String name, final LeafNode<?>... leaves) {
        final var entry = ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(Filter.QNAME, NAME, name))
            .withChild(ImmutableNodes.leafNode(NAME, name));
        for (var leaf : leaves) {
            entry.withChild(leaf);
        }
        return entry.build();
    }
}
