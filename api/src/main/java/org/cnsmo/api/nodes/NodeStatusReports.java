/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;

/**
 * The one way to the observed status of a node ({@code nodes/node=X/status}, operational): the nodes bundle owns
 * that subtree and is its only writer; every service reports what it observes here. A report replaces what the
 * same service reported before, and the owner writes the merge of all services' reports, retrying until it
 * lands.
 */
public interface NodeStatusReports {
    /**
     * Replaces what one service observes of a node.
     *
     * @param node the node's name
     * @param service the reporting service
     * @param part the status leaves this service owns and its own {@code service-status} entry; other services'
     *     leaves and entries in it are ignored
     */
    void report(String node, Service service, Status part);

    /**
     * Withdraws what one service reported of a node. A node no service reports on has no observed status.
     *
     * @param node the node's name
     * @param service the service
     */
    void withdraw(String node, Service service);

    /**
     * Declares, or clears, a problem of a whole service that its reports per node cannot show: its observed
     * state cannot be published, for example. While the problem lasts, every node's {@code service-status}
     * entry of that service that says {@code up} says {@code degraded} instead, with the problem as its
     * reason, so that a failure is visible and not only logged.
     *
     * @param service the service
     * @param problem what is wrong, or empty when nothing is any more
     */
    void serviceProblem(Service service, Optional<String> problem);
}
