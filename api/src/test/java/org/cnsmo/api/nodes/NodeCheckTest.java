/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;

class NodeCheckTest {
    @Test
    void anUnknownNodeIsReportedAtItsField() {
        final var violations = new ArrayList<Violation>();
        NodeCheck.requireKnown(() -> "firewall/rule=web/node", new NodeName("Agent.9"), Set.of("Agent.1"), violations);
        assertEquals(List.of(new Violation("firewall/rule=web/node", "node 'Agent.9' does not exist")), violations);
    }

    @Test
    void aKnownOrAbsentNodeIsFine() {
        final var violations = new ArrayList<Violation>();
        NodeCheck.requireKnown(() -> "qos/policy=slow/node=Agent.1", "Agent.1", Set.of("Agent.1"), violations);
        NodeCheck.requireKnown(() -> "firewall/rule=web/node", (NodeName) null, Set.of(), violations);
        assertEquals(List.of(), violations);
    }
}
