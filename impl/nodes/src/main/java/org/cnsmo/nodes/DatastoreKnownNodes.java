/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnsmo.api.nodes.KnownNodes;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers which nodes are configured by reading the configuration datastore.
 */
@Component(service = KnownNodes.class)
public final class DatastoreKnownNodes implements KnownNodes {
    private static final DataObjectIdentifier<Nodes> NODES = DataObjectIdentifier.builder(Nodes.class).build();

    private final DataBroker broker;

    @Activate
    public DatastoreKnownNodes(@Reference final DataBroker broker) {
        this.broker = requireNonNull(broker);
    }

    @Override
    public ListenableFuture<Set<String>> names() {
        final var tx = broker.newReadOnlyTransaction();
        final var read = tx.read(LogicalDatastoreType.CONFIGURATION, NODES);
        // Close the snapshot only once the read is answered.
        read.addListener(tx::close, MoreExecutors.directExecutor());
        return read.transform(
            nodes -> nodes.map(found -> found.nonnullNode().keySet().stream()
                    .map(key -> key.getName().getValue())
                    .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of()),
            MoreExecutors.directExecutor());
    }
}
