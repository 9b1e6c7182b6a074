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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cnsmo.sdn.conntrack.MaskedPorts;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.RejectMeter;
import org.cnsmo.sdn.render.FlowDelta;
import org.cnsmo.sdn.render.InventoryPaths;
import org.cnsmo.sdn.render.SwitchWriter;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatistics;
import org.opendaylight.yang.gen.v1.urn.opendaylight.direct.statistics.rev160511.GetFlowStatisticsInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.experimenter.message.service.rev151020.SendExperimenter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.experimenter.message.service.rev151020.SendExperimenterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.transaction.rev150304.SendBarrier;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.transaction.rev150304.SendBarrierInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeRef;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeterInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.BundleInnerMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleAddFlowCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.BundleRemoveFlowCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.add.flow._case.AddFlowCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.bundle.inner.message.grouping.bundle.inner.message.bundle.remove.flow._case.RemoveFlowCaseDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.BundleAddMessageSalBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.BundleControlSalBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.bundle.add.message.sal.SalAddMessageDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.bundle.service.rev170124.send.experimenter.input.experimenter.message.of.choice.bundle.control.sal.SalControlDataBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleControlType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleFlags;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacket;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.TransmitPacketInputBuilder;
import org.opendaylight.yangtools.yang.common.RpcError;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct requests to a connected switch through the OpenFlow plugin's RPCs. Flow changes go in bundles (ONF
 * extension 230) sent with the plugin's send-experimenter RPC and the sal-bundle messages, which the
 * {@link OnfBundleExtension} teaches every OpenFlow port; the plugin's own control-bundle RPC would drop the
 * switch's error from its answer.
 */
