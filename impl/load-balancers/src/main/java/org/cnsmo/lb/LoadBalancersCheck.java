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
import com.google.common.util.concurrent.MoreExecutors;
import java.util.List;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses load balancers that {@link LoadBalancerValidator} finds invalid, against the VPN configuration of
 * the time (the subnet VIPs live in and the addresses its clients hold).
 */
@Component(service = ContainerCheck.class)
public final class LoadBalancersCheck implements ContainerCheck<LoadBalancers> {
    private static final DataObjectIdentifier<Vpn> VPN = DataObjectIdentifier.builder(Vpn.class).build();

    private final DataBroker broker;

    @Activate
    public LoadBalancersCheck(@Reference final DataBroker broker) {
        this.broker = requireNonNull(broker);
    }

    @Override
    public Class<LoadBalancers> container() {
        return LoadBalancers.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final LoadBalancers before, final LoadBalancers after) {
        final var tx = broker.newReadOnlyTransaction();
        final var read = tx.read(LogicalDatastoreType.CONFIGURATION, VPN);
        read.addListener(tx::close, MoreExecutors.directExecutor());
        return read.transform(vpn -> LoadBalancerValidator.validate(before, after,
            LoadBalancerValidator.Overlay.of(vpn.orElse(null))), MoreExecutors.directExecutor());
    }
}
