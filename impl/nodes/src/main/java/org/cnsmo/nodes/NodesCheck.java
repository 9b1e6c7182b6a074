/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses node configuration that {@link NodesValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class NodesCheck implements ContainerCheck<Nodes> {
    @Override
    public Class<Nodes> container() {
        return Nodes.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final Nodes before, final Nodes after) {
        return Futures.immediateFuture(NodesValidator.validate(after));
    }
}
