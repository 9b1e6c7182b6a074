/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

import static java.util.Objects.requireNonNull;

import org.cnsmo.vpn.pki.VpnPki;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Owns the client issuer shared by the RPCs and the node agent's endpoint.
 */
@Component(service = VpnIssuer.class, immediate = true)
public final class IssuerComponent implements VpnIssuer {
    private final ClientIssuer issuer;

    public IssuerComponent(final ClientIssuer issuer) {
        this.issuer = requireNonNull(issuer);
    }

    @Activate
    public IssuerComponent(@Reference final DataBroker broker, @Reference final VpnPki pki) {
        this(new ClientIssuer(broker, pki.store()));
    }

    @Override
    public ClientIssuer issuer() {
        return issuer;
    }
}
