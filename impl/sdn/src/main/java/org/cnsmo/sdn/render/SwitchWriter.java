/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends flow changes straight to the connected switches, one flow-mod per flow through the OpenFlow
 * plugin's flow RPCs, in the order they were planned.
 *
 * <p>Going through the plugin's configuration inventory instead (and its forwarding-rules manager)
 * costs a datastore write and a data-change notification of every flow before the same RPC is made;
 * the benchmark measured that as most of a bulk change's time. The renderer keeps the plan, pushes a
 * switch's whole share when it connects, and repairs what a switch lost, so nothing needs the inventory.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} flow-mods per switch are outstanding; the rest wait here, so that a
 * change of 100,000 flows stays within the plugin's per-switch request quota (20,000 by default).
 * Confined to the renderer's thread.
 */
public final class SwitchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchWriter.class);
    /** Outstanding flow-mods per switch; the plugin confirms them at its next barrier. */
    static final int MAX_IN_FLIGHT = 10_000;

    /** Sends one flow-mod; the future says whether the switch took it. */
    @FunctionalInterface
    public interface FlowMods {
        ListenableFuture<Boolean> send(Uint64 datapathId, Flow flow, boolean add);

        /**
         * Installs the meters the flows use, before any flow is sent to a switch that connected: a flow that
         * names a meter the switch lacks is refused.
         *
         * @param datapathId the switch
         * @return whether the switch holds them
         */
        default ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
            return Futures.immediateFuture(Boolean.TRUE);
        }
    }

    /**
     * A flow to add or remove.
     *
     * @param flow the flow
     * @param add true to add it, false to remove it
     */
    private record FlowMod(Flow flow, boolean add) {
        // a value
    }

    /** What one connected switch still has to receive. */
    private static final class Outbox {
        private final ArrayDeque<FlowMod> waiting = new ArrayDeque<>();
        private int inFlight;
        /** Flows wait until the switch's meters are installed. */
        private boolean metersInstalled;
    }

    private final Map<Uint64, Outbox> outboxes = new HashMap<>();
    private final FlowMods flowMods;
    private final Executor executor;

    /**
     * A writer.
     *
     * @param flowMods sends the flow-mods
     * @param executor the renderer's thread, where the switches' confirmations are handled
     */
    public SwitchWriter(final FlowMods flowMods, final Executor executor) {
        this.flowMods = flowMods;
        this.executor = executor;
    }

    /** A switch came up: everything planned for it is sent, after what was already waiting is dropped. */
    public void connected(final Uint64 datapathId, final List<Flow> planned) {
        final var outbox = new Outbox();
        outboxes.put(datapathId, outbox);
        planned.forEach(flow -> outbox.waiting.add(new FlowMod(flow, true)));
        Futures.addCallback(flowMods.installMeters(datapathId), new FutureCallback<>() {
            @Override
            public void onSuccess(final Boolean installed) {
                if (!installed) {
                    LOG.warn("Switch {} refused CNSMO's meters: its reject rules will be refused too", datapathId);
                }
                metersDone(datapathId, outbox);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Cannot install CNSMO's meters on switch {}", datapathId, cause);
                metersDone(datapathId, outbox);
            }
        }, executor);
    }

    private void metersDone(final Uint64 datapathId, final Outbox outbox) {
        outbox.metersInstalled = true;
        if (outboxes.get(datapathId) == outbox) {
            drain(datapathId, outbox);
        }
    }

    /** A switch went away: nothing more is sent to it until it connects again. */
    public void disconnected(final Uint64 datapathId) {
        outboxes.remove(datapathId);
    }

    /** Sends a delta's flows to the switches that are connected; the others get their share when they connect. */
    public void apply(final FlowDelta delta) {
        for (var delete : delta.deletes()) {
            enqueue(delete.datapathId(), new FlowMod(delete.flow(), false));
        }
        for (var put : delta.puts()) {
            enqueue(put.datapathId(), new FlowMod(put.flow(), true));
        }
    }

    /** Whether flow-mods to a switch are waiting or not yet confirmed: what it holds is still changing. */
    public boolean busy(final Uint64 datapathId) {
        final var outbox = outboxes.get(datapathId);
        return outbox != null && (!outbox.metersInstalled || outbox.inFlight > 0 || !outbox.waiting.isEmpty());
    }

    private void enqueue(final Uint64 datapathId, final FlowMod mod) {
        final var outbox = outboxes.get(datapathId);
        if (outbox != null) {
            outbox.waiting.add(mod);
            drain(datapathId, outbox);
        }
    }

    private void drain(final Uint64 datapathId, final Outbox outbox) {
        while (outbox.metersInstalled && outbox.inFlight < MAX_IN_FLIGHT && !outbox.waiting.isEmpty()) {
            final var mod = outbox.waiting.poll();
            outbox.inFlight++;
            Futures.addCallback(flowMods.send(datapathId, mod.flow(), mod.add()), new FutureCallback<>() {
                @Override
                public void onSuccess(final Boolean taken) {
                    done(datapathId, outbox);
                }

                @Override
                public void onFailure(final Throwable cause) {
                    done(datapathId, outbox);
                }
            }, executor);
        }
    }

    /** A flow-mod was confirmed or refused (SwitchRpcs logs refusals; reconciliation repairs them). */
    private void done(final Uint64 datapathId, final Outbox outbox) {
        outbox.inFlight--;
        // An outbox replaced by a reconnection is finished with; only the current one sends more.
        if (outboxes.get(datapathId) == outbox) {
            drain(datapathId, outbox);
        }
    }
}
