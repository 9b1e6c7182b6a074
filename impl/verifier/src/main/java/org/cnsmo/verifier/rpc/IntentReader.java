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
import java.util.Optional;
import org.cnsmo.verifier.Intent;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataRoot;

/**
 * Reads the intent the verifier needs from the configuration datastore, in one read-only transaction.
 */
final class IntentReader {
    private final DataBroker dataBroker;

    IntentReader(final DataBroker dataBroker) {
        this.dataBroker = requireNonNull(dataBroker);
    }

    ListenableFuture<Intent> read() {
        try (var tx = dataBroker.newReadOnlyTransaction()) {
            final var nodes = read(tx, Nodes.class);
            final var vpn = read(tx, Vpn.class);
            final var dns = read(tx, Dns.class);
            final var lbs = read(tx, LoadBalancers.class);
            final var firewall = read(tx, Firewall.class);
            final var filters = read(tx, TrafficFilters.class);
            return Futures.whenAllSucceed(nodes, vpn, dns, lbs, firewall, filters).call(() -> new Intent(
                Futures.getDone(nodes).orElse(null), Futures.getDone(vpn).orElse(null),
                Futures.getDone(dns).orElse(null), Futures.getDone(lbs).orElse(null),
                Futures.getDone(firewall).orElse(null), Futures.getDone(filters).orElse(null)),
                MoreExecutors.directExecutor());
        }
    }

    private static <T extends ChildOf<? extends DataRoot<?>>> ListenableFuture<Optional<T>> read(
            final org.opendaylight.mdsal.binding.api.ReadTransaction tx, final Class<T> container) {
        return tx.read(LogicalDatastoreType.CONFIGURATION, DataObjectIdentifier.builder(container).build());
    }
}
