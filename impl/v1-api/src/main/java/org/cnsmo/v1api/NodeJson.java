/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;

/**
 * The nodes of the v1 API ({@code GET /services/sdn/nodes}) and the per-switch flow view
 * ({@code GET /services/sdn/flows}), from CNSMO's nodes and traffic filters. Pure.
 */
final class NodeJson {
    /** The service names the original GUI knows, in the order it lists them. */
    private static final List<Service> GUI_ORDER = List.of(Service.Vpn, Service.Sdn, Service.Dns, Service.Lb);

    private NodeJson() {
        // utility class
    }

    /**
     * The nodes, as the GUI reads them: {@code instanceId}, {@code vpnAddress}, {@code ipAddress}, {@code cloud}
     * and {@code services} (a string holding a JSON list), all strings, sorted by name.
     *
     * @param nodes the configured nodes
     * @param observed the observed status of each node, by name
     * @return the array
     */
    static JsonArray nodes(final Collection<Node> nodes, final Map<String, Status> observed) {
        final var array = new JsonArray();
        nodes.stream().sorted(Comparator.comparing(node -> node.getName().getValue())).forEach(node -> {
            final var name = node.getName().getValue();
            final var status = Optional.ofNullable(observed.get(name));
            final var json = new JsonObject();
            json.addProperty("instanceId", name);
            json.addProperty("vpnAddress", status.map(Status::getOverlayAddress).map(a -> a.getValue()).orElse(""));
            json.addProperty("ipAddress", Optional.ofNullable(node.getPublicAddress()).map(h -> h.stringValue())
                .or(() -> status.map(Status::getRealAddress).map(h -> h.stringValue())).orElse(""));
            // CNSMO does not model the cloud a node runs in.
            json.addProperty("cloud", "");
            json.addProperty("services", services(node.getService()));
            array.add(json);
        });
        return array;
    }

    /**
     * A node's services as the GUI parses them: Python's {@code json.dumps} of the list, limited to the names
     * the GUI knows ({@code firewall} is shown as {@code sdn}, which the GUI labels "Firewall"; {@code qos}
     * is left out, since any other name makes the GUI's dashboard fail).
     *
     * @param services the node's services, possibly null
     * @return the string, such as {@code ["vpn", "sdn"]}
     */
    static String services(final Set<Service> services) {
        final Set<Service> mapped = services == null ? Set.of() : services.stream()
            .map(service -> service == Service.Firewall ? Service.Sdn : service)
            .collect(Collectors.toSet());
        return GUI_ORDER.stream().filter(mapped::contains)
            .map(service -> '"' + service.getName() + '"')
            .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Each switch's traffic-filter flows in the shape of ODL's table 0 (the original's
     * {@code GET /services/sdn/flows}), keyed {@code openflow:<datapath id>}; nodes without a datapath id are
     * left out.
     *
     * @param nodes the configured nodes
     * @param observed the observed status of each node, by name
     * @param filters every traffic filter
     * @return the object
     */
    static JsonObject flows(final Collection<Node> nodes, final Map<String, Status> observed,
            final Collection<Filter> filters) {
        final var result = new JsonObject();
        nodes.stream().filter(node -> node.getDatapathId() != null)
            .sorted(Comparator.comparing(node -> node.getName().getValue()))
            .forEach(node -> {
                final var name = node.getName().getValue();
                final var perSwitch = new JsonObject();
                perSwitch.addProperty("vpnID", Optional.ofNullable(observed.get(name))
                    .map(Status::getOverlayAddress).map(a -> a.getValue()).orElse(""));
                final var flows = new JsonArray();
                FilterJson.ofNode(filters, name).forEach(filter -> flows.add(FilterJson.odlFlow(filter)));
                perSwitch.add("flows", flows);
                result.add("openflow:" + node.getDatapathId().getValue(), perSwitch);
            });
        return result;
    }
}
