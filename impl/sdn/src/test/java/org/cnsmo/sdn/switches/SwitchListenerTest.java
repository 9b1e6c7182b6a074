/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.DataObjectModification;
import org.opendaylight.mdsal.binding.api.DataObjectModification.ModificationType;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint64;

class SwitchListenerTest {
    @Test
    void aFailingEventIsLoggedAndTheRestOfItsBatchStillArrives() {
        final var seen = new ArrayList<Uint64>();
        final var listener = new SwitchListener((datapathId, address, connected) -> {
            if (datapathId.longValue() == 1) {
                throw new IllegalStateException("a defect in the renderer");
            }
            seen.add(datapathId);
        }, MoreExecutors.directExecutor());
        listener.onDataTreeChanged(List.of(connected(1), connected(2)));
        listener.onDataTreeChanged(List.of(connected(3)));
        assertEquals(List.of(Uint64.valueOf(2), Uint64.valueOf(3)), seen);
    }

    @SuppressWarnings("unchecked")
    private static DataTreeModification<FlowCapableNode> connected(final long datapathId) {
        final var modification = (DataTreeModification<FlowCapableNode>) mock(DataTreeModification.class);
        final var root = (DataObjectModification<FlowCapableNode>) mock(DataObjectModification.class);
        doReturn(DataObjectIdentifier.builder(Nodes.class)
            .child(Node.class, new NodeKey(new NodeId("openflow:" + datapathId)))
            .augmentation(FlowCapableNode.class).build()).when(modification).path();
        doReturn(root).when(modification).getRootNode();
        doReturn(new FlowCapableNodeBuilder().build()).when(root).dataAfter();
        doReturn(null).when(root).dataBefore();
        doReturn(ModificationType.WRITE).when(root).modificationType();
        return modification;
    }
}
