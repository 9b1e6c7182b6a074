/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses overlay DNS configuration that {@link DnsValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class DnsCheck implements ContainerCheck<Dns> {
    @Override
    public Class<Dns> container() {
        return Dns.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final Dns before, final Dns after) {
        return Futures.immediateFuture(DnsValidator.validate(after));
    }
}
