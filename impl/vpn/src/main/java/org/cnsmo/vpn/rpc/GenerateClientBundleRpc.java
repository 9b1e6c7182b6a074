/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.rpc;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import java.util.Optional;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundle;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundleInput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundleOutput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundleOutputBuilder;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Issues a client and returns its bundle: ca.crt, client.crt, client.key and client.conf.
 *
 * @param issuer the client issuer
 * @param executor where the (blocking) issuance runs
 */
public record GenerateClientBundleRpc(ClientIssuer issuer, ListeningExecutorService executor)
        implements GenerateClientBundle {
    public GenerateClientBundleRpc {
        requireNonNull(issuer);
        requireNonNull(executor);
    }

    @Override
    public ListenableFuture<RpcResult<GenerateClientBundleOutput>> invoke(final GenerateClientBundleInput input) {
        return executor.submit(() -> {
            try {
                if (input.getName() == null) {
                    throw new IssueException(ErrorTag.INVALID_VALUE, "The input leaf 'name' is required");
                }
                final var bundle = issuer.issue(input.getName().getValue(),
                    Optional.ofNullable(input.getStaticAddress()).map(Ipv4Address::getValue), Optional.empty());
                return RpcResultBuilder.success(new GenerateClientBundleOutputBuilder()
                    .setCaCrt(bundle.caCrt()).setClientCrt(bundle.clientCrt()).setClientKey(bundle.clientKey())
                    .setClientConf(bundle.clientConf()).setOverlayAddress(new Ipv4Address(bundle.overlayAddress()))
                    .build()).build();
            } catch (IssueException e) {
                return RpcFailures.<GenerateClientBundleOutput>of(e);
            }
        });
    }
}
