/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.util.Optional;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadWriteTransaction;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ServerBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.DomainName;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;
import org.opendaylight.yangtools.yang.common.Uint64;

@ExtendWith(MockitoExtension.class)
class ClientIssuerTest {
    private static final DataObjectIdentifier<Vpn> VPN = DataObjectIdentifier.builder(Vpn.class).build();

    @Mock
    private DataBroker broker;
    @Mock
    private PkiStore pki;
    @Mock
    private ReadWriteTransaction tx;
    @Mock
    private WriteTransaction undo;

    private ClientIssuer issuer;

    @BeforeEach
    void setUp() {
        issuer = new ClientIssuer(broker, pki);
        doReturn(tx).when(broker).newReadWriteTransaction();
        final var vpn = new VpnBuilder().setServer(new ServerBuilder()
            .setPublicAddress(new Host(new DomainName("vpn.example.org"))).build()).build();
        doReturn(FluentFutures.immediateFluentFuture(Optional.of(vpn))).when(tx)
            .read(LogicalDatastoreType.CONFIGURATION, VPN);
    }

    @Test
    void failedBundleForAnExistingNodesNameKeepsTheNode() throws Exception {
        doReturn(CommitInfo.emptyFluentFuture()).when(tx).commit();
        doThrow(new IOException("disk full")).when(pki).issueClient("web-1");
        doReturn(undo).when(broker).newWriteOnlyTransaction();
        doReturn(CommitInfo.emptyFluentFuture()).when(undo).commit();

        // A bundle (no datapath id) for a name a hand-attached node already has: the node is not ours to delete.
        assertThrows(IssueException.class, () -> issuer.issue("web-1", Optional.of("10.8.0.9"), Optional.empty()));
        verify(undo).delete(LogicalDatastoreType.CONFIGURATION, ClientIssuer.clientPath("web-1"));
        verify(undo, never()).delete(LogicalDatastoreType.CONFIGURATION, ClientIssuer.nodePath("web-1"));
    }

    @Test
    void failedNodeIssueTakesBackTheNodeItCreated() throws Exception {
        doReturn(FluentFutures.immediateFluentFuture(Optional.empty())).when(tx)
            .read(LogicalDatastoreType.CONFIGURATION, ClientIssuer.nodePath("web-2"));
        doReturn(CommitInfo.emptyFluentFuture()).when(tx).commit();
        doThrow(new IOException("disk full")).when(pki).issueClient("web-2");
        doReturn(undo).when(broker).newWriteOnlyTransaction();
        doReturn(CommitInfo.emptyFluentFuture()).when(undo).commit();

        assertThrows(IssueException.class,
            () -> issuer.issue("web-2", Optional.of("10.8.0.9"), Optional.of(Uint64.valueOf(7))));
        verify(undo).delete(LogicalDatastoreType.CONFIGURATION, ClientIssuer.clientPath("web-2"));
        verify(undo).delete(LogicalDatastoreType.CONFIGURATION, ClientIssuer.nodePath("web-2"));
    }

    @Test
    void concurrentChangeFailsTheIssueInsteadOfOverwritingIt() throws Exception {
        // The checks and the write are one transaction: a concurrent writer makes its commit fail.
        doReturn(FluentFutures.immediateFailedFluentFuture(new TransactionCommitFailedException("conflict",
            new OptimisticLockFailedException("vpn/client=web-3 changed")))).when(tx).commit();

        final var refused = assertThrows(IssueException.class,
            () -> issuer.issue("web-3", Optional.of("10.8.0.9"), Optional.empty()));
        assertEquals(409, refused.httpStatus());
        verify(tx).put(eq(LogicalDatastoreType.CONFIGURATION), eq(ClientIssuer.clientPath("web-3")), any());
        verify(broker, never()).newReadOnlyTransaction();
        verify(pki, never()).issueClient(any());
    }
}
