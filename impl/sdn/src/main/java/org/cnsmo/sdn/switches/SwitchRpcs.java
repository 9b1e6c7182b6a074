/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.RejectMeter;
import org.cnsmo.sdn.render.FlowDelta;
import org.cnsmo.sdn.render.InventoryPaths;
import org.cnsmo.sdn.render.SwitchWriter;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.AddFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.service.rev130819.RemoveFlowInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.UpdateMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.UpdateMeterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.meter.update.OriginalMeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.meter.update.UpdatedMeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInputBuilder;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Direct requests to a connected switch through the OpenFlow plugin's RPCs. */
public final class SwitchRpcs implements SwitchWriter.FlowMods {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchRpcs.class);
    private static final Uint8 ALL_TABLES = FlowDelta.ALL_TABLES;
    private static final FlowCookie EXACT_COOKIE = FlowDelta.EXACT_COOKIE;

    private final GetFlowStatistics getFlowStatistics;
    private final AddFlow addFlow;
    private final RemoveFlow removeFlow;
    private final TransmitPacket transmitPacket;
    private final AddMeter addMeter;
    private final UpdateMeter updateMeter;

    public SwitchRpcs(final RpcService rpcService) {
        getFlowStatistics = rpcService.getRpc(GetFlowStatistics.class);
        addFlow = rpcService.getRpc(AddFlow.class);
        removeFlow = rpcService.getRpc(RemoveFlow.class);
        transmitPacket = rpcService.getRpc(TransmitPacket.class);
        addMeter = rpcService.getRpc(AddMeter.class);
        updateMeter = rpcService.getRpc(UpdateMeter.class);
    }

    @Override
    public ListenableFuture<Boolean> send(final Uint64 datapathId, final Flow flow, final boolean add) {
        return add ? addFlow(datapathId, flow) : removeFlow(datapathId, flow);
    }

    /**
     * Installs the reject meter: added, or, when the switch still has a meter of that id from an earlier
     * connection, set to CNSMO's definition. The future says whether the switch holds it now.
     */
    @Override
    public ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
        final var meter = RejectMeter.meter();
        final var what = "install meter " + meter.getMeterId().getValue() + " on switch " + datapathId;
        final var added = Futures.catching(Futures.transform(addMeter.invoke(new AddMeterInputBuilder(meter)
            .setNode(node(datapathId)).build()), RpcResult::isSuccessful, MoreExecutors.directExecutor()),
            Exception.class, cause -> Boolean.FALSE, MoreExecutors.directExecutor());
        return Futures.transformAsync(added, ok -> ok ? Futures.immediateFuture(Boolean.TRUE)
            : outcome(updateMeter.invoke(new UpdateMeterInputBuilder()
                .setNode(node(datapathId))
                .setOriginalMeter(new OriginalMeterBuilder(meter).build())
                .setUpdatedMeter(new UpdatedMeterBuilder(meter).build())
                .build()), what), MoreExecutors.directExecutor());
    }

    /**
     * Reads the CNSMO flows of a switch with their counters, straight from the switch: the request carries
     * CNSMO's cookie marker and its mask, so the switch answers with CNSMO's flows only.
     */
    public ListenableFuture<SwitchSnapshot> readFlows(final Uint64 datapathId) {
        return Futures.transform(
            getFlowStatistics.invoke(new GetFlowStatisticsInputBuilder()
                .setNode(node(datapathId))
                .setTableId(ALL_TABLES)
                .setCookie(new FlowCookie(Uint64.fromLongBits(Cookies.MARKER)))
                .setCookieMask(new FlowCookie(Uint64.fromLongBits(Cookies.MARKER_MASK)))
                .build()),
            result -> {
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("Switch " + datapathId + " did not answer: " + result.getErrors());
                }
                return SwitchSnapshot.of(result.getResult().nonnullFlowAndStatisticsMapList());
            }, MoreExecutors.directExecutor());
    }

    /**
     * Adds one flow to a switch (replacing an identical one); the future completes once the switch has
     * confirmed it (the plugin's next barrier), with false when it was refused.
     */
    public ListenableFuture<Boolean> addFlow(final Uint64 datapathId, final Flow flow) {
        return outcome(addFlow.invoke(new AddFlowInputBuilder(flow).setNode(node(datapathId)).build()),
            "add flow " + flow.getId().getValue() + " to switch " + datapathId);
    }

    /**
     * Removes exactly one flow (same table, priority, match and cookie) from a switch, or, for a flow in every
     * table ({@link FlowDelta#isCookieWide}), every flow with its cookie; the future completes once the switch
     * has confirmed it, with false when it was refused.
     */
    public ListenableFuture<Boolean> removeFlow(final Uint64 datapathId, final Flow flow) {
        if (FlowDelta.isCookieWide(flow)) {
            return outcome(removeFlow.invoke(new RemoveFlowInputBuilder()
                .setNode(node(datapathId))
                .setTableId(ALL_TABLES)
                .setCookie(flow.getCookie())
                .setCookieMask(EXACT_COOKIE)
                .setStrict(Boolean.FALSE)
                .build()), "remove cookie " + Long.toHexString(flow.getCookie().getValue().longValue())
                    + " from switch " + datapathId);
        }
        return outcome(removeFlow.invoke(new RemoveFlowInputBuilder(flow)
            .setNode(node(datapathId))
            .setCookieMask(EXACT_COOKIE)
            .setStrict(Boolean.TRUE)
            .build()), "remove flow " + flow.getId().getValue() + " from switch " + datapathId);
    }

    /** Sends a packet out of a switch port. */
    public void transmit(final NodeConnectorId port, final byte[] packet) {
        log(transmitPacket.invoke(new TransmitPacketInputBuilder()
            .setNode(new NodeRef(InventoryPaths.nodeOf(port)))
            .setEgress(new NodeConnectorRef(InventoryPaths.port(port)))
            .setPayload(packet)
            .build()), "send a packet out of " + port.getValue());
    }

    private static NodeRef node(final Uint64 datapathId) {
        return new NodeRef(InventoryPaths.node(datapathId));
    }

    private static <T> ListenableFuture<Boolean> outcome(final ListenableFuture<RpcResult<T>> future,
            final String what) {
        log(future, what);
        return Futures.catching(Futures.transform(future, RpcResult::isSuccessful, MoreExecutors.directExecutor()),
            Exception.class, cause -> Boolean.FALSE, MoreExecutors.directExecutor());
    }

    private static <T> void log(final ListenableFuture<RpcResult<T>> future, final String what) {
        Futures.addCallback(future, new FutureCallback<>() {
            @Override
            public void onSuccess(final RpcResult<T> result) {
                if (!result.isSuccessful()) {
                    LOG.warn("Could not {}: {}", what, result.getErrors());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not {}", what, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
