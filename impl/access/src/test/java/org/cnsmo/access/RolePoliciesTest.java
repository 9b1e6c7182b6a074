/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.permission.Permissions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.aaa.rev161214.http.permission.Permissions.Actions;

class RolePoliciesTest {
    @Test
    void adminMayDoEverythingAndUserMayOnlyRead() {
        final var policies = RolePolicies.defaults().getPolicies().getPolicies();
        assertEquals(1, policies.size());
        final var restconf = policies.get(0);
        assertEquals("/rests/**", restconf.getResource());
        final Map<String, Set<Actions>> byRole = restconf.getPermissions().stream()
            .collect(Collectors.toMap(Permissions::getRole, Permissions::getActions));
        assertEquals(Map.of(
            "admin", Set.of(Actions.Get, Actions.Put, Actions.Post, Actions.Patch, Actions.Delete),
            "user", Set.of(Actions.Get)), byRole);
    }
}
