/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.readback;

import java.util.List;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;

/**
 * Receives the CNSMO flows the SDN service reads back from each node's switch for reconciliation, so that
 * another bundle (the verifier) can judge what is deployed without reading the switches again. A whiteboard
 * service: the SDN service calls every one registered, on its renderer's thread, so an implementation hands
 * the work to a thread of its own and returns at once. Only the SDN service reads switches; a listener
 * writes nothing the SDN service owns.
 */
public interface ReadBackListener {
    /**
     * The CNSMO flows a node's admitted switch holds, as the switch reported them to the direct-statistics
     * read (match, priority, table id, cookie, instructions; an input port as its number). Called when a read
     * made while nothing was being sent to the switch differs from the last one handed on (counters aside),
     * and again for every switch after a listener is registered.
     *
     * @param node the node the switch is bound to
     * @param flows every flow with a CNSMO cookie
     */
    void readBack(String node, List<FlowAndStatisticsMapList> flows);

    /**
     * The node's switch is not read any more: disconnected, no longer admitted, bound to another node, or the
     * node was deleted.
     *
     * @param node the node
     */
    void gone(String node);
}
