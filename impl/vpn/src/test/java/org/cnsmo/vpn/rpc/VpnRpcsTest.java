/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.rpc;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.cnsmo.vpn.enroll.JoinTarget;
import org.cnsmo.vpn.enroll.TokenComponent;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yangtools.binding.Rpc;
import org.opendaylight.yangtools.concepts.Registration;

class VpnRpcsTest {
    private final RpcProviderService rpcProvider = mock(RpcProviderService.class);
    private final ClientIssuer issuer = mock(ClientIssuer.class);

    @Test
    void failedRegistrationStopsTheRequestThread() {
        final var failure = new IllegalStateException("RPCs already registered");
        doThrow(failure).when(rpcProvider).registerRpcImplementations(any(Rpc[].class));
        final var requests = MoreExecutors.listeningDecorator(Executors.newSingleThreadExecutor());

        assertSame(failure, assertThrows(IllegalStateException.class, () -> new VpnRpcs(rpcProvider, issuer,
            new TokenComponent(), () -> new JoinTarget("https://vpn.example.org:8443", "sha256//pin"), Duration.ofHours(1), requests)));
        assertTrue(requests.isShutdown());
    }

    @Test
    void closeUnregistersAndStopsTheRequestThread() {
        final var registration = mock(Registration.class);
        doReturn(registration).when(rpcProvider).registerRpcImplementations(any(Rpc[].class));
        final var requests = MoreExecutors.listeningDecorator(Executors.newSingleThreadExecutor());

        new VpnRpcs(rpcProvider, issuer, new TokenComponent(), () -> new JoinTarget("https://vpn.example.org:8443", "sha256//pin"), Duration.ofHours(1), requests)
            .close();
        verify(registration).close();
        assertTrue(requests.isShutdown());
    }
}
