/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import java.util.List;
import java.util.Set;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.HttpAuthorization;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.HttpAuthorizationBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.authorization.policies.Policies;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.authorization.policies.PoliciesBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.permission.Permissions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.permission.Permissions.Actions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.permission.PermissionsBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * CNSMO's two roles as AAA HTTP authorization policies, evaluated by AAA's {@code dynamicAuthorization} Shiro
 * filter: {@value #ADMIN} may use every method on RESTCONF, {@value #READER} may only read (GET). A write or an
 * RPC by a reader is refused with 403.
 */
public final class RolePolicies {
    /** AAA's administrator role, granted to the admin user created at first start. */
    public static final String ADMIN = "admin";
    /** AAA's plain user role, which CNSMO makes read-only. */
    public static final String READER = "user";
    /** Every RESTCONF resource: data, operations and the YANG library. */
    public static final String RESTCONF = "/rests/**";

    private RolePolicies() {
        // constants and a factory
    }

    /**
     * The policies CNSMO installs when AAA has none.
     *
     * @return the http-authorization container
     */
    public static HttpAuthorization defaults() {
        final Policies restconf = new PoliciesBuilder()
            .setIndex(Uint32.ONE)
            .setResource(RESTCONF)
            .setDescription("CNSMO: admin may change everything, user may only read")
            .setPermissions(List.of(
                permission(ADMIN, Set.of(Actions.values())),
                permission(READER, Set.of(Actions.Get))))
            .build();
        return new HttpAuthorizationBuilder()
            .setPolicies(new org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http
                .authorization.PoliciesBuilder().setPolicies(List.of(restconf)).build())
            .build();
    }

    private static Permissions permission(final String role, final Set<Actions> actions) {
        return new PermissionsBuilder().setRole(role).setActions(actions).build();
    }
}
