/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.qos;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.cnsmo.api.nodes.KnownNodes;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Qos;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses QoS policies that {@link QosValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class QosCheck implements ContainerCheck<Qos> {
    private final KnownNodes knownNodes;

    @Activate
    public QosCheck(@Reference final KnownNodes knownNodes) {
        this.knownNodes = requireNonNull(knownNodes);
    }

    @Override
    public Class<Qos> container() {
        return Qos.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final Qos before, final Qos after) {
        return knownNodes.check(names -> QosValidator.validate(before, after, names));
    }
}
