/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.ValidatingCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses load balancers that {@link LoadBalancerValidator} finds invalid.
 */
@Component(service = {})
public final class LoadBalancersCommitGuard implements AutoCloseable {
    private final Registration registration;

    @Activate
    public LoadBalancersCommitGuard(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec, @Reference final KnownNodes knownNodes) {
        registration = ValidatingCommitCohort.register(broker, codec, LoadBalancers.class,
            (before, after) -> Futures.transform(knownNodes.names(),
                names -> LoadBalancerValidator.validate(before, after, names), MoreExecutors.directExecutor()));
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
