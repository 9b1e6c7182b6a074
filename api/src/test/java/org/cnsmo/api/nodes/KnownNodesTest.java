/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.util.concurrent.Futures;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownNodesTest {
    @Test
    void aCheckRunsOnTheCurrentNodeNames() throws Exception {
        final KnownNodes known = () -> Futures.immediateFuture(Set.of("Agent.1", "Agent.2"));
        assertEquals(2, known.check(Set::size).get());
    }
}
