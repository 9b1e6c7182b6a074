/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.cnsmo.api.validation.ContainerCheck;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses VPN configuration that {@link VpnValidator} finds invalid.
 */
@Component(service = ContainerCheck.class)
public final class VpnCheck implements ContainerCheck<Vpn> {
    @Override
    public Class<Vpn> container() {
        return Vpn.class;
    }

    @Override
    public ListenableFuture<List<Violation>> check(final Vpn before, final Vpn after) {
        return Futures.immediateFuture(VpnValidator.validate(after));
    }
}
