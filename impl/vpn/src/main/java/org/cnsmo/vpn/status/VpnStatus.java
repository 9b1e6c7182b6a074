/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import java.util.concurrent.CompletionStage;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * Publishes the observed state of the VPN. The OpenVPN renderer attaches itself as the source of the
 * server's state; until it does, the server is reported as not configured.
 */
public interface VpnStatus {
    /** Where the server's state is read from. */
    @FunctionalInterface
    interface Source {
        /**
         * Reads the server's state, on the source's own thread.
         *
         * @return the state, when read
         */
        CompletionStage<ServerView> sample();
    }

    /**
     * Reads the server's state from a source, until closed.
     *
     * @param source the source
     * @return its registration
     */
    Registration attach(Source source);

    /**
     * Publishes the state again soon, without waiting for the next poll.
     */
    void refresh();
}
