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
 * publishes as a {@link ContainerCheck}, so that it reports the validation errors the change would get.
 */
@Component(service = {})
public final class VerifierRpcs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierRpcs.class);

    private final List<ContainerCheck<?>> checks = new CopyOnWriteArrayList<>();
    private final Registration registration;

    @Activate
    public VerifierRpcs(@Reference final RpcProviderService rpcProvider, @Reference final DataBroker dataBroker) {
        final var intents = new IntentReader(dataBroker);
        registration = rpcProvider.registerRpcImplementations(new CheckReachabilityRpc(intents),
            new WhatIfRpc(intents, () -> List.copyOf(checks)));
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
