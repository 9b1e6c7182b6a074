/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.qos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.nodes.NodeCheck;
import org.cnsmo.api.qos.QosDefaults;
import org.cnsmo.api.validation.ChangedEntries;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.Qos;
import org.opendaylight.yang.gen.v1.urn.cnsmo.qos.rev261121.qos.Policy;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;

/**
 * Checks QoS policies beyond what YANG expresses: each policy does something, its nodes exist, and a node
 * has at most one policy per direction ({@link QosDefaults#directions}: a DSCP marking acts on egress).
 */
final class QosValidator {
    private QosValidator() {
        // utility class
    }

    static List<Violation> validate(final @Nullable Qos before, final Qos after, final Set<String> nodes) {
        final var changed = ChangedEntries.names(before == null ? null : before.getPolicy(), after.getPolicy(),
            QosValidator::name);
        final var violations = new ArrayList<Violation>();
        final var owners = new EnumMap<Direction, Map<String, Policy>>(Direction.class);
        after.nonnullPolicy().values().stream()
            .sorted(Comparator.comparing(QosValidator::name))
            .forEach(policy -> {
                final var limits = policy.getBandwidthLimit() != null;
                final var marks = policy.getDscpMarking() != null;
                if (!limits && !marks) {
                    violations.add(new Violation(path(policy), "a policy needs a bandwidth-limit or a dscp-marking"));
                }
                if (limits && policy.getBandwidthLimit().getMaxKbps() == null) {
                    violations.add(Violation.missing(path(policy) + "/bandwidth-limit/max-kbps"));
                }
                if (marks && policy.getDscpMarking().getDscpMark() == null) {
                    violations.add(Violation.missing(path(policy) + "/dscp-marking/dscp-mark"));
                }
                final var checkExists = changed.contains(name(policy));
                for (var node : nodes(policy)) {
                    if (checkExists) {
                        NodeCheck.requireKnown(() -> path(policy, node), node, nodes, violations);
                    }
                    for (var direction : QosDefaults.directions(policy)) {
                        checkSingle(policy, node, direction,
                            owners.computeIfAbsent(direction, key -> new HashMap<>()), violations);
                    }
                }
            });
        return violations;
    }

    private static void checkSingle(final Policy policy, final String node, final Direction direction,
            final Map<String, Policy> owners, final List<Violation> violations) {
        final var owner = owners.putIfAbsent(node, policy);
        if (owner != null) {
            final var what = direction.getName();
            violations.add(new Violation(path(policy, node), "node '" + node + "' already has policy '"
                + name(owner) + "' on its " + what + " traffic; policy '" + name(policy) + "' would be a second "
                + what + " policy (at most one per direction: combine them in one policy)"));
        }
    }

    private static List<String> nodes(final Policy policy) {
        final var nodes = policy.getNode();
        return nodes == null ? List.of() : nodes.stream().map(NodeName::getValue).sorted().toList();
    }

    private static String name(final Policy policy) {
        return policy.requireName().getValue();
    }

    private static String path(final Policy policy) {
        return "qos/policy=" + name(policy);
    }

    private static String path(final Policy policy, final String node) {
        return path(policy) + "/node=" + node;
    }
}
