/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.rpc;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Locale;
import org.cnsmo.verifier.Answer;
import org.cnsmo.verifier.BadQueryException;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.Query;
import org.cnsmo.verifier.Range;
import org.cnsmo.verifier.SwitchTablesCache;
import org.cnsmo.verifier.Verdict;
import org.cnsmo.verifier.Verifier;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.CheckReachability;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.CheckReachabilityInput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.CheckReachabilityOutput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.CheckReachabilityOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Outcome;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.check.reachability.output.VerdictBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.hops.Hop;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.hops.HopBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.Port;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.DestinationPortRange;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * check-reachability: reads the intent and answers with the verifier, with the switch tables of nodes unchanged
 * since an earlier call from the cache. Never writes.
 */
final class CheckReachabilityRpc implements CheckReachability {
    private static final Range ALL_PORTS = new Range(1, 65_535);

    private final IntentReader intents;
    private final SwitchTablesCache switches;

    CheckReachabilityRpc(final IntentReader intents, final SwitchTablesCache switches) {
        this.intents = requireNonNull(intents);
        this.switches = requireNonNull(switches);
    }

    @Override
    public ListenableFuture<RpcResult<CheckReachabilityOutput>> invoke(final CheckReachabilityInput input) {
        final Query query;
        try {
            query = query(input);
        } catch (BadQueryException e) {
            return Futures.immediateFuture(Failures.badInput(e.getMessage()));
        }
        return Futures.transform(intents.read(), intent -> {
            try {
                final var answer = new Verifier(Overlay.of(intent, switches)).check(query);
                return RpcResultBuilder.success(output(answer)).build();
            } catch (BadQueryException e) {
                return Failures.<CheckReachabilityOutput>badInput(e.getMessage());
            }
        }, MoreExecutors.directExecutor());
    }

    static Query query(final CheckReachabilityInput input) {
        if (input.getSource() == null || input.getSource().isBlank()) {
            throw new BadQueryException("source", "is required");
        }
        if (input.getDestination() == null || input.getDestination().isBlank()) {
            throw new BadQueryException("destination", "is required");
        }
        final var protocol = input.getProtocol() == null ? Protocol.Tcp : input.getProtocol();
        return new Query(input.getSource().strip(), input.getDestination().strip(), number(protocol),
            ports(input.getPort()));
    }

    static Range ports(final Port port) {
        if (port instanceof DestinationPort single && single.getDestinationPort() != null) {
            return Range.of(single.getDestinationPort().getValue().toJava());
        }
        if (port instanceof DestinationPortRange range) {
            final var bounds = range.nonnullDestinationPortRange();
            if (bounds.getLower() == null) {
                throw new BadQueryException("destination-port-range/lower", "is required");
            }
            if (bounds.getUpper() == null) {
                throw new BadQueryException("destination-port-range/upper", "is required");
            }
            final int lower = bounds.getLower().getValue().toJava();
            final int upper = bounds.getUpper().getValue().toJava();
            if (lower > upper) {
                throw new BadQueryException("destination-port-range", "lower " + lower + " is above upper " + upper);
            }
            return new Range(lower, upper);
        }
        return ALL_PORTS;
    }

    static int number(final Protocol protocol) {
        return switch (protocol) {
            case Udp -> Query.UDP;
            case Icmp -> Query.ICMP;
            default -> Query.TCP;
        };
    }

    static Protocol protocol(final int number) {
        return number == Query.UDP ? Protocol.Udp : number == Query.ICMP ? Protocol.Icmp : Protocol.Tcp;
    }

    static Outcome outcome(final org.cnsmo.verifier.Outcome outcome) {
        return switch (outcome) {
            case ACCEPT -> Outcome.Accept;
            case DROP -> Outcome.Drop;
            case REJECT -> Outcome.Reject;
        };
    }

    private static CheckReachabilityOutput output(final Answer answer) {
        return new CheckReachabilityOutputBuilder()
            .setReachability(CheckReachabilityOutput.Reachability.forName(
                answer.reachability().name().toLowerCase(Locale.ROOT)))
            .setPath(answer.path())
            .setVerdict(answer.classes().stream().map(CheckReachabilityRpc::verdict).toList())
            .build();
    }

    private static org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.check.reachability.output.Verdict
            verdict(final Verdict verdict) {
        final var space = verdict.space();
        return new VerdictBuilder()
            .setSource(space.source().toAddresses())
            .setDestination(space.destination().toAddresses())
            .setProtocol(protocol((int) space.protocol().lower()))
            .setPortLower(Uint16.valueOf(space.port().lower()))
            .setPortUpper(Uint16.valueOf(space.port().upper()))
            .setOutcome(outcome(verdict.outcome()))
            .setDecidedBy(verdict.decisive().name() + ": " + verdict.decisive().element())
            .setHop(verdict.hops().stream().map(CheckReachabilityRpc::hop).toList())
            .build();
    }

    private static Hop hop(final org.cnsmo.verifier.Hop hop) {
        return new HopBuilder()
            .setName(hop.name())
            .setElementKind(Hop.ElementKind.forName(hop.element().kind().label()))
            .setElement(hop.element().name())
            .setOutcome(outcome(hop.outcome()))
            .build();
    }
}
