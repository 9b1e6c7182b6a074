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
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.cnsmo.vpn.enroll.EnrollmentTokens;
import org.cnsmo.vpn.enroll.NodeAgentServlet;
import org.cnsmo.vpn.issue.IssueException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.CreateEnrollmentToken;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.CreateEnrollmentTokenInput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.CreateEnrollmentTokenOutput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.CreateEnrollmentTokenOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Creates a one-time enrollment token and the command that joins a VM with it.
 *
 * @param tokens the token store
 * @param controllerUrl the controller's web address as nodes reach it, when known
 * @param tokensChanged called after a token was created
 * @param defaultValidity validity of a token when the request does not say
 * @param executor where the call runs
 */
public record CreateEnrollmentTokenRpc(EnrollmentTokens tokens, Supplier<Optional<String>> controllerUrl,
        Runnable tokensChanged, Duration defaultValidity, ListeningExecutorService executor)
        implements CreateEnrollmentToken {
    public CreateEnrollmentTokenRpc {
        requireNonNull(tokens);
        requireNonNull(controllerUrl);
        requireNonNull(tokensChanged);
        requireNonNull(defaultValidity);
        requireNonNull(executor);
    }

    @Override
    public ListenableFuture<RpcResult<CreateEnrollmentTokenOutput>> invoke(final CreateEnrollmentTokenInput input) {
        return executor.submit(() -> {
            try {
                if (input.getNode() == null) {
                    throw new IssueException(ErrorTag.INVALID_VALUE, "The input leaf 'node' is required");
                }
                final var url = controllerUrl.get().orElseThrow(() -> new IssueException(ErrorTag.INVALID_VALUE,
                    "vpn/server/public-address is not set: a node would not know where the controller is. "
                        + "Set it first."));
                final var validity = input.getValidity();
                final var issued = tokens.create(input.getNode().getValue(),
                    Optional.ofNullable(input.getStaticAddress()).map(Ipv4Address::getValue),
                    validity == null ? defaultValidity : Duration.ofSeconds(validity.longValue()));
                tokensChanged.run();
                return RpcResultBuilder.success(new CreateEnrollmentTokenOutputBuilder()
                    .setToken(issued.text())
                    .setExpires(new DateAndTime(issued.token().expires().truncatedTo(ChronoUnit.SECONDS).toString()))
                    .setJoinCommand(joinCommand(url, issued.text()))
                    .build()).build();
            } catch (IssueException e) {
                return RpcFailures.<CreateEnrollmentTokenOutput>of(e);
            }
        });
    }

    static String joinCommand(final String url, final String token) {
        return "curl -fsS " + url + NodeAgentServlet.CONTEXT_PATH + "/agent -o cnsmo-node && sudo bash cnsmo-node join "
            + "--controller " + url + " --token " + token;
    }
}
