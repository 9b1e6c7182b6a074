/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

class SwitchWriterTest {
    private static final Uint64 ONE = Uint64.ONE;
    private static final Uint64 TWO = Uint64.valueOf(2);

    /** A flow-mod as the fake switch saw it, with the future that confirms it. */
    private record Sent(Uint64 datapathId, String flow, boolean add, SettableFuture<Boolean> confirmation) {
        @Override
        public String toString() {
            return (add ? "+" : "-") + flow + "@" + datapathId;
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final SwitchWriter writer = new SwitchWriter(this::send, MoreExecutors.directExecutor());

    private ListenableFuture<Boolean> send(final Uint64 datapathId, final Flow flow, final boolean add) {
        final var confirmation = SettableFuture.<Boolean>create();
        sent.add(new Sent(datapathId, flow.getId().getValue(), add, confirmation));
        return confirmation;
    }

    private static Flow flow(final String id) {
        return new FlowBuilder().setId(new FlowId(id)).setTableId(Uint8.ZERO).build();
    }

    private List<String> sentSoFar() {
        return sent.stream().map(Sent::toString).toList();
    }

    private void confirmAll() {
        List.copyOf(sent).forEach(mod -> mod.confirmation().set(true));
    }

    @Test
    void sendsOnlyToConnectedSwitchesAndAWholeShareOnConnect() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("a"));
        delta.put(TWO, flow("b"));
        writer.apply(delta);
        assertEquals(List.of("+a@1"), sentSoFar(), "switch 2 is not connected");

        writer.connected(TWO, List.of(flow("b"), flow("c")));
        assertEquals(List.of("+a@1", "+b@2", "+c@2"), sentSoFar());
    }

    @Test
    void flowsWaitUntilTheSwitchHasItsMeters() {
        final var meters = SettableFuture.<Boolean>create();
        final var metered = new SwitchWriter(new SwitchWriter.FlowMods() {
            @Override
            public ListenableFuture<Boolean> send(final Uint64 datapathId, final Flow flow, final boolean add) {
                return SwitchWriterTest.this.send(datapathId, flow, add);
            }

            @Override
            public ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
                return meters;
            }
        }, MoreExecutors.directExecutor());
        metered.connected(ONE, List.of(flow("reject")));
        assertEquals(List.of(), sentSoFar(), "a reject flow names the meter: it would be refused before it");
        assertTrue(metered.busy(ONE));

        meters.set(true);
        assertEquals(List.of("+reject@1"), sentSoFar());
    }

    @Test
    void removalsGoBeforeAdditions() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("new"));
        delta.delete(ONE, flow("old"));
        writer.apply(delta);
        assertEquals(List.of("-old@1", "+new@1"), sentSoFar());
    }

    @Test
    void busyUntilTheSwitchConfirmsEverything() {
        writer.connected(ONE, List.of(flow("a"), flow("b")));
        assertTrue(writer.busy(ONE));
        sent.get(0).confirmation().set(true);
        assertTrue(writer.busy(ONE));
        sent.get(1).confirmation().setException(new IllegalStateException("refused"));
        assertFalse(writer.busy(ONE), "a refused flow-mod is done too; reconciliation repairs it");
        assertFalse(writer.busy(TWO));
    }

    @Test
    void keepsAtMostMaxInFlightOutstandingPerSwitch() {
        final int total = SwitchWriter.MAX_IN_FLIGHT + 5;
        writer.connected(ONE, IntStream.range(0, total).mapToObj(i -> flow("f" + i)).toList());
        writer.connected(TWO, List.of(flow("other")));
        assertEquals(SwitchWriter.MAX_IN_FLIGHT + 1, sent.size(), "the cap is per switch");

        sent.get(0).confirmation().set(true);
        sent.get(1).confirmation().set(false);
        assertEquals(SwitchWriter.MAX_IN_FLIGHT + 3, sent.size(), "each confirmation lets one more go");
        assertEquals("+f" + SwitchWriter.MAX_IN_FLIGHT + "@1", sent.get(SwitchWriter.MAX_IN_FLIGHT + 1).toString());

        confirmAll();
        assertEquals(total + 1, sent.size());
        confirmAll();
        assertFalse(writer.busy(ONE));
    }

    @Test
    void aReconnectionDropsWhatWasWaitingAndSendsThePlanAgain() {
        writer.connected(ONE, IntStream.range(0, SwitchWriter.MAX_IN_FLIGHT + 1).mapToObj(i -> flow("f" + i))
            .toList());
        writer.disconnected(ONE);
        final var delta = new FlowDelta();
        delta.put(ONE, flow("while-away"));
        writer.apply(delta);
        assertEquals(SwitchWriter.MAX_IN_FLIGHT, sent.size(), "nothing is sent to a switch that is away");

        writer.connected(ONE, List.of(flow("planned")));
        assertEquals("+planned@1", sent.getLast().toString());
        confirmAll();
        assertEquals(SwitchWriter.MAX_IN_FLIGHT + 1, sent.size(), "the old connection's waiting flows are gone");
        assertFalse(writer.busy(ONE));
    }
}
