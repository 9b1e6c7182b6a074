/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;

class FilterValidatorTest {
    private static final Set<String> NODES = Set.of("Agent.1", "Agent.2");

    @Test
    void acceptsDistinctFilters() {
        assertEquals(List.of(), FilterValidator.validate(Map.of(), filters(
            filter("web", "Agent.1", 80, "10.8.0.6/32").build(),
            filter("web2", "Agent.2", 80, "10.8.0.6/32").build(),
            filter("ssh", "Agent.1", 22, "10.8.0.0/24").build()), NODES));
    }

    @Test
    void refusesFilterWithoutNode() {
        assertEquals(List.of(new Violation("traffic-filters/filter=web/node", "a filter needs a node")),
            FilterValidator.validate(Map.of(), filters(filter("web", "Agent.1", 80, "10.8.0.6/32").setNode(null)
                .build()), NODES));
    }

    @Test
    void refusesFilterOnUnknownNode() {
        assertEquals(List.of(new Violation("traffic-filters/filter=web/node", "node 'Agent.9' does not exist")),
            FilterValidator.validate(Map.of(), filters(filter("web", "Agent.9", 80, "10.8.0.6/32").build()), NODES));
    }

    @Test
    void keepsUnchangedFilterOfNodeThatLeft() {
        final var dormant = filter("web", "Agent.9", 80, "10.8.0.6/32").build();
        assertEquals(List.of(), FilterValidator.validate(filters(dormant),
            filters(dormant, filter("ssh", "Agent.1", 22, "10.8.0.6/32").build()), NODES));
    }

    @Test
    void refusesChangedFilterOfNodeThatLeft() {
        final var dormant = filter("web", "Agent.9", 80, "10.8.0.6/32");
        assertEquals(List.of(new Violation("traffic-filters/filter=web/node", "node 'Agent.9' does not exist")),
            FilterValidator.validate(filters(dormant.build()),
                filters(dormant.setTcpDestinationPort(new PortNumber(Uint16.valueOf(8080))).build()), NODES));
    }

    @Test
    void suggestsCanonicalDestination() {
        assertEquals(List.of(new Violation("traffic-filters/filter=web/ipv4-destination",
                "ipv4-destination 10.8.0.6/24 has host bits set; use 10.8.0.0/24")),
            FilterValidator.validate(Map.of(), filters(filter("web", "Agent.1", 80, "10.8.0.6/24").build()), NODES));
    }

    @Test
    void refusesDuplicateFilter() {
        assertEquals(List.of(new Violation("traffic-filters/filter=web2", "duplicates filter 'web'")),
            FilterValidator.validate(Map.of(), filters(
                filter("web2", "Agent.1", 80, "10.8.0.6/32").build(),
                filter("web", "Agent.1", 80, "10.8.0.6/32").build()), NODES));
    }

    @Test
    void writtenFilterThatDuplicatesAnUnwrittenOneIsRefused() {
        final var all = filters(
            filter("web", "Agent.1", 80, "10.8.0.6/32").build(),
            filter("ssh", "Agent.1", 22, "10.8.0.6/32").build(),
            filter("copy", "Agent.1", 80, "10.8.0.6/32").build());
        assertEquals(List.of(new Violation("traffic-filters/filter=copy", "duplicates filter 'web'")),
            FilterValidator.validateWritten(all, Set.of("copy"), NODES));
    }

    @Test
    void onlyWrittenFiltersAreChecked() {
        final var all = filters(
            filter("dormant", "Agent.9", 80, "10.8.0.6/32").build(),
            filter("new", "Agent.2", 80, "10.8.0.6/32").build(),
            filter("bad", "Agent.9", 81, "10.8.0.6/24").build());
        assertEquals(List.of(), FilterValidator.validateWritten(all, Set.of("new"), NODES));
        assertEquals(List.of(new Violation("traffic-filters/filter=bad/node", "node 'Agent.9' does not exist"),
                new Violation("traffic-filters/filter=bad/ipv4-destination",
                    "ipv4-destination 10.8.0.6/24 has host bits set; use 10.8.0.0/24")),
            FilterValidator.validateWritten(all, Set.of("bad", "gone"), NODES));
    }

    @Test
    void twoWrittenDuplicatesAreRefused() {
        final var all = filters(
            filter("b", "Agent.1", 80, "10.8.0.0/24").build(),
            filter("a", "Agent.1", 80, "10.8.0.0/24").build());
        assertEquals(List.of(new Violation("traffic-filters/filter=b", "duplicates filter 'a'")),
            FilterValidator.validateWritten(all, Set.of("a", "b"), NODES));
    }

    @Test
    void nameWhoseCookieCollidesIsRefusedNamingBoth() {
        // r13263849 and r31221268 share the 48 bits of their SHA-256 that flow cookies carry.
        final var all = filters(
            filter("r13263849", "Agent.1", 80, "10.8.0.0/24").build(),
            filter("r31221268", "Agent.1", 81, "10.8.0.0/24").build());
        final var expected = List.of(new Violation("traffic-filters/filter=r31221268",
            "filter name 'r31221268' cannot be told apart from filter 'r13263849' on the switches (the names hash to "
                + "the same flow cookie 882a4fc347c6); choose another name"));
        assertEquals(expected, FilterValidator.validateWritten(all, Set.of("r31221268"), NODES));
        assertEquals(expected, FilterValidator.validate(filters(filter("r13263849", "Agent.1", 80, "10.8.0.0/24")
            .build()), all, NODES));
        // Replacing one by the other in one transaction is fine.
        assertEquals(List.of(), FilterValidator.validateWritten(filters(filter("r31221268", "Agent.1", 81,
            "10.8.0.0/24").build()), Set.of("r13263849", "r31221268"), NODES));
    }

    private static Map<String, FilterFacts> filters(final Filter... filters) {
        return FilterFacts.of(new TrafficFiltersBuilder().setFilter(BindingMap.of(filters)).build());
    }

    private static FilterBuilder filter(final String name, final String node, final int port,
            final String destination) {
        return new FilterBuilder().setName(new ObjectName(name)).setNode(new NodeName(node))
            .setTcpDestinationPort(new PortNumber(Uint16.valueOf(port)))
            .setIpv4Destination(new Ipv4Prefix(destination));
    }
}
