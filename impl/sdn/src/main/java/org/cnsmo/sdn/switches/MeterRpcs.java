/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.stream.Collectors;
import org.cnsmo.sdn.render.InventoryPaths;
import org.cnsmo.sdn.render.QosRenderer;
import org.cnsmo.sdn.stats.MeterCounters;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetMeterStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetMeterStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.Meter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.RemoveMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.RemoveMeterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.meter.statistics.reply.MeterStats;
import org.opendaylight.yangtools.yang.common.RpcError;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The QoS meters of connected switches, through the OpenFlow plugin's meter and direct statistics RPCs. */
public final class MeterRpcs implements QosRenderer.MeterMods {
    private static final Logger LOG = LoggerFactory.getLogger(MeterRpcs.class);

    private final AddMeter addMeter;
    private final RemoveMeter removeMeter;
    private final GetMeterStatistics getMeterStatistics;

    public MeterRpcs(final RpcService rpcService) {
        addMeter = rpcService.getRpc(AddMeter.class);
        removeMeter = rpcService.getRpc(RemoveMeter.class);
        getMeterStatistics = rpcService.getRpc(GetMeterStatistics.class);
    }

    @Override
    public ListenableFuture<String> install(final Uint64 datapathId, final Meter meter, final boolean replace) {
        if (replace) {
            return replace(datapathId, meter);
        }
        // A meter of that id may be left from an earlier connection: then the add fails with METER_EXISTS and a
        // replacement sets it. Any other refusal stands: replacing would delete a meter the switch may hold, and
        // Open vSwitch deletes the flows that use it, for an add that the switch refuses again.
        return Futures.transformAsync(add(datapathId, meter), addRefusal -> addRefusal == null
            || !addRefusal.contains(SwitchRpcs.METER_EXISTS) ? Futures.immediateFuture(addRefusal)
            : Futures.transform(replace(datapathId, meter), replaceRefusal -> replaceRefusal == null ? null
                : addRefusal, MoreExecutors.directExecutor()), MoreExecutors.directExecutor());
    }

    private ListenableFuture<String> add(final Uint64 datapathId, final Meter meter) {
        return reason(addMeter.invoke(new AddMeterInputBuilder(meter).setNode(node(datapathId)).build()));
    }

    /**
     * Deletes the meter of that id and adds the new one. The plugin's update-meter RPC sends its updated meter as
     * an OFPMC_ADD (single-layer serialization, openflowplugin 0.20), which Open vSwitch refuses with
     * METER_EXISTS, so a changed meter is a delete and an add. Open vSwitch deletes the flows that use a deleted
     * meter: the caller removes them first and sends them again once the new meter is in place.
     */
    private ListenableFuture<String> replace(final Uint64 datapathId, final Meter meter) {
        final var removed = reason(removeMeter.invoke(new RemoveMeterInputBuilder(meter).setNode(node(datapathId))
            .build()));
        // a refused delete (no such meter) does not stop the add: the add's answer is what counts
        return Futures.transformAsync(removed, ignored -> add(datapathId, meter), MoreExecutors.directExecutor());
    }

    @Override
    public void remove(final Uint64 datapathId, final Meter meter) {
        Futures.addCallback(reason(removeMeter.invoke(new RemoveMeterInputBuilder(meter)
            .setNode(node(datapathId)).build())), new com.google.common.util.concurrent.FutureCallback<>() {
                @Override
                public void onSuccess(final String refusal) {
                    if (refusal != null) {
                        LOG.warn("Switch {} did not remove meter {}: {}", datapathId, meter.getMeterId().getValue(),
                            refusal);
                    }
                }

                @Override
                public void onFailure(final Throwable cause) {
                    LOG.warn("Cannot remove meter {} from switch {}", meter.getMeterId().getValue(), datapathId, cause);
                }
            }, MoreExecutors.directExecutor());
    }

    @Override
    public ListenableFuture<MeterCounters> read(final Uint64 datapathId, final long meterId) {
        final var id = new MeterId(Uint32.valueOf(meterId));
        return Futures.transform(getMeterStatistics.invoke(new GetMeterStatisticsInputBuilder()
            .setNode(node(datapathId)).setMeterId(id).setStoreStats(Boolean.FALSE).build()), result -> {
                if (!result.isSuccessful() || result.getResult() == null) {
                    throw new IllegalStateException("Switch " + datapathId + " did not answer: " + result.getErrors());
                }
                return result.getResult().nonnullMeterStats().values().stream()
                    .filter(stats -> id.equals(stats.getMeterId()))
                    .findFirst().map(MeterRpcs::counters)
                    .orElseThrow(() -> new IllegalStateException("Switch " + datapathId + " has no meter " + meterId));
            }, MoreExecutors.directExecutor());
    }

    private static MeterCounters counters(final MeterStats stats) {
        long droppedPackets = 0;
        long droppedBytes = 0;
        for (var band : stats.nonnullMeterBandStats().nonnullBandStat().values()) {
            droppedPackets += band.getPacketBandCount() == null ? 0 : band.getPacketBandCount().getValue().longValue();
            droppedBytes += band.getByteBandCount() == null ? 0 : band.getByteBandCount().getValue().longValue();
        }
        return MeterCounters.of(
            stats.getPacketInCount() == null ? 0 : stats.getPacketInCount().getValue().longValue(),
            stats.getByteInCount() == null ? 0 : stats.getByteInCount().getValue().longValue(),
            droppedPackets, droppedBytes);
    }

    /** Null when the switch did what was asked, else its reason. */
    private static <T> ListenableFuture<String> reason(final ListenableFuture<RpcResult<T>> future) {
        return Futures.catching(Futures.transform(future, result -> result.isSuccessful() ? null
            : result.getErrors().isEmpty() ? "refused without a reason"
            : result.getErrors().stream().map(MeterRpcs::describe).collect(Collectors.joining("; ")),
            MoreExecutors.directExecutor()), Exception.class,
            cause -> "no answer: " + cause.getMessage(), MoreExecutors.directExecutor());
    }

    private static String describe(final RpcError error) {
        final var info = error.getInfo();
        return info == null || info.isEmpty() || info.equals(error.getMessage()) ? error.getMessage()
            : error.getMessage() + " (" + info + ")";
    }

    private static NodeRef node(final Uint64 datapathId) {
        return new NodeRef(InventoryPaths.node(datapathId));
    }
}
