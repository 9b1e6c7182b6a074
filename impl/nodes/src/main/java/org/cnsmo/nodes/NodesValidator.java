/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cnsmo.api.validation.Violation;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Checks node configuration beyond what YANG expresses: each switch belongs to one node.
 */
final class NodesValidator {
    private NodesValidator() {
        // utility class
    }

    static List<Violation> validate(final Nodes after) {
        final var violations = new ArrayList<Violation>();
        final var owners = new HashMap<Uint64, String>();
        after.nonnullNode().values().stream()
            .sorted((a, b) -> a.getName().getValue().compareTo(b.getName().getValue()))
            .forEach(node -> checkDatapathId(node, owners, violations));
        return violations;
    }

    private static void checkDatapathId(final Node node, final HashMap<Uint64, String> owners,
            final List<Violation> violations) {
        final var dpid = node.getDatapathId();
        if (dpid == null) {
            return;
        }
        final var name = node.getName().getValue();
        final var owner = owners.putIfAbsent(dpid.getValue(), name);
        if (owner != null) {
            violations.add(new Violation("nodes/node=" + name + "/datapath-id",
                "datapath-id " + dpid.getValue() + " is already the switch of node '" + owner + "'"));
        }
    }
}
