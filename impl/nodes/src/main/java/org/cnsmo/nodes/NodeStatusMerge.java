/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import java.util.ArrayList;
import java.util.Map;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatus;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yangtools.binding.util.BindingMap;

/**
 * Merges what each service reports of a node into the node's status: each service owns its leaves (the VPN its
 * connection, addresses and last-seen time; the SDN renderer its switch) and its own service-status entry.
 * Pure.
 */
final class NodeStatusMerge {
    private NodeStatusMerge() {
        // utility
    }

    /**
     * The node's status.
     *
     * @param parts what each service reported
     * @return the merged status
     */
    static Status merge(final Map<Service, Status> parts) {
        return merge(parts, Map.of());
    }

    /**
     * The node's status, with the problems of whole services: an entry of a service with a problem that says
     * {@code up} says {@code degraded}, with the problem as its reason.
     *
     * @param parts what each service reported
     * @param problems the current problem of each service that has one
     * @return the merged status
     */
    static Status merge(final Map<Service, Status> parts, final Map<Service, String> problems) {
        final var status = new StatusBuilder();
        final var services = new ArrayList<ServiceStatus>();
        parts.forEach((service, part) -> {
            switch (service) {
                case Vpn -> status.setConnected(part.getConnected()).setOverlayAddress(part.getOverlayAddress())
                    .setRealAddress(part.getRealAddress()).setLastSeen(part.getLastSeen());
                case Sdn -> status.setSwitchConnected(part.getSwitchConnected()).setSwitchId(part.getSwitchId());
                default -> {
                    // only a service-status entry
                }
            }
            final var own = part.nonnullServiceStatus().values().stream()
                .filter(entry -> entry.getService() == service).findFirst();
            own.map(entry -> degraded(entry, problems.get(service))).ifPresent(services::add);
        });
        return status.setServiceStatus(services.isEmpty() ? null : BindingMap.of(services)).build();
    }

    private static ServiceStatus degraded(final ServiceStatus entry, final String problem) {
        return problem == null || entry.getState() != ServiceState.Up ? entry
            : new ServiceStatusBuilder(entry).setState(ServiceState.Degraded).setReason(problem).build();
    }
}
