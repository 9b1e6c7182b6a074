/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.NodesBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.DatapathId;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;

class NodesValidatorTest {
    @Test
    void acceptsNodesWithDistinctSwitches() {
        assertEquals(List.of(), NodesValidator.validate(nodes(node("Agent.1", 1), node("Agent.2", 2))));
    }

    @Test
    void acceptsNodesWithoutSwitch() {
        assertEquals(List.of(), NodesValidator.validate(nodes(node("Agent.1", null), node("Agent.2", null))));
    }

    @Test
    void refusesTwoNodesOnOneSwitch() {
        assertEquals(List.of(new Violation("nodes/node=Agent.2/datapath-id",
                "datapath-id 7 is already the switch of node 'Agent.1'")),
            NodesValidator.validate(nodes(node("Agent.2", 7), node("Agent.1", 7))));
    }

    private static Nodes nodes(final Node... nodes) {
        return new NodesBuilder().setNode(BindingMap.of(nodes)).build();
    }

    private static Node node(final String name, final Integer dpid) {
        return new NodeBuilder().setName(new NodeName(name))
            .setDatapathId(dpid == null ? null : new DatapathId(Uint64.valueOf(dpid)))
            .build();
    }
}
