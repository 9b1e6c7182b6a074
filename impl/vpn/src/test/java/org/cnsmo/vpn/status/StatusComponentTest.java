/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.vpn.enroll.TokenComponent;
import org.cnsmo.vpn.enroll.TokenService;
import org.cnsmo.vpn.openvpn.ServerSettings;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.EnrollmentTokens;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;

class StatusComponentTest extends AbstractConcurrentDataBrokerTest {
    private static final DataObjectIdentifier<Vpn> VPN = DataObjectIdentifier.builder(Vpn.class).build();

    @TempDir
    Path dir;

    /** The nodes' status has its own owner, tested in the nodes bundle. */
    private static final NodeStatusReports NO_NODE_STATUS = new NodeStatusReports() {
        @Override
        public void report(final String node, final Service service, final Status part) {
            // not observed here
        }

        @Override
        public void withdraw(final String node, final Service service) {
            // not observed here
        }

        @Override
        public void serviceProblem(final Service service, final Optional<String> problem) {
            // not observed here
        }
    };

    private final Clock clock = Clock.systemUTC();
    private final TokenComponent tokens = new TokenComponent();
    private PkiStore pki;
    private StatusComponent status;

    @BeforeEach
    void start() throws Exception {
        // The base class is a JUnit 4 test: its set-up is called here.
        setup();
        pki = PkiStore.open(dir.resolve("pki"), clock);
        // No periodic poll during the test: attaching a source and changes publish.
        status = new StatusComponent(getDataBroker(), pki, tokens, NO_NODE_STATUS, dir.resolve("status"), clock,
            Duration.ofHours(1), Executors.newSingleThreadScheduledExecutor());
    }

    @AfterEach
    void stop() throws Exception {
        status.close();
    }

    @Test
    void publishesTheStatusOfEachClient() throws Exception {
        final Client laptop = new ClientBuilder().setName(new NodeName("laptop"))
            .setStaticAddress(new Ipv4Address("10.8.0.5")).build();
        final var view = new ServerView(ServerSettings.of(null), Optional.empty(), false,
            Map.of("laptop", laptop), Map.of());
        status.attach(() -> CompletableFuture.completedFuture(view));

        final var client = await(VPN.toBuilder().child(Client.class, new ClientKey(new NodeName("laptop"))).build());
        assertEquals(Boolean.FALSE, client.getStatus().getConnected());
    }

    @Test
    void publishesTheTokensWhenTheyChange() throws Exception {
        tokens.tokens().create("node-1", Optional.empty(), Duration.ofHours(1));
        tokens.changed();

        final var published = await(VPN.toBuilder().child(EnrollmentTokens.class).build());
        assertEquals(1, published.nonnullToken().size());
        assertEquals("node-1", published.nonnullToken().values().iterator().next().getNode().getValue());
    }

    @Test
    void failurePartWayClosesWhatWasOpened() throws Exception {
        final var broker = mock(DataBroker.class);
        final var nodesListener = mock(Registration.class);
        doReturn(nodesListener).when(broker).registerTreeChangeListener(any(LogicalDatastoreType.class),
            any(DataObjectReference.class), any(DataTreeChangeListener.class));
        final var failingTokens = mock(TokenService.class);
        final var failure = new IllegalStateException("no tokens");
        doThrow(failure).when(failingTokens).onChange(any());
        final var executor = Executors.newSingleThreadScheduledExecutor();

        assertSame(failure, assertThrows(IllegalStateException.class, () -> new StatusComponent(broker, pki,
            failingTokens, NO_NODE_STATUS, dir.resolve("status"), clock, Duration.ofSeconds(2), executor)));
        verify(nodesListener).close();
        assertTrue(executor.isShutdown());
    }

    private <T extends DataObject> T await(final DataObjectIdentifier<T> path) throws Exception {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var tx = getDataBroker().newReadOnlyTransaction()) {
                final var found = tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
                if (found.isPresent()) {
                    return found.orElseThrow();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " was not published");
            }
            Thread.sleep(20);
        }
    }
}
