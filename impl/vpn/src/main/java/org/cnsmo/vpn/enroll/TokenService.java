/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import org.opendaylight.yangtools.concepts.Registration;

/**
 * The one set of enrollment tokens, shared by the RPC that creates them and the endpoint that redeems them,
 * and told about when they change so that they can be published.
 */
public interface TokenService {
    /**
     * The tokens.
     *
     * @return the tokens
     */
    EnrollmentTokens tokens();

    /**
     * Tells the listeners that the tokens changed.
     */
    void changed();

    /**
     * Calls a listener after every change, until closed.
     *
     * @param listener the listener; it must not block
     * @return its registration
     */
    Registration onChange(Runnable listener);
}
