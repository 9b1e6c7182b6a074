/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import com.google.common.util.concurrent.Futures;
import org.cnsmo.api.validation.ValidatingCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Refuses VPN configuration that {@link VpnValidator} finds invalid.
 */
@Component(service = {})
public final class VpnCommitGuard implements AutoCloseable {
    private final Registration registration;

    @Activate
    public VpnCommitGuard(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec) {
        registration = ValidatingCommitCohort.register(broker, codec, Vpn.class,
            (before, after) -> Futures.immediateFuture(VpnValidator.validate(after)));
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }
}
