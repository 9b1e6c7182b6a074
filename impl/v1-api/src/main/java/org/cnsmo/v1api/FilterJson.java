/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cnsmo.api.net.Ipv4Network;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * The v1 view of traffic filters. A v1 {@code flowId} is the filter's name: stable, and the same for a filter
 * made over RESTCONF. Filters made over v1 are named as the original numbered its flows (the highest numeric
 * name plus one, from 11), so their ids look like the original's. Pure.
 */
final class FilterJson {
    static final String PORT = "tcp-destination-port";
    static final String PREFIX = "ip4-destination";
    static final String NODE = "ssinstanceid";
    private static final Set<String> MEMBERS = Set.of(PORT, PREFIX, NODE);
    private static final long FIRST_ID = 11;
    /** Numeric names first, by value, then the others by name. */
    private static final Comparator<String> ID_ORDER = Comparator
        .comparing((String id) -> !isNumeric(id))
        .thenComparing(id -> isNumeric(id) ? Long.parseLong(id) : 0)
        .thenComparing(Comparator.naturalOrder());

    private FilterJson() {
        // utility class
    }

    /**
     * A filter to create, from the body of {@code PUT /services/sdn/blockbyport}.
     *
     * @param body the request body
     * @param name the name the new filter gets
     * @return the filter
     * @throws V1Error 400 naming the field
     */
    static Filter blockRequest(final @Nullable JsonElement body, final String name) throws V1Error {
        final var object = Bodies.object(body, MEMBERS);
        final long port = Bodies.integer(object, PORT);
        final var prefix = Bodies.string(object, PREFIX);
        final var node = Bodies.string(object, NODE);
        if (port < 0 || port > 65535) {
            throw V1Error.message(400, PORT + ": " + port + " is not a port number (0 to 65535)");
        }
        return new FilterBuilder()
            .setName(new ObjectName(name))
            .setNode(Names.node(node, NODE))
            .setTcpDestinationPort(new PortNumber(Uint16.valueOf(port)))
            .setIpv4Destination(network(Names.prefix(prefix, PREFIX)))
            .build();
    }

    /**
     * The network a prefix names, host bits cleared: the GUI's default destination is the node's public address
     * with {@code /24}, host bits and all, and the contract says to accept any prefix. The traffic-filters
     * validator refuses host bits, so the filter is stored as the network the GUI meant.
     */
    private static Ipv4Prefix network(final Ipv4Prefix prefix) {
        final Ipv4Network network;
        try {
            network = Ipv4Network.parse(prefix.getValue());
        } catch (IllegalArgumentException e) {
            // Left to the validator, whose message names the problem.
            return prefix;
        }
        return network.isCanonical() ? prefix : new Ipv4Prefix(network.canonical().toString());
    }

    /** The name of the next filter made over v1, given the names in use. */
    static String nextId(final Collection<String> names) {
        return String.valueOf(names.stream().filter(FilterJson::isNumeric).mapToLong(Long::parseLong)
            .map(id -> id + 1).max().orElse(FIRST_ID));
    }

    /** The filters of a node, in id order. */
    static List<Filter> ofNode(final Collection<Filter> filters, final String node) {
        return filters.stream()
            .filter(filter -> filter.getNode() != null && node.equals(filter.getNode().getValue()))
            .sorted(Comparator.comparing(filter -> filter.getName().getValue(), ID_ORDER))
            .toList();
    }

    /** {@code [{"destinationPort": n, "destinationAddress": "a.b.c.d/n", "flowId": "id"}]}. */
    static JsonArray blockedTcpPorts(final Collection<Filter> filters, final String node) {
        final var array = new JsonArray();
        for (var filter : ofNode(filters, node)) {
            final var json = new JsonObject();
            if (filter.getTcpDestinationPort() != null) {
                json.addProperty("destinationPort", filter.getTcpDestinationPort().getValue().intValue());
            }
            if (filter.getIpv4Destination() != null) {
                json.addProperty("destinationAddress", filter.getIpv4Destination().getValue());
            }
            json.addProperty("flowId", filter.getName().getValue());
            array.add(json);
        }
        return array;
    }

    /** The answer to a PUT: {@code {"flowId": "id"}}. */
    static JsonObject created(final Filter filter) {
        final var json = new JsonObject();
        json.addProperty("flowId", filter.getName().getValue());
        return json;
    }

    /** The answer to monitoring: {@code {"numPackets": n}}. */
    static JsonObject packets(final long packets) {
        final var json = new JsonObject();
        json.addProperty("numPackets", packets);
        return json;
    }

    /** A filter in the shape of an ODL table-0 flow, as the original's flow listing showed it. */
    static JsonObject odlFlow(final Filter filter) {
        final var flow = new JsonObject();
        flow.addProperty("id", filter.getName().getValue());
        flow.addProperty("flow-name", "portweb-drop");
        flow.addProperty("table_id", 0);
        final var match = new JsonObject();
        final var ethernet = new JsonObject();
        final var type = new JsonObject();
        type.addProperty("type", 2048);
        ethernet.add("ethernet-type", type);
        match.add("ethernet-match", ethernet);
        final var ip = new JsonObject();
        ip.addProperty("ip-protocol", 6);
        match.add("ip-match", ip);
        if (filter.getIpv4Destination() != null) {
            match.addProperty("ipv4-destination", filter.getIpv4Destination().getValue());
        }
        if (filter.getTcpDestinationPort() != null) {
            match.addProperty("tcp-destination-port", filter.getTcpDestinationPort().getValue().intValue());
        }
        flow.add("match", match);
        final var drop = new JsonObject();
        drop.addProperty("order", 0);
        drop.add("drop-action", new JsonObject());
        final var actions = new JsonArray();
        actions.add(drop);
        final var apply = new JsonObject();
        apply.add("action", actions);
        final var instruction = new JsonObject();
        instruction.addProperty("order", 0);
        instruction.add("apply-actions", apply);
        final var instructions = new JsonArray();
        instructions.add(instruction);
        final var wrapper = new JsonObject();
        wrapper.add("instruction", instructions);
        flow.add("instructions", wrapper);
        return flow;
    }

    private static boolean isNumeric(final String id) {
        return id.matches("[0-9]{1,18}");
    }
}
