/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.nodes;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;

/**
 * The check that an intent refers to a configured node, with the same message for every service.
 */
public final class NodeCheck {
    private NodeCheck() {
        // utility class
    }

    /**
     * Reports a node that is not configured.
     *
     * @param path the field naming the node, in RESTCONF notation relative to the data root; built only for a
     *     violation (a bulk write checks ten thousand nodes that exist)
     * @param node the node name, {@code null} when the field is absent (nothing to check)
     * @param nodes the names of the configured nodes
     * @param violations where to add the violation
     */
    public static void requireKnown(final Supplier<String> path, final @Nullable String node, final Set<String> nodes,
            final List<Violation> violations) {
        if (node != null && !nodes.contains(node)) {
            violations.add(new Violation(path.get(), "node '" + node + "' does not exist"));
        }
    }

    /**
     * Reports a node that is not configured.
     *
     * @param path the field naming the node, in RESTCONF notation relative to the data root; built only for a
     *     violation (a bulk write checks ten thousand nodes that exist)
     * @param node the node name, {@code null} when the field is absent (nothing to check)
     * @param nodes the names of the configured nodes
     * @param violations where to add the violation
     */
    public static void requireKnown(final Supplier<String> path, final @Nullable NodeName node, final Set<String> nodes,
            final List<Violation> violations) {
        requireKnown(path, node == null ? null : node.getValue(), nodes, violations);
    }
}