public final class SwitchRpcs implements SwitchWriter.Bundles {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchRpcs.class);
    private static final Uint8 ALL_TABLES = FlowDelta.ALL_TABLES;
    private static final FlowCookie EXACT_COOKIE = FlowDelta.EXACT_COOKIE;
    /** How the plugin words Open vSwitch's OFPMMFC_METER_EXISTS. */
    static final String METER_EXISTS = "METEREXISTS";
    /** How the plugin words an error the switch sent (its AbstractRequestCallback). */
    private static final String SWITCH_ERROR = "Device reported error";
    /** Every bundle is atomic (all or nothing) and ordered (its messages apply in the order sent). */
    private static final BundleFlags ATOMIC_ORDERED = new BundleFlags(true, true);
    private static final int MAX_NODE_REFS = 10_000;

    private final GetFlowStatistics getFlowStatistics;
    private final TransmitPacket transmitPacket;
    private final AddMeter addMeter;
    private final SendExperimenter sendExperimenter;
    private final SendBarrier sendBarrier;
    /** Each switch's inventory reference; the writer's lanes ask for them at once. */
    private final Map<Uint64, NodeRef> nodeRefs = new ConcurrentHashMap<>();

    public SwitchRpcs(final RpcService rpcService) {
        getFlowStatistics = rpcService.getRpc(GetFlowStatistics.class);
        transmitPacket = rpcService.getRpc(TransmitPacket.class);
        addMeter = rpcService.getRpc(AddMeter.class);
        sendExperimenter = rpcService.getRpc(SendExperimenter.class);
        sendBarrier = rpcService.getRpc(SendBarrier.class);
    }

    @Override
    public void confirm(final Uint64 datapathId) {
        log(sendBarrier.invoke(new SendBarrierInputBuilder().setNode(node(datapathId)).build()),
            "send a barrier to switch " + datapathId);
    }

    @Override
    public ListenableFuture<Optional<String>> control(final Uint64 datapathId, final long bundleId,
            final SwitchWriter.Control control) {
        final var type = switch (control) {
            case OPEN -> BundleControlType.ONFBCTOPENREQUEST;
            case COMMIT -> BundleControlType.ONFBCTCOMMITREQUEST;
            case DISCARD -> BundleControlType.ONFBCTDISCARDREQUEST;
        };
        return error(sendExperimenter.invoke(new SendExperimenterInputBuilder()
            .setNode(node(datapathId))
            .setExperimenterMessageOfChoice(new BundleControlSalBuilder()
                .setSalControlData(new SalControlDataBuilder()
                    .setBundleId(bundleId(bundleId))
                    .setType(type)
                    .setFlags(ATOMIC_ORDERED)
                    .build())
                .build())
            .build()), () -> control.name().toLowerCase(Locale.ROOT) + " bundle " + bundleId + " on switch "
                + datapathId);
    }

    @Override
    public ListenableFuture<Optional<String>> add(final Uint64 datapathId, final long bundleId, final Flow flow,
            final boolean add) {
        final var sent = MaskedPorts.forBundle(flow);
        final BundleInnerMessage message;
        if (add) {
            message = new BundleAddFlowCaseBuilder().setAddFlowCaseData(new AddFlowCaseDataBuilder(sent).build())
                .build();
        } else if (FlowDelta.isCookieWide(flow)) {
            message = new BundleRemoveFlowCaseBuilder().setRemoveFlowCaseData(new RemoveFlowCaseDataBuilder()
                .setTableId(ALL_TABLES)
                .setCookie(flow.getCookie())
                .setCookieMask(EXACT_COOKIE)
                .setStrict(Boolean.FALSE)
                .build()).build();
        } else {
            message = new BundleRemoveFlowCaseBuilder().setRemoveFlowCaseData(new RemoveFlowCaseDataBuilder(sent)
                .setCookieMask(EXACT_COOKIE)
                .setStrict(Boolean.TRUE)
                .build()).build();
        }
        return error(sendExperimenter.invoke(new SendExperimenterInputBuilder()
            .setNode(node(datapathId))
            .setExperimenterMessageOfChoice(new BundleAddMessageSalBuilder()
                .setSalAddMessageData(new SalAddMessageDataBuilder()
                    .setNode(node(datapathId))
                    .setBundleId(bundleId(bundleId))
                    .setFlags(ATOMIC_ORDERED)
                    .setBundleInnerMessage(message)
                    .build())
                .build())
            .build()), () -> (add ? "add flow " : "remove flow ") + flow.getId().getValue() + " in bundle "
                + bundleId + " on switch " + datapathId);
    }

    private static BundleId bundleId(final long id) {
        return new BundleId(Uint32.valueOf(id & 0xFFFF_FFFFL));
    }

    /**
     * The switch's error for a request, or empty when it took it. The plugin reports what the switch answered as
     * "Device reported error ..."; its other errors (the request quota, a connection going down) and exceptions
     * fail the future: the switch refused nothing (see {@link SwitchWriter.Bundles}).
     */
    private static <T> ListenableFuture<Optional<String>> error(final ListenableFuture<RpcResult<T>> future,
            final Supplier<String> what) {
        return Futures.transform(future, result -> {
            if (result.isSuccessful()) {
                return Optional.<String>empty();
            }
            final var errors = result.getErrors().stream().map(RpcError::getMessage).distinct().toList();
            LOG.debug("Could not {}: {}", what.get(), errors);
            if (errors.stream().noneMatch(error -> error != null && error.startsWith(SWITCH_ERROR))) {
                throw new IllegalStateException(errors.isEmpty() ? "failed without a reason"
                    : String.join("; ", errors));
            }
            return Optional.of(String.join("; ", errors));
        }, MoreExecutors.directExecutor());
    }

    /**
     * Installs the reject meter. A switch that already holds a meter of that id kept it from an earlier connection
     * (CNSMO's meter is the same every time): the add's METER_EXISTS counts as held. Replacing it would need a
     * delete (the plugin's update-meter reaches Open vSwitch 3.1 as a second add), and Open vSwitch deletes the
     * reject flows with the meter: for a moment, a rejected connection would be judged by the rules below. The
     * future says whether the switch holds the meter now.
     */
    @Override
    public ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
        final var meter = RejectMeter.meter();
        final var what = "install meter " + meter.getMeterId().getValue() + " on switch " + datapathId;
        final var added = addMeter.invoke(new AddMeterInputBuilder(meter).setNode(node(datapathId)).build());
        return Futures.catching(Futures.transform(added, result -> {
            if (result.isSuccessful() || result.getErrors().stream()
                    .anyMatch(error -> String.valueOf(error.getMessage()).contains(METER_EXISTS))) {
                return Boolean.TRUE;
            }
            LOG.warn("Could not {}: {}", what, result.getErrors());
            return Boolean.FALSE;
        }, MoreExecutors.directExecutor()), Exception.class, cause -> {
            LOG.warn("Could not {}", what, cause);
            return Boolean.FALSE;
        }, MoreExecutors.directExecutor());
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

    /** Sends a packet out of a switch port. */
    public void transmit(final NodeConnectorId port, final byte[] packet) {
        log(transmitPacket.invoke(new TransmitPacketInputBuilder()
            .setNode(new NodeRef(InventoryPaths.nodeOf(port)))
            .setEgress(new NodeConnectorRef(InventoryPaths.port(port)))
            .setPayload(packet)
            .build()), "send a packet out of " + port.getValue());
    }

    /** The switch's inventory reference, built once per switch rather than twice per flow-mod. */
    private NodeRef node(final Uint64 datapathId) {
        if (nodeRefs.size() > MAX_NODE_REFS) {
            // datapath ids come from whoever connects: keep no more than a big deployment's worth of them
            nodeRefs.clear();
        }
        return nodeRefs.computeIfAbsent(datapathId, id -> new NodeRef(InventoryPaths.node(id)));
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
