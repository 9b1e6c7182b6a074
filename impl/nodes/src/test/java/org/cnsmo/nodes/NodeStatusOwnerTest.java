/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;

@ExtendWith(MockitoExtension.class)
class NodeStatusOwnerTest {
    private static final DataObjectIdentifier<Node> WEB_1 = DataObjectIdentifier.builder(Nodes.class)
        .child(Node.class, new NodeKey(new NodeName("web-1"))).build();

    @Mock
    private DataBroker broker;
    @Mock
    private WriteTransaction tx;

    private NodeStatusOwner owner;

    @AfterEach
    void tearDown() throws Exception {
        if (owner != null) {
            owner.close();
        }
    }

    @Test
    void eachServiceKeepsItsOwnLeavesAndEntry() {
        final var merged = NodeStatusMerge.merge(parts(vpn(true), sdn(false)));
        assertEquals(Boolean.TRUE, merged.getConnected());
        assertEquals(Boolean.FALSE, merged.getSwitchConnected());
        assertEquals(2, merged.nonnullServiceStatus().size());
        // A service's report cannot set another service's leaves.
        final var sdnClaimingVpn = new StatusBuilder(sdn(true)).setConnected(false).build();
        assertNull(NodeStatusMerge.merge(parts(sdnClaimingVpn)).getConnected());
    }

    @Test
    void aServiceProblemDegradesItsUpEntriesOnly() {
        final var problems = Map.of(Service.Vpn, "cannot publish the VPN status");
        final var merged = NodeStatusMerge.merge(parts(vpn(true), sdn(true)), problems).nonnullServiceStatus();
        final var vpn = merged.values().stream().filter(entry -> entry.getService() == Service.Vpn).findFirst()
            .orElseThrow();
        assertEquals(ServiceState.Degraded, vpn.getState());
        assertEquals("cannot publish the VPN status", vpn.getReason());
        assertEquals(ServiceState.Up, merged.values().stream().filter(entry -> entry.getService() == Service.Sdn)
            .findFirst().orElseThrow().getState());
        // Down stays down, with its own reason.
        assertEquals(ServiceState.Down, NodeStatusMerge.merge(parts(vpn(false)), problems).nonnullServiceStatus()
            .values().iterator().next().getState());
    }

    @Test
    void aServiceProblemIsShownOnEveryNodeUntilCleared() {
        doReturn(tx).when(broker).newWriteOnlyTransaction();
        doReturn(CommitInfo.emptyFluentFuture()).when(tx).commit();
        owner = new NodeStatusOwner(broker, Executors.newSingleThreadScheduledExecutor());

        owner.report("web-1", Service.Vpn, vpn(true));
        verify(tx, timeout(5_000).times(1)).commit();
        owner.serviceProblem(Service.Vpn, Optional.of("cannot publish"));
        verify(tx, timeout(5_000).times(2)).commit();
        owner.serviceProblem(Service.Vpn, Optional.of("cannot publish"));
        owner.serviceProblem(Service.Vpn, Optional.empty());
        verify(tx, timeout(5_000).times(3)).commit();
        final var written = ArgumentCaptor.forClass(Node.class);
        verify(tx, times(3)).put(eq(LogicalDatastoreType.OPERATIONAL), eq(WEB_1), written.capture());
        assertEquals(List.of(ServiceState.Up, ServiceState.Degraded, ServiceState.Up), written.getAllValues().stream()
            .map(node -> node.getStatus().nonnullServiceStatus().values().iterator().next().getState()).toList());
    }

    @Test
    void failedCommitIsRetriedUntilItLands() {
        doReturn(tx).when(broker).newWriteOnlyTransaction();
        doReturn(FluentFutures.immediateFailedFluentFuture(new TransactionCommitFailedException("shard leader moved")),
            CommitInfo.emptyFluentFuture()).when(tx).commit();
        owner = new NodeStatusOwner(broker, Executors.newSingleThreadScheduledExecutor());

        owner.report("web-1", Service.Vpn, vpn(true));
        owner.report("web-1", Service.Sdn, sdn(true));
        final var written = ArgumentCaptor.forClass(Node.class);
        verify(tx, timeout(5_000).times(2)).commit();
        verify(tx, timeout(5_000).atLeast(2)).put(eq(LogicalDatastoreType.OPERATIONAL), eq(WEB_1),
            written.capture());
        final var last = written.getValue().getStatus();
        assertEquals(Boolean.TRUE, last.getConnected());
        assertEquals(Boolean.TRUE, last.getSwitchConnected());
    }

    @Test
    void nodeWithoutReportsLosesItsStatus() {
        doReturn(tx).when(broker).newWriteOnlyTransaction();
        doReturn(CommitInfo.emptyFluentFuture()).when(tx).commit();
        owner = new NodeStatusOwner(broker, Executors.newSingleThreadScheduledExecutor());

        owner.report("web-1", Service.Vpn, vpn(true));
        verify(tx, timeout(5_000)).put(eq(LogicalDatastoreType.OPERATIONAL), eq(WEB_1), any(Node.class));
        owner.withdraw("web-1", Service.Vpn);
        verify(tx, timeout(5_000)).delete(LogicalDatastoreType.OPERATIONAL, WEB_1);
    }

    private static Map<Service, Status> parts(final Status... statuses) {
        final var parts = new EnumMap<Service, Status>(Service.class);
        for (var status : statuses) {
            parts.put(status.nonnullServiceStatus().values().iterator().next().getService(), status);
        }
        return parts;
    }

    private static Status vpn(final boolean connected) {
        return new StatusBuilder().setConnected(connected).setServiceStatus(BindingMap.of(new ServiceStatusBuilder()
            .setService(Service.Vpn).setState(connected ? ServiceState.Up : ServiceState.Down).build())).build();
    }

    private static Status sdn(final boolean connected) {
        return new StatusBuilder().setSwitchConnected(connected).setServiceStatus(BindingMap.of(
            new ServiceStatusBuilder().setService(Service.Sdn).setState(connected ? ServiceState.Up
                : ServiceState.Down).build())).build();
    }
}
