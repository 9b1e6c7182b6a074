/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses load balancers that {@link LoadBalancerValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class LoadBalancersCheck implements ContainerCheck<LoadBalancers> {
    private final KnownNodes knownNodes;

    @Activate
    public LoadBalancersCheck(@Reference final KnownNodes knownNodes) {
        this.knownNodes = requireNonNull(knownNodes);
    }

    @Override
    public Class<LoadBalancers> container() {
        return LoadBalancers.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final LoadBalancers before, final LoadBalancers after) {
        return knownNodes.check(names -> LoadBalancerValidator.validate(before, after, names));
    }
}
