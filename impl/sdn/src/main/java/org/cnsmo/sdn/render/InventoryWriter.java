/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.cnsmo.sdn.store.OrderedTransactions;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.TableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.nodes.NodeBuilder;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes flow deltas into the OpenFlow plugin's CONFIGURATION inventory, from where its
 * forwarding-rules manager pushes them to the switches and re-pushes them when a switch
 * reconnects. Deltas applied during one task of the renderer's thread share one transaction,
 * written by a task queued behind it: a RESTCONF write of 10,000 filters is one commit, not
 * 10,000. Deltas commit in order.
 *
 * <p>Confined to the renderer's thread, like the renderer.
 */
public final class InventoryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryWriter.class);

    private final OrderedTransactions transactions;
    private final Runnable onFailure;
    private final Executor executor;
    /** Deltas waiting for the next write, in the order they were applied; null when none wait. */
    private List<FlowDelta> pending;

    /**
     * A writer.
     *
     * @param dataBroker the data broker
     * @param onFailure run when a delta could not be written, so that the caller rewrites its plan
     * @param executor the renderer's thread, which writes the deltas it applied once its current task ends
     */
    public InventoryWriter(final DataBroker dataBroker, final Runnable onFailure, final Executor executor) {
        transactions = new OrderedTransactions(dataBroker, "flows");
        this.onFailure = onFailure;
        this.executor = executor;
    }

    /** Applies a delta: it is written together with the others applied before the renderer's thread is free. */
    public void apply(final FlowDelta delta) {
        if (delta.isEmpty()) {
            return;
        }
        final boolean first = pending == null;
        if (first) {
            pending = new ArrayList<>();
        }
        pending.add(delta);
        if (first) {
            try {
                executor.execute(this::write);
            } catch (RejectedExecutionException e) {
                // The renderer is stopping: write now rather than lose the delta.
                write();
            }
        }
    }

    private void write() {
        final var deltas = pending;
        pending = null;
        final var tx = transactions.newWriteOnlyTransaction();
        final var tables = new HashSet<TableOf>();
        int puts = 0;
        int deletes = 0;
        for (var delta : deltas) {
            put(tx, delta, tables);
            puts += delta.puts().size();
            deletes += delta.deletes().size();
        }
        commit(tx, puts, deletes);
    }

    private static void put(final WriteTransaction tx, final FlowDelta delta, final Set<TableOf> tables) {
        for (var put : delta.puts()) {
            final var flow = put.flow();
            if (tables.add(new TableOf(put.datapathId(), flow.requireTableId()))) {
                // Parents must exist before a flow can be put; merging them is idempotent.
                tx.merge(LogicalDatastoreType.CONFIGURATION, InventoryPaths.node(put.datapathId()),
                    new NodeBuilder().setId(InventoryPaths.node(put.datapathId()).key().getId()).build());
                tx.merge(LogicalDatastoreType.CONFIGURATION, InventoryPaths.table(put.datapathId(),
                    flow.requireTableId()), new TableBuilder().setId(flow.requireTableId()).build());
            }
            tx.put(LogicalDatastoreType.CONFIGURATION, InventoryPaths.flow(put.datapathId(), flow), flow);
        }
        for (var delete : delta.deletes()) {
            tx.delete(LogicalDatastoreType.CONFIGURATION, InventoryPaths.flow(delete.datapathId(), delete.flow()));
        }
    }

    private void commit(final WriteTransaction tx, final int puts, final int deletes) {
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.debug("Wrote {} flows, deleted {}", puts, deletes);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.error("Failed to write {} flows and delete {}; rewriting every flow", puts, deletes, cause);
                onFailure.run();
            }
        }, MoreExecutors.directExecutor());
    }

    @Override
    public void close() {
        transactions.close();
    }

    private record TableOf(Uint64 datapathId, Uint8 table) {
        // a key
    }
}
