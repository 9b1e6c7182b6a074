/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cnsmo.sdn.pipeline.NodeFlows;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.sdn.stats.MeterCounters;
import org.cnsmo.sdn.stats.QosNodeState;
import org.cnsmo.sdn.stats.StatusWriter;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.PolicyBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.BandwidthLimitBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.policy.status.NodeStatus.Installed;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.Meter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

class QosRendererTest {
    private static final Uint64 DPID = Uint64.valueOf(10);

    /** The flows on the fake switch, by id. */
    private final Map<String, Flow> onSwitch = new HashMap<>();
    private final List<SettableFuture<String>> meterAnswers = new ArrayList<>();
    private final List<Meter> installed = new ArrayList<>();
    private final FlowPlan plan = new FlowPlan();
    /** A switch that takes every bundle; a flow is on it as soon as it is added to one. */
    private final SwitchWriter writer = new SwitchWriter(new SwitchWriter.Bundles() {
        @Override
        public ListenableFuture<Optional<String>> control(final Uint64 datapathId, final long bundleId,
                final SwitchWriter.Control control) {
            return Futures.immediateFuture(Optional.empty());
        }

        @Override
        public ListenableFuture<Optional<String>> add(final Uint64 datapathId, final long bundleId, final Flow flow,
                final boolean add) {
            if (add) {
                onSwitch.put(flow.getId().getValue(), flow);
            } else {
                onSwitch.remove(flow.getId().getValue());
            }
            return Futures.immediateFuture(Optional.empty());
        }
    }, MoreExecutors.directExecutor());
    private final StatusWriter status = mock(StatusWriter.class);
    private final QosRenderer qos = new QosRenderer(plan, writer, new QosRenderer.MeterMods() {
        @Override
        public ListenableFuture<String> install(final Uint64 datapathId, final Meter meter, final boolean modify) {
            installed.add(meter);
            final var answer = SettableFuture.<String>create();
            meterAnswers.add(answer);
            return answer;
        }

        @Override
        public void remove(final Uint64 datapathId, final Meter meter) {
            installed.remove(meter);
        }

        @Override
        public ListenableFuture<MeterCounters> read(final Uint64 datapathId, final long meterId) {
            return Futures.immediateFuture(MeterCounters.of(100, 150_000, 30, 45_000));
        }
    }, status, MoreExecutors.directExecutor(), Clock.systemUTC());

    private void connect() {
        plan.setNode("A", new SwitchBinding("A", DPID, 1));
        writer.connected(DPID, plan.flowsOn(DPID));
        qos.connected(DPID);
    }

    @Test
    void flowsWaitForTheMeterAndCountersArePublished() {
        connect();
        qos.onPolicy("slow", limit("slow", 10_000));
        assertEquals(1, installed.size());
        assertEquals(NodeFlows.of(plan.binding("A")).size(), onSwitch.size(), "no QoS flow before the meter");
        meterAnswers.get(0).set(null);
        assertTrue(onSwitch.containsKey("cnsmo-qos-slow-A-egress"));
        qos.poll(DPID);
        final var last = lastState();
        assertEquals(Installed.Installed, last.installed());
        assertEquals(30, last.dropped().current().packets());
        assertEquals(70, last.passed().current().packets());
        verify(status).nodeQos("A", null);
    }

    @Test
    void refusedMeterFailsThePolicyAndChangesNothingElse() {
        connect();
        final var before = Map.copyOf(onSwitch);
        qos.onPolicy("slow", limit("slow", 10_000));
        meterAnswers.get(0).set("Device reported error type METER_MOD_FAILED code UNKNOWN");
        assertEquals(before, onSwitch, "the switch keeps exactly its other flows");
        final var last = lastState();
        assertEquals(Installed.Failed, last.installed());
        assertTrue(last.reason().contains("METER_MOD_FAILED"), last.reason());
        verify(status).nodeQos(eq("A"), eq("policy slow: " + last.reason()));
    }

    @Test
    void changedLimitReplacesTheMeterAndSendsItsFlowsAgainOnceItIsThere() {
        connect();
        qos.onPolicy("slow", limit("slow", 10_000));
        meterAnswers.get(0).set(null);
        final var flow = onSwitch.get("cnsmo-qos-slow-A-egress");
        final var others = new HashMap<>(onSwitch);
        others.remove("cnsmo-qos-slow-A-egress");
        qos.onPolicy("slow", limit("slow", 20_000));
        assertEquals(2, meterAnswers.size());
        assertEquals(Uint32.valueOf(20_000), installed.get(1).getMeterBandHeaders().nonnullMeterBandHeader()
            .values().iterator().next().getBandRate());
        assertEquals(others, onSwitch, "the flow using the meter goes while the meter is replaced, nothing else");
        meterAnswers.get(1).set(null);
        assertEquals(flow, onSwitch.get("cnsmo-qos-slow-A-egress"), "the flow is back on the new meter");
        assertEquals(Installed.Installed, lastState().installed());
    }

    @Test
    void deletedPolicyTakesItsFlowsAndMeter() {
        connect();
        qos.onPolicy("slow", limit("slow", 10_000));
        meterAnswers.get(0).set(null);
        qos.onPolicy("slow", null);
        assertTrue(installed.isEmpty(), "the meter is removed");
        assertTrue(onSwitch.keySet().stream().noneMatch(id -> id.startsWith("cnsmo-qos-")));
        verify(status).removeQosPolicy("slow");
        verify(status).withdrawQos("A");
    }

    private QosNodeState lastState() {
        @SuppressWarnings("unchecked")
        final ArgumentCaptor<List<QosNodeState>> states = ArgumentCaptor.forClass(List.class);
        verify(status, org.mockito.Mockito.atLeastOnce()).qosPolicy(any(Policy.class), states.capture());
        final var last = states.getValue();
        assertEquals(1, last.size());
        return last.get(0);
    }

    private static Policy limit(final String name, final long kbps) {
        return new PolicyBuilder().setName(new ObjectName(name)).setNode(Set.of(new NodeName("A")))
            .setBandwidthLimit(new BandwidthLimitBuilder().setMaxKbps(Uint32.valueOf(kbps)).build()).build();
    }
}
