/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.from;
import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;
import static org.cnsmo.verifier.Intents.to;

import java.util.Random;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

/**
 * A seeded random policy: nodes 10.8.0.2 onwards, rules with overlapping port ranges, priorities and address
 * matches, some on every node, and a few filters.
 */
final class RandomPolicy {
    private RandomPolicy() {
        // factory
    }

    static Intents of(final long seed, final int nodes, final int rules, final int filters,
            final double everyNode) {
        final var random = new Random(seed);
        final var intents = new Intents();
        for (int i = 0; i < nodes; i++) {
            intents.node("n" + i, 100 + i, "10.8.0." + (2 + i));
        }
        for (int i = 0; i < rules; i++) {
            final var node = random.nextDouble() < everyNode ? null : "n" + random.nextInt(nodes);
            final var direction = random.nextBoolean() ? Direction.In : Direction.Out;
            final var protocol = random.nextInt(4) == 0 ? Protocol.Udp : Protocol.Tcp;
            final var action = switch (random.nextInt(3)) {
                case 0 -> Action.Accept;
                case 1 -> Action.Drop;
                default -> Action.Reject;
            };
            var rule = newRule("r" + i, node, direction, protocol, action, 1 + random.nextInt(1000));
            final int lower = 1 + random.nextInt(9000);
            rule = ports(rule, lower, lower + random.nextInt(random.nextBoolean() ? 10 : 2000));
            final int peer = 2 + random.nextInt(nodes);
            final int length = 28 + random.nextInt(5);
            rule = random.nextBoolean() ? from(rule, "10.8.0." + peer + "/" + length)
                : to(rule, "10.8.0." + peer + "/" + length);
            intents.rule(rule.build());
        }
        for (int i = 0; i < filters; i++) {
            final int node = random.nextInt(nodes);
            intents.filter("f" + i, "n" + node, 1 + random.nextInt(9000), "10.8.0." + (2 + random.nextInt(nodes))
                + "/32");
        }
        return intents;
    }
}
