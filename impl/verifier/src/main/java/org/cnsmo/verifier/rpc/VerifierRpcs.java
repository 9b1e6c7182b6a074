/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.rpc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.verifier.PairVerdictCache;
import org.cnsmo.verifier.SwitchTablesCache;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the verification RPCs, check-reachability and what-if. what-if runs the commit checks every service
 * publishes as a {@link ContainerCheck}, so that it reports the validation errors the change would get. The two
 * share the switch tables of unchanged nodes between calls; what-if also keeps the verdicts of node pairs.
 */
@Component(service = {})
public final class VerifierRpcs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierRpcs.class);
    /** Switches kept: the nodes of the intent and of a few proposals, at a few hundred nodes. */
    private static final int SWITCHES = 512;
    /** Pair verdicts kept: the three protocols of every ordered pair of the intent, up to 104 nodes (32 MB). */
    private static final int TRIPLES = 32_768;

    private final List<ContainerCheck<?>> checks = new CopyOnWriteArrayList<>();
    private final Registration registration;

    @Activate
    public VerifierRpcs(@Reference final RpcProviderService rpcProvider, @Reference final DataBroker dataBroker) {
        final var intents = new IntentReader(dataBroker);
        final var switches = new SwitchTablesCache(SWITCHES);
        registration = rpcProvider.registerRpcImplementations(new CheckReachabilityRpc(intents, switches),
            new WhatIfRpc(intents, () -> List.copyOf(checks), switches, new PairVerdictCache(TRIPLES)));
        LOG.info("CNSMO verifier started");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addCheck(final ContainerCheck<?> check) {
        checks.add(check);
    }

    void removeCheck(final ContainerCheck<?> check) {
        checks.remove(check);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
