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
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.RevokeClient;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.RevokeClientInput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.RevokeClientOutput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.RevokeClientOutputBuilder;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Marks a client revoked; the VPN service then puts it on the CRL and disconnects it.
 *
 * @param issuer the client issuer
 * @param executor where the (blocking) change runs
 */
public record RevokeClientRpc(ClientIssuer issuer, ListeningExecutorService executor) implements RevokeClient {
    public RevokeClientRpc {
        requireNonNull(issuer);
        requireNonNull(executor);
    }

    @Override
    public ListenableFuture<RpcResult<RevokeClientOutput>> invoke(final RevokeClientInput input) {
        return executor.submit(() -> {
            try {
                if (input.getName() == null) {
                    throw new IssueException(ErrorTag.INVALID_VALUE, "The input leaf 'name' is required");
                }
                issuer.revoke(input.getName().getValue());
                return RpcResultBuilder.success(new RevokeClientOutputBuilder().build()).build();
            } catch (IssueException e) {
                return RpcFailures.<RevokeClientOutput>of(e);
            }
        });
    }
}
