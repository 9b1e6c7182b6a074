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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadWriteTransaction;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.DatapathId;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ServerBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.DomainName;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The issuer against an in-memory datastore.
 */
class ClientIssuerDataStoreTest extends AbstractConcurrentDataBrokerTest {
    @TempDir
    Path dir;

    private DataBroker broker;
    private PkiStore pki;

    @BeforeEach
    void start() throws Exception {
        // The base class is a JUnit 4 test: its set-up is called here.
        setup();
        // Delegates to the real broker, and records which transactions are made.
        broker = mock(DataBroker.class, delegatesTo(getDataBroker()));
        pki = PkiStore.open(dir.resolve("pki"), Clock.systemUTC());
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, DataObjectIdentifier.builder(Vpn.class).build(),
            new VpnBuilder().setServer(new ServerBuilder()
                .setPublicAddress(new Host(new DomainName("vpn.example.org"))).build()).build());
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    @Test
    void issuingANodeWritesItsClientAndNodeInOneTransaction() throws Exception {
        final var bundle = new ClientIssuer(broker, pki).issue("web-1", Optional.empty(),
            Optional.of(Uint64.valueOf(7)));

        final var client = read(ClientIssuer.clientPath("web-1")).orElseThrow();
        assertEquals(bundle.overlayAddress(), client.getStaticAddress().getValue());
        final var node = read(ClientIssuer.nodePath("web-1")).orElseThrow();
        assertEquals(new DatapathId(Uint64.valueOf(7)), node.getDatapathId());
        assertEquals(Set.of(Service.Vpn, Service.Sdn), node.getService());
        verify(broker, times(1)).newReadWriteTransaction();
        verify(broker, never()).newWriteOnlyTransaction();
        assertTrue(pki.clientCertificate("web-1").isPresent());
    }

    @Test
    void aConcurrentEntryIsNotOverwritten() throws Exception {
        final var real = getDataBroker();
        final var racing = mock(DataBroker.class, delegatesTo(real));
        doAnswer(invocation -> {
            final var realTx = real.newReadWriteTransaction();
            final var tx = mock(ReadWriteTransaction.class, delegatesTo(realTx));
            doAnswer(commit -> {
                // Someone else takes the name between the issuer's checks and its commit.
                final var other = real.newWriteOnlyTransaction();
                other.put(LogicalDatastoreType.CONFIGURATION, ClientIssuer.clientPath("web-2"), new ClientBuilder()
                    .setName(new NodeName("web-2")).setStaticAddress(new Ipv4Address("10.8.0.99")).build());
                other.commit().get(5, TimeUnit.SECONDS);
                return realTx.commit();
            }).when(tx).commit();
            return tx;
        }).when(racing).newReadWriteTransaction();

        final var refused = assertThrows(IssueException.class,
            () -> new ClientIssuer(racing, pki).issue("web-2", Optional.empty(), Optional.empty()));
        assertEquals(409, refused.httpStatus());
        assertEquals("10.8.0.99", read(ClientIssuer.clientPath("web-2")).orElseThrow().getStaticAddress()
            .getValue());
        assertTrue(pki.clientCertificate("web-2").isEmpty());
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.CONFIGURATION, path).get(5, TimeUnit.SECONDS);
        }
    }
}
