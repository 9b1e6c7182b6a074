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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.cnsmo.verifier.Intent;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.PairVerdictCache;
import org.cnsmo.verifier.Proposal;
import org.cnsmo.verifier.SwitchTablesCache;
import org.cnsmo.verifier.WhatIf;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.WhatIfInput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.WhatIfOutput;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.WhatIfOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.DestinationPort;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.ports.port.DestinationPortRange;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.input.PutFilter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.input.PutRule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.output.Change;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.output.ChangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.what._if.output.ValidationErrorBuilder;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * what-if: applies a proposal to the intent in memory, runs the services' commit checks on what would change,
 * and compares reachability between nodes before and after, with the switch tables and pair verdicts of earlier
 * calls from the caches. Never writes.
 */
final class WhatIfRpc implements org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.WhatIf {
    private final IntentReader intents;
    private final Supplier<List<ContainerCheck<?>>> checks;
    private final SwitchTablesCache switches;
    private final PairVerdictCache verdicts;

    WhatIfRpc(final IntentReader intents, final Supplier<List<ContainerCheck<?>>> checks,
            final SwitchTablesCache switches, final PairVerdictCache verdicts) {
        this.intents = requireNonNull(intents);
        this.checks = requireNonNull(checks);
        this.switches = requireNonNull(switches);
        this.verdicts = requireNonNull(verdicts);
    }

    @Override
    public ListenableFuture<RpcResult<WhatIfOutput>> invoke(final WhatIfInput input) {
        final Proposal proposal;
        try {
            proposal = proposal(input);
        } catch (IllegalArgumentException e) {
            return Futures.immediateFuture(Failures.badInput(e.getMessage()));
        }
        return Futures.transformAsync(intents.read(), before -> {
            final var after = proposal.applyTo(before);
            return Futures.transform(validate(before, after, proposal), violations -> {
                final var output = new WhatIfOutputBuilder().setValidationError(violations.stream()
                    .map(violation -> new ValidationErrorBuilder().setPath(violation.path())
                        .setReason(violation.reason()).build())
                    .toList());
                if (violations.isEmpty()) {
                    final var result = WhatIf.compare(Overlay.of(before, switches),
                        Overlay.of(after, switches), verdicts);
                    output.setClassesCompared(Uint32.valueOf(result.compared()))
                        .setChange(result.changes().stream().map(WhatIfRpc::change).toList());
                }
                return RpcResultBuilder.success(output.build()).build();
            }, MoreExecutors.directExecutor());
        }, MoreExecutors.directExecutor());
    }

    /** The violations the commit of the change would get from the services' checks. */
    private ListenableFuture<List<Violation>> validate(final Intent before, final Intent after,
            final Proposal proposal) {
        final var futures = new ArrayList<ListenableFuture<List<Violation>>>();
        for (var check : checks.get()) {
            final var container = check.container();
            if (container == Firewall.class && proposal.changesFirewall()) {
                futures.add(run(check, before.firewall(), after.firewall()));
            } else if (container == TrafficFilters.class && proposal.changesFilters()) {
                futures.add(run(check, before.filters(), after.filters()));
            } else if (container == Nodes.class && !proposal.deleteNodes().isEmpty() && after.nodes() != null) {
                futures.add(run(check, before.nodes(), after.nodes()));
            } else if (container == LoadBalancers.class && !proposal.deleteBalancers().isEmpty()
                    && after.loadBalancers() != null) {
                futures.add(run(check, before.loadBalancers(), after.loadBalancers()));
            }
        }
        return Futures.transform(Futures.allAsList(futures), lists -> lists.stream().flatMap(List::stream).toList(),
            MoreExecutors.directExecutor());
    }

    @SuppressWarnings("unchecked")
    private static <T extends DataObject> ListenableFuture<List<Violation>> run(final ContainerCheck<?> check,
            final DataObject before, final DataObject after) {
        return ((org.cnsmo.api.validation.IntentCheck<T>) check).check((T) before, (T) after);
    }

    static Proposal proposal(final WhatIfInput input) {
        final var rules = input.nonnullPutRule().values().stream().map(WhatIfRpc::rule).toList();
        final var filters = input.nonnullPutFilter().values().stream().map(WhatIfRpc::filter).toList();
        return new Proposal(rules, names(input.getDeleteRule()), filters, names(input.getDeleteFilter()),
            input.getDeleteNode() == null ? Set.of() : Set.copyOf(input.getDeleteNode().stream()
                .map(name -> name.getValue()).toList()),
            names(input.getDeleteLoadBalancer()));
    }

    private static Set<String> names(final Set<ObjectName> names) {
        return names == null ? Set.of() : Set.copyOf(names.stream().map(ObjectName::getValue).toList());
    }

    private static Rule rule(final PutRule put) {
        final var builder = new RuleBuilder().setName(put.getName()).setNode(put.getNode())
            .setPriority(put.getPriority()).setAddressRange(put.getAddressRange());
        if (put.getDirection() != null) {
            builder.setDirection(Rule.Direction.forName(put.getDirection().getName()));
        }
        if (put.getProtocol() != null) {
            builder.setProtocol(org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol.forName(
                put.getProtocol().getName()));
        }
        if (put.getAddressMatch() != null) {
            builder.setAddressMatch(Rule.AddressMatch.forName(put.getAddressMatch().getName()));
        }
        if (put.getAction() != null) {
            builder.setAction(Rule.Action.forName(put.getAction().getName()));
        }
        if (put.getPort() instanceof DestinationPort single) {
            builder.setPort(new DestinationPortBuilder().setDestinationPort(single.getDestinationPort()).build());
        } else if (put.getPort() instanceof DestinationPortRange range) {
            final var bounds = range.nonnullDestinationPortRange();
            builder.setPort(new DestinationPortRangeBuilder().setDestinationPortRange(
                new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.destination.port
                    .range.DestinationPortRangeBuilder().setLower(bounds.getLower()).setUpper(bounds.getUpper())
                    .build()).build());
        }
        return builder.build();
    }

    private static Filter filter(final PutFilter put) {
        return new FilterBuilder().setName(put.getName()).setNode(put.getNode())
            .setTcpDestinationPort(put.getTcpDestinationPort()).setIpv4Destination(put.getIpv4Destination()).build();
    }

    private static Change change(final WhatIf.Change change) {
        final Change.Kind kind = change.newlyBlocked() ? Change.Kind.NewlyBlocked
            : change.newlyAllowed() ? Change.Kind.NewlyAllowed : Change.Kind.RefusalChanged;
        return new ChangeBuilder()
            .setSourceNode(change.pair().source())
            .setDestinationNode(change.pair().destination())
            .setProtocol(CheckReachabilityRpc.protocol(change.pair().protocol()))
            .setPortLower(Uint16.valueOf(change.ports().lower()))
            .setPortUpper(Uint16.valueOf(change.ports().upper()))
            .setKind(kind)
            .setBefore(CheckReachabilityRpc.outcome(change.before()))
            .setAfter(CheckReachabilityRpc.outcome(change.after()))
            .setResponsible(change.responsible().toString())
            .build();
    }
}
