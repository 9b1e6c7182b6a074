/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import java.util.List;
import java.util.concurrent.Executor;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.sdn.render.Guard;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataObjectModification.ModificationType;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowCapableNode;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.Nodes;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.Node;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which switches are connected and from where: the OpenFlow plugin keeps a connected switch in the
 * OPERATIONAL inventory, with the address its connection comes from ({@code ip-address}), and removes it when
 * it disconnects; a switch written again was reconnected.
 *
 * @param consumer receives a datapath id, the switch's address (null when not known) and whether it is connected
 * @param executor the renderer's thread
 */
public record SwitchListener(Consumer consumer, Executor executor)
        implements DataTreeChangeListener<FlowCapableNode> {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchListener.class);

    /** Receives switch connections, on the renderer's thread. */
    @FunctionalInterface
    public interface Consumer {
        /**
         * A switch connected, reconnected, or disconnected.
         *
         * @param datapathId its datapath id
         * @param address the address its connection comes from, or null (disconnected, or not reported yet)
         * @param connected whether it is connected
         */
        void accept(Uint64 datapathId, String address, boolean connected);
    }

    public static Registration register(final DataBroker dataBroker, final Consumer consumer,
            final Executor executor) {
        return dataBroker.registerTreeChangeListener(LogicalDatastoreType.OPERATIONAL,
            DataObjectReference.builder(Nodes.class).child(Node.class).augmentation(FlowCapableNode.class).build(),
            new SwitchListener(consumer, executor));
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<FlowCapableNode>> changes) {
        for (var change : changes) {
            final var datapathId = SwitchBinding.datapathIdOf(change.path().getFirstKeyOf(Node.class).getId());
            if (datapathId != null) {
                final var root = change.getRootNode();
                final var after = root.dataAfter();
                final boolean connected = after != null;
                final String address = connected && after.getIpAddress() != null
                    ? after.getIpAddress().stringValue() : null;
                if (connected && root.dataBefore() != null && root.modificationType() == ModificationType.WRITE) {
                    // A switch that reconnects within the plugin's removal delay (0.5 s) is never removed from
                    // the inventory, only written again: report the reconnection so that it gets its flows.
                    deliver(datapathId, null, false);
                }
                deliver(datapathId, address, connected);
            }
        }
    }

    /** Hands one event to the consumer; an exception is logged with the switch and the next event still works. */
    private void deliver(final Uint64 datapathId, final String address, final boolean connected) {
        executor.execute(() -> Guard.run(LOG, () -> "Cannot handle switch openflow:" + datapathId
            + (connected ? " connecting from " + address : " disconnecting"),
            () -> consumer.accept(datapathId, address, connected)));
    }
}
