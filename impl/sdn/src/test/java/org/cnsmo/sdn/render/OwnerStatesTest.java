/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.sdn.stats.FlowCounters;
import org.cnsmo.sdn.stats.StatusWriter;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.filter.Status.Installed;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;

class OwnerStatesTest {
    private static final Uint64 DPID = Uint64.valueOf(10);
    private static final FilterIntent WEB = new FilterIntent("web", "A", 8080, Ipv4Network.parse("10.8.0.6/32"));
    private static final Filter CONFIG = new FilterBuilder().setName(new ObjectName("web"))
        .setNode(new NodeName("A")).setTcpDestinationPort(new PortNumber(Uint16.valueOf(8080)))
        .setIpv4Destination(new Ipv4Prefix("10.8.0.6/32")).build();
    private static final long COOKIE = Owner.filter("web").cookie().longValue();

    /** The switches as the renderer would know them, set by each test. */
    private final Set<Uint64> admitted = new HashSet<>();
    private final Map<Uint64, String> notAdmitted = new HashMap<>();
    private final Map<Uint64, SwitchSnapshot> snapshots = new HashMap<>();
    private final Map<Long, String> refusals = new HashMap<>();
    private final FlowPlan plan = new FlowPlan();
    private final StatusWriter status = mock(StatusWriter.class);
    private final OwnerStates states = new OwnerStates(plan, status, new OwnerStates.Switches() {
        @Override
        public boolean admitted(final Uint64 datapathId) {
            return admitted.contains(datapathId);
        }

        @Override
        public String notAdmitted(final Uint64 datapathId) {
            return notAdmitted.get(datapathId);
        }

        @Override
        public SwitchSnapshot snapshot(final Uint64 datapathId) {
            return snapshots.get(datapathId);
        }

        @Override
        public String refusal(final Uint64 datapathId, final long cookie) {
            return refusals.get(cookie);
        }
    });

    private void written() {
        plan.setFilter("web", WEB);
        states.filter("web", CONFIG);
    }

    private void published(final Installed state, final String reason) {
        verify(status).filter(eq(CONFIG), eq(state), reason == null ? isNull() : eq(reason), anyList(), any());
    }

    @Test
    void aFilterWhoseNodeHasNoSwitchIsNodeAbsent() {
        written();
        published(Installed.NodeAbsent, "Node A names no switch (datapath-id)");
    }

    @Test
    void aSwitchConnectedFromTheWrongAddressSaysWhy() {
        plan.setNode("A", new SwitchBinding("A", DPID, 1));
        notAdmitted.put(DPID, "switch openflow:10 connects from 192.0.2.9, not 10.8.0.6");
        written();
        published(Installed.NodeAbsent, "Node A: switch openflow:10 connects from 192.0.2.9, not 10.8.0.6");
    }

    @Test
    void pendingUntilARead() {
        plan.setNode("A", new SwitchBinding("A", DPID, 1));
        admitted.add(DPID);
        written();
        published(Installed.Pending, "Waiting for the switch to confirm the flows");

        final int flows = plan.flowsOf(Owner.filter("web"), DPID).size();
        snapshots.put(DPID, new SwitchSnapshot(Map.of(COOKIE, new FlowCounters(flows, 0, 0)), Map.of(), List.of()));
        states.counters(DPID, Instant.EPOCH);
        published(Installed.Installed, null);
        states.counters(DPID, Instant.EPOCH.plusSeconds(1));
        verify(status, times(1)).filter(eq(CONFIG), eq(Installed.Installed), isNull(), anyList(), any());
    }

    @Test
    void aRefusalFailsTheFilterWithTheSwitchsError() {
        plan.setNode("A", new SwitchBinding("A", DPID, 1));
        admitted.add(DPID);
        written();
        refusals.put(COOKIE, "Device reported error type BADMATCH");
        states.owner(DPID, COOKIE);
        published(Installed.Failed,
            "Switch openflow:10 refused the last change and keeps what it had: Device reported error type BADMATCH");
    }

    @Test
    void aDeletedFilterIsForgotten() {
        written();
        states.filter("web", null);
        verify(status).removeFilter("web");
        plan.setFilter("web", null);
        states.filtersOf("A");
        verify(status, times(1)).filter(any(), any(), any(), anyList(), any());
    }
}
