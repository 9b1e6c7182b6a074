/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.aaa.api.AuthenticationException;
import org.opendaylight.aaa.api.Claim;
import org.opendaylight.aaa.api.IDMStoreException;
import org.opendaylight.aaa.api.IIDMStore;
import org.opendaylight.aaa.api.PasswordCredentialAuth;
import org.opendaylight.aaa.api.PasswordCredentials;

/**
 * AAA's own checks, as its Basic authentication uses them: the password check of AAA's identity manager
 * ({@link PasswordCredentialAuth}, hashed and salted passwords in its H2 store), and the stored user, read
 * again on every request so that a token stops working once its user is deleted, disabled or given a new
 * password.
 */
final class AaaUsers {
    /** AAA's only domain in CNSMO. */
    static final String DOMAIN = "sdn";

    private final PasswordCredentialAuth passwords;
    private final IIDMStore store;

    AaaUsers(final PasswordCredentialAuth passwords, final IIDMStore store) {
        this.passwords = requireNonNull(passwords);
        this.store = requireNonNull(store);
    }

    private record Credentials(String username, String password, String domain) implements PasswordCredentials {
    }

    /** The user's claim if the password is right. */
    Optional<Claim> login(final String user, final String password) {
        try {
            return Optional.ofNullable(passwords.authenticate(new Credentials(user, password, DOMAIN)));
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    /**
     * The names of the roles the user holds now in CNSMO's domain, empty when AAA's store cannot say: a token
     * carries the roles of its login only as a record, the grants decide.
     */
    Optional<Set<String>> currentRoles(final String userId) {
        try {
            final var grants = store.getGrants(DOMAIN, userId);
            final var roles = new HashSet<String>();
            if (grants != null && grants.getGrants() != null) {
                for (var grant : grants.getGrants()) {
                    final var role = store.readRole(grant.getRoleid());
                    if (role != null && role.getName() != null) {
                        roles.add(role.getName());
                    }
                }
            }
            return Optional.of(roles);
        } catch (IDMStoreException e) {
            return Optional.empty();
        }
    }

    /** The stored password hash and salt of an enabled user, empty when the user is gone or disabled. */
    Optional<String> storedPassword(final String userId) {
        try {
            final var user = store.readUser(userId);
            if (user == null || !Boolean.TRUE.equals(user.isEnabled())) {
                return Optional.empty();
            }
            return Optional.of(user.getSalt() + '$' + user.getPassword());
        } catch (IDMStoreException e) {
            return Optional.empty();
        }
    }
}
