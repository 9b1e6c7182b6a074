/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.verifier.deployed.DeploymentMonitor;
import org.cnsmo.verifier.deployed.NodeDeployment;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

class DeploymentMonitorTest {
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Intent INTENT = new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3")
        .rule(ports(newRule("no-web", "B", Direction.In, Protocol.Tcp, Action.Drop, 200), 80, 80).build())
        .build();
    private static final long RULE = Cookies.of(Cookies.Kind.FIREWALL_RULE, "no-web").longValue();

    /** A clock moved by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-14T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * A task due at a time.
     *
     * @param due when
     * @param task what
     */
    private record Due(Instant due, Runnable task) {
        // a value
    }

    private final HandClock clock = new HandClock();
    private final List<Due> tasks = new ArrayList<>();
    private final List<Object> published = new ArrayList<>();
    private final DeploymentMonitor monitor = new DeploymentMonitor(new DeploymentMonitor.Sink() {
        @Override
        public void publish(final NodeDeployment deployment) {
            published.add(deployment);
        }

        @Override
        public void withdraw(final String node) {
            published.add("withdraw " + node);
        }
    }, (delay, task) -> tasks.add(new Due(clock.now.plus(delay), task)), clock, SETTLE, INTERVAL);

    /** Moves the clock and runs what is due by then. */
    private void advance(final Duration duration) {
        clock.now = clock.now.plus(duration);
        for (boolean ran = true; ran;) {
            ran = false;
            for (var due : List.copyOf(tasks)) {
                if (!due.due().isAfter(clock.now)) {
                    tasks.remove(due);
                    due.task().run();
                    ran = true;
                }
            }
        }
    }

    private NodeDeployment last() {
        return (NodeDeployment) published.get(published.size() - 1);
    }

    @Test
    void aNodeIsComparedOnceTheIntentSettled() {
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(Duration.ofSeconds(1));
        assertEquals(List.of(), published);
        monitor.onIntent(INTENT);
        advance(Duration.ofSeconds(2));
        assertEquals(List.of(), published);
        advance(Duration.ofSeconds(1));
        assertEquals(1, published.size());
        assertTrue(last().matchesIntent());
        assertEquals(clock.now, last().checkedAt());
        assertNull(last().lastDifference());
    }

    @Test
    void aTamperedSwitchIsReportedAndTheDifferenceIsKeptOnceItMatchesAgain() {
        monitor.onIntent(INTENT);
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(SETTLE);
        assertTrue(last().matchesIntent());

        advance(Duration.ofSeconds(5));
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B", flow -> flow.getCookie().getValue().longValue() != RULE));
        advance(Duration.ZERO);
        final var tampered = last();
        assertFalse(tampered.matchesIntent());
        assertEquals("tcp A -> B port 80", tampered.firstDifference().summary().split(":")[0]);
        assertEquals(tampered.firstDifference(), tampered.lastDifference());
        assertEquals(clock.now, tampered.lastDifferenceAt());

        // repaired a second later: compared again once the interval has passed
        advance(Duration.ofSeconds(1));
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(Duration.ofMillis(999));
        assertEquals(2, published.size());
        advance(Duration.ofMillis(1));
        assertEquals(3, published.size());
        final var repaired = last();
        assertTrue(repaired.matchesIntent());
        assertNotNull(repaired.lastDifference());
        assertEquals(tampered.lastDifference(), repaired.lastDifference());
        assertEquals(tampered.checkedAt(), repaired.lastDifferenceAt());
    }

    @Test
    void theSameFlowsUnderTheSameIntentAreNotComparedAgain() {
        monitor.onIntent(INTENT);
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(SETTLE);
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(Duration.ofSeconds(10));
        assertEquals(1, published.size());
    }

    @Test
    void anIntentChangeComparesEveryNodeAgainAfterItSettled() {
        monitor.onIntent(INTENT);
        monitor.onReadBack("A", ReadBacks.of(INTENT, "A"));
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(SETTLE);
        assertEquals(2, published.size());
        // the rule goes from the intent; B's switch still holds its flows
        final var without = new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3").build();
        monitor.onIntent(without);
        advance(Duration.ofSeconds(2));
        assertEquals(2, published.size());
        advance(Duration.ofSeconds(1));
        assertEquals(4, published.size());
        final var byNode = published.subList(2, 4).stream().map(NodeDeployment.class::cast)
            .filter(deployment -> deployment.node().equals("B")).findFirst().orElseThrow();
        assertFalse(byNode.matchesIntent());
    }

    @Test
    void aSwitchNoLongerReadIsWithdrawn() {
        monitor.onIntent(INTENT);
        monitor.onReadBack("B", ReadBacks.of(INTENT, "B"));
        advance(SETTLE);
        monitor.onGone("B");
        assertEquals("withdraw B", published.get(published.size() - 1));
        advance(Duration.ofSeconds(10));
        assertEquals(2, published.size());
    }
}
