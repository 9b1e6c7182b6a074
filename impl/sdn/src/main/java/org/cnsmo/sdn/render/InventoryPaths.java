/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnectorKey;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeKey;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint64;

/** Paths into the OpenFlow plugin's inventory. */
public final class InventoryPaths {
    private InventoryPaths() {
        // utility
    }

    public static DataObjectIdentifier.WithKey<Node, NodeKey> node(final Uint64 datapathId) {
        return DataObjectIdentifier.builder(Nodes.class)
            .child(Node.class, new NodeKey(SwitchBinding.switchId(datapathId)))
            .build();
    }

    /** The switch a port belongs to. */
    public static DataObjectIdentifier.WithKey<Node, NodeKey> nodeOf(final NodeConnectorId port) {
        final var value = port.getValue();
        return DataObjectIdentifier.builder(Nodes.class)
            .child(Node.class, new NodeKey(new NodeId(value.substring(0, value.lastIndexOf(':')))))
            .build();
    }

    public static DataObjectIdentifier<NodeConnector> port(final NodeConnectorId port) {
        return nodeOf(port).toBuilder().child(NodeConnector.class, new NodeConnectorKey(port)).build();
    }
}
