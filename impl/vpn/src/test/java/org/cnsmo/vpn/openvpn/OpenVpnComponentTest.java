/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.cnsmo.vpn.pki.PkiStore;
import org.cnsmo.vpn.status.VpnStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;

class OpenVpnComponentTest {
    @TempDir
    Path home;

    private final DataBroker broker = mock(DataBroker.class);
    private final VpnStatus status = mock(VpnStatus.class);

    @Test
    void failurePartWayClosesWhatWasOpened() throws Exception {
        final var vpnListener = mock(Registration.class);
        doReturn(vpnListener).when(broker).registerTreeChangeListener(eq(LogicalDatastoreType.CONFIGURATION),
            eq(DataObjectReference.builder(Vpn.class).build()), any(DataTreeChangeListener.class));
        final var failure = new IllegalStateException("no DNS model");
        doThrow(failure).when(broker).registerTreeChangeListener(eq(LogicalDatastoreType.CONFIGURATION),
            eq(DataObjectReference.builder(Dns.class).build()), any(DataTreeChangeListener.class));
        final var clock = Clock.systemUTC();
        final var pki = PkiStore.open(home.resolve("pki"), clock);
        final var executor = Executors.newSingleThreadScheduledExecutor();

        assertSame(failure, assertThrows(IllegalStateException.class, () -> new OpenVpnComponent(broker, pki,
            status, home, "openvpn", Duration.ofSeconds(2), rules -> { }, clock, executor)));
        verify(vpnListener).close();
        verify(status, never()).attach(any());
        assertTrue(executor.isShutdown());
    }

    @Test
    void closeDetachesFromTheStatusAndStopsTheThread() throws Exception {
        final var listener = mock(Registration.class);
        doReturn(listener).when(broker).registerTreeChangeListener(eq(LogicalDatastoreType.CONFIGURATION),
            any(DataObjectReference.class), any(DataTreeChangeListener.class));
        final var attached = mock(Registration.class);
        doReturn(attached).when(status).attach(any());
        final var clock = Clock.systemUTC();
        final var executor = Executors.newSingleThreadScheduledExecutor();

        new OpenVpnComponent(broker, PkiStore.open(home.resolve("pki"), clock), status, home, "openvpn",
            Duration.ofSeconds(2), rules -> { }, clock, executor).close();
        verify(attached).close();
        // VPN, DNS and load-balancer configuration.
        verify(listener, org.mockito.Mockito.times(3)).close();
        assertTrue(executor.isTerminated());
    }
}
