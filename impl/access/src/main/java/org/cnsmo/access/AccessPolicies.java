/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.HttpAuthorization;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs {@link RolePolicies#defaults()} into AAA's {@code http-authorization} container when it is absent.
 * Policies an operator wrote are kept as they are; deleting the container brings the defaults back at the next
 * start.
 */
@Component(service = { })
public final class AccessPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicies.class);
    private static final DataObjectIdentifier<HttpAuthorization> PATH =
        DataObjectIdentifier.builder(HttpAuthorization.class).build();

    @Activate
    public AccessPolicies(@Reference final DataBroker dataBroker) {
        final var tx = dataBroker.newReadWriteTransaction();
        tx.exists(LogicalDatastoreType.CONFIGURATION, PATH).transformAsync(present -> {
            if (present) {
                tx.cancel();
                return Futures.immediateFuture(Boolean.FALSE);
            }
            tx.put(LogicalDatastoreType.CONFIGURATION, PATH, RolePolicies.defaults());
            return tx.commit().transform(info -> Boolean.TRUE, MoreExecutors.directExecutor());
        }, MoreExecutors.directExecutor()).addCallback(new FutureCallback<Boolean>() {
            @Override
            public void onSuccess(final Boolean installed) {
                LOG.info("CNSMO access policies in place ({}): role {} may change everything, role {} may only read",
                    installed ? "installed" : "kept", RolePolicies.ADMIN, RolePolicies.READER);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.error("CNSMO could not install its access policies; every authenticated user may write",
                    cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
