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
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cnsmo.vpn.enroll.EnrollmentTokens;
import org.cnsmo.vpn.enroll.JoinTarget;
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
 * @param joinTarget where and how nodes reach the controller
 * @param tokensChanged called after a token was created
 * @param defaultValidity validity of a token when the request does not say
 * @param executor where the call runs
 */
public record CreateEnrollmentTokenRpc(EnrollmentTokens tokens, JoinTarget.Source joinTarget,
        Runnable tokensChanged, Duration defaultValidity, ListeningExecutorService executor)
        implements CreateEnrollmentToken {
    public CreateEnrollmentTokenRpc {
        requireNonNull(tokens);
        requireNonNull(joinTarget);
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
                final var target = joinTarget.get();
                final var validity = input.getValidity();
                final EnrollmentTokens.Issued issued;
                try {
                    issued = tokens.create(input.getNode().getValue(),
                        Optional.ofNullable(input.getStaticAddress()).map(Ipv4Address::getValue),
                        validity == null ? defaultValidity : Duration.ofSeconds(validity.longValue()));
                } catch (IOException e) {
                    throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot record the new token: "
                        + e.getMessage(), e);
                }
                tokensChanged.run();
                return RpcResultBuilder.success(new CreateEnrollmentTokenOutputBuilder()
                    .setToken(issued.text())
                    .setExpires(new DateAndTime(issued.token().expires().truncatedTo(ChronoUnit.SECONDS).toString()))
                    .setJoinCommand(joinCommand(target, issued.text()))
                    .build()).build();
            } catch (IssueException e) {
                return RpcFailures.<CreateEnrollmentTokenOutput>of(e);
            }
        });
    }

    /**
     * The command a new VM runs: it fetches the agent over HTTPS from a server whose key matches the pin (curl's
     * {@code --pinnedpubkey}; {@code -k} only skips the CA and host name checks, which the pin replaces, since
     * the VM does not know the controller's CA yet), and the agent talks to that pinned server only. The
     * token goes to the agent on standard input, so that no command line on the VM holds it.
     */
    static String joinCommand(final JoinTarget target, final String token) {
        // echo is a shell builtin: the token reaches the agent on standard input, never on a command line.
        return "curl -fsSk --pinnedpubkey '" + target.pin() + "' " + target.url() + NodeAgentServlet.CONTEXT_PATH
            + "/agent -o cnsmo-node && echo '" + token + "' | sudo bash cnsmo-node join --controller " + target.url()
            + " --pin '" + target.pin() + "' --token -";
    }
}
