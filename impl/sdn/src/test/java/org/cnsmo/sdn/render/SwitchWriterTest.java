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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

class SwitchWriterTest {
    private static final Uint64 ONE = Uint64.ONE;
    private static final Uint64 TWO = Uint64.valueOf(2);

    /** A bundle message as the fake switch saw it, with the future that answers it. */
    private record Sent(Uint64 datapathId, long bundle, String what, SettableFuture<Optional<String>> answer) {
        @Override
        public String toString() {
            return what + "#" + bundle + "@" + datapathId;
        }
    }

    /** A fake switch: every message waits for its answer, which the test gives. */
    private final class FakeSwitch implements SwitchWriter.Bundles, SwitchWriter.Refusals {
        private final SettableFuture<Boolean> meters;

        FakeSwitch(final SettableFuture<Boolean> meters) {
            this.meters = meters;
        }

        @Override
        public ListenableFuture<Optional<String>> control(final Uint64 datapathId, final long bundleId,
                final SwitchWriter.Control control) {
            final var answer = record(datapathId, bundleId, control.name().toLowerCase(Locale.ROOT));
            if (control == SwitchWriter.Control.OPEN && opensAnswered) {
                // the switch answers an open at once; the tests answer everything else themselves
                answer.set(Optional.empty());
            }
            return answer;
        }

        @Override
        public ListenableFuture<Optional<String>> add(final Uint64 datapathId, final long bundleId, final Flow flow,
                final boolean add) {
            if (flow.getId().getValue().equals(throwing)) {
                throw new IllegalStateException("cannot encode " + throwing);
            }
            return record(datapathId, bundleId, (add ? "+" : "-") + flow.getId().getValue());
        }

        @Override
        public void confirm(final Uint64 datapathId) {
            barriers.add(sent.size() + "@" + datapathId);
        }

        @Override
        public ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
            return meters == null ? SwitchWriter.Bundles.super.installMeters(datapathId) : meters;
        }

        @Override
        public void refused(final Uint64 datapathId, final long cookie, final String reason) {
            refusals.add(cookie + "@" + datapathId + ": " + reason);
        }

        @Override
        public void committed(final Uint64 datapathId, final Set<Long> cookies) {
            commits.add(cookies);
        }

        private SettableFuture<Optional<String>> record(final Uint64 datapathId, final long bundleId,
                final String what) {
            final var answer = SettableFuture.<Optional<String>>create();
            sent.add(new Sent(datapathId, bundleId, what, answer));
            return answer;
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    /** Each barrier asked for, as how many messages had been sent then, and to which switch. */
    private final List<String> barriers = new ArrayList<>();
    private boolean opensAnswered = true;
    /** The id of a flow whose flow-mod the plugin throws at, as it would when it cannot encode it. */
    private String throwing;
    private final List<String> refusals = new ArrayList<>();
    private final List<Set<Long>> commits = new ArrayList<>();
    private final FakeSwitch fake = new FakeSwitch(null);
    private final SwitchWriter writer = new SwitchWriter(fake, fake, MoreExecutors.directExecutor(),
        MoreExecutors.directExecutor());

    private static Flow flow(final String id) {
        return flow(id, 0);
    }

    private static Flow flow(final String id, final long cookie) {
        return new FlowBuilder().setId(new FlowId(id)).setTableId(Uint8.ZERO)
            .setCookie(new FlowCookie(Uint64.valueOf(cookie))).build();
    }

    private List<String> sentSoFar() {
        return sent.stream().map(Sent::toString).toList();
    }

    /** Answers every message sent so far that is unanswered: accepted. */
    private void acceptAll() {
        List.copyOf(sent).stream().filter(message -> !message.answer().isDone())
            .forEach(message -> message.answer().set(Optional.empty()));
    }

    private Sent find(final String what) {
        return sent.stream().filter(message -> message.toString().equals(what)).findFirst().orElseThrow();
    }

    @Test
    void sendsOnlyToConnectedSwitchesAndAWholeShareOnConnect() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("a"));
        delta.put(TWO, flow("b"));
        writer.apply(delta);
        assertEquals(List.of("open#1@1", "+a#1@1"), sentSoFar(), "switch 2 is not connected");
        acceptAll();
        assertEquals("commit#1@1", sent.getLast().toString(), "committed once every message is accepted");

        writer.connected(TWO, List.of(flow("b"), flow("c")));
        assertEquals(List.of("open#1@2", "+b#1@2", "+c#1@2"), sentSoFar().subList(3, 6));
    }

    @Test
    void aBarrierFollowsTheOpenAndTheLastFlowModSoNoneWaitsForThePluginsTimer() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("a"));
        delta.put(ONE, flow("b"));
        writer.apply(delta);
        assertEquals(List.of("open#1@1", "+a#1@1", "+b#1@1"), sentSoFar());
        assertEquals(List.of("1@1", "3@1"), barriers, "one after the open, one after the last flow-mod");
        acceptAll();
        assertEquals("commit#1@1", sent.getLast().toString());
        assertEquals(2, barriers.size(), "the commit is answered by the switch itself");
    }

    @Test
    void aChangeIsOneOrderedBundleRemovalsFirst() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("new"));
        delta.delete(ONE, flow("old"));
        writer.apply(delta);
        acceptAll();
        assertEquals(List.of("open#1@1", "-old#1@1", "+new#1@1", "commit#1@1"), sentSoFar());
    }

    @Test
    void changesDuringABundleGoTogetherInTheNext() {
        writer.connected(ONE, List.of(flow("a")));
        for (var name : List.of("b", "c")) {
            final var delta = new FlowDelta();
            delta.put(ONE, flow(name));
            writer.apply(delta);
        }
        assertEquals(List.of("open#1@1", "+a#1@1"), sentSoFar(), "b and c wait for the first bundle");
        acceptAll();
        assertEquals(List.of("open#1@1", "+a#1@1", "commit#1@1"), sentSoFar(), "nothing before the commit's answer");
        acceptAll();
        assertEquals(List.of("open#2@1", "+b#2@1", "+c#2@1"), sentSoFar().subList(3, 6));
    }

    @Test
    void changesWhileTheOpenIsUnansweredJoinItsBundleRightBehindIt() {
        opensAnswered = false;
        writer.connected(ONE, List.of());
        for (var name : List.of("a", "b", "c")) {
            final var delta = new FlowDelta();
            delta.put(ONE, flow(name));
            writer.apply(delta);
        }
        assertEquals(List.of("open#1@1", "+a#1@1", "+b#1@1", "+c#1@1"), sentSoFar(),
            "one bundle, not two, and each change goes as it is handed over");
        assertEquals(List.of("1@1"), barriers, "no barrier behind a change while more may join");
        acceptAll();
        assertEquals(List.of("1@1", "4@1"), barriers, "the answered open takes no more: a barrier behind them");
        assertEquals("commit#1@1", sent.getLast().toString());
        final var late = new FlowDelta();
        late.put(ONE, flow("d"));
        writer.apply(late);
        assertEquals(5, sent.size(), "once its open is answered, a change waits for the next bundle");
        acceptAll();
        assertEquals(List.of("open#2@1", "+d#2@1"), sentSoFar().subList(5, 7));
    }

    @Test
    void aRenderersTaskIsOneBundleEvenWhenTheSwitchAnswersTheOpenAtOnce() {
        final var renderer = new ArrayDeque<Runnable>();
        final var queued = new SwitchWriter(fake, fake, renderer::add, MoreExecutors.directExecutor());
        queued.connected(ONE, List.of());
        runAll(renderer);
        // one task of the renderer's thread hands three owners over; the answers wait for it to end
        for (var name : List.of("a", "b", "c")) {
            final var delta = new FlowDelta();
            delta.put(ONE, flow(name, name.charAt(0)));
            queued.apply(delta);
        }
        assertEquals(List.of("open#1@1", "+a#1@1", "+b#1@1", "+c#1@1"), sentSoFar());
        runAll(renderer);
        acceptAll();
        runAll(renderer);
        assertEquals(List.of("open#1@1", "+a#1@1", "+b#1@1", "+c#1@1", "commit#1@1"), sentSoFar());
        acceptAll();
        runAll(renderer);
        assertEquals(List.of(Set.of((long) 'a', (long) 'b', (long) 'c')), commits, "one step on the switch");
        assertFalse(queued.busy(ONE));
    }

    private static void runAll(final ArrayDeque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void aRefusedOpenRefusesWhatJoinedItOwnerByOwner() {
        opensAnswered = false;
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("a", 1));
        writer.apply(delta);
        final var joined = new FlowDelta();
        joined.put(ONE, flow("b", 2));
        writer.apply(joined);
        find("open#1@1").answer().set(Optional.of("bad bundle"));
        assertEquals(List.of("1@1", "3@1"), barriers, "what followed the refused open is confirmed");
        final var late = new FlowDelta();
        late.put(ONE, flow("c", 3));
        writer.apply(late);
        acceptAll();
        assertEquals(List.of("open#1@1", "+a#1@1", "+b#1@1", "discard#1@1", "open#2@1", "+a#2@1"), sentSoFar(),
            "the refused bundle is closed and its owners go one by one, ahead of what came later");
    }

    @Test
    void flowsWaitUntilTheSwitchHasItsMeters() {
        final var meters = SettableFuture.<Boolean>create();
        final var metered = new FakeSwitch(meters);
        final var meteredWriter = new SwitchWriter(metered, metered, MoreExecutors.directExecutor(),
            MoreExecutors.directExecutor());
        meteredWriter.connected(ONE, List.of(flow("reject")));
        assertEquals(List.of(), sentSoFar(), "a reject flow names the meter: it would be refused before it");
        assertTrue(meteredWriter.busy(ONE));

        meters.set(true);
        assertEquals(List.of("open#1@1", "+reject#1@1"), sentSoFar());
    }

    @Test
    void busyUntilTheSwitchCommitsEverything() {
        writer.connected(ONE, List.of(flow("a"), flow("b")));
        assertTrue(writer.busy(ONE));
        acceptAll();
        assertTrue(writer.busy(ONE), "the commit is not answered yet");
        acceptAll();
        assertFalse(writer.busy(ONE));
        assertFalse(writer.busy(TWO));
        assertEquals(List.of(Set.of(0L)), commits);
    }

    @Test
    void aRefusedMessageDiscardsTheBundleAndSplitsItByOwner() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("good", 1));
        delta.put(ONE, flow("bad", 2));
        writer.apply(delta);
        find("open#1@1").answer().set(Optional.empty());
        find("+good#1@1").answer().set(Optional.empty());
        find("+bad#1@1").answer().set(Optional.of("Device reported error type METERMODFAILED code UNKNOWN_METER"));
        assertEquals("discard#1@1", sent.get(3).toString(), "nothing of a bundle applies until its commit");
        assertEquals(List.of("open#2@1", "+good#2@1"), sentSoFar().subList(4, 6), "each owner goes alone");
        acceptAll();
        assertEquals("commit#2@1", sent.get(6).toString());
        acceptAll();
        assertEquals(List.of("open#3@1", "+bad#3@1"), sentSoFar().subList(7, 9));
        find("open#3@1").answer().set(Optional.empty());
        find("+bad#3@1").answer().set(Optional.of("Device reported error type METERMODFAILED code UNKNOWN_METER"));
        assertEquals("discard#3@1", sent.getLast().toString());
        acceptAll();
        assertEquals(List.of("2@1: Device reported error type METERMODFAILED code UNKNOWN_METER"), refusals);
        assertEquals(List.of(Set.of(1L)), commits, "only the good owner was committed");
        assertFalse(writer.busy(ONE), "the refused owner is not sent again by the writer");
    }

    @Test
    void anUnansweredChangeIsNoRefusalAndTheNextOneGoes() {
        writer.connected(ONE, List.of(flow("base", 1)));
        final var delta = new FlowDelta();
        delta.put(ONE, flow("next", 2));
        writer.apply(delta);
        find("+base#1@1").answer().setException(new IllegalStateException("No implementation of RPC available"));
        assertEquals(List.of("discard#1@1", "open#2@1", "+next#2@1"), sentSoFar().subList(2, 5),
            "discarded, and what waited goes on");
        assertEquals(List.of(), refusals, "the switch refused nothing: reconciliation sends what it misses");
        acceptAll();
        acceptAll();
        assertEquals(List.of(Set.of(2L)), commits);
        assertFalse(writer.busy(ONE));
    }

    @Test
    void aRefusedCommitIsReportedForItsOwner() {
        writer.connected(ONE, List.of(flow("a", 7)));
        acceptAll();
        find("commit#1@1").answer().set(Optional.of("Device reported error type EXPERIMENTER code MSG_FAILED"));
        assertEquals(List.of("7@1: Device reported error type EXPERIMENTER code MSG_FAILED"), refusals);
        assertEquals(List.of(), commits);
        assertFalse(writer.busy(ONE));
    }

    @Test
    void keepsAtMostMaxInFlightOutstandingPerSwitchInOneBundle() {
        final int total = SwitchWriter.MAX_IN_FLIGHT + 5;
        writer.connected(ONE, IntStream.range(0, total).mapToObj(i -> flow("f" + i)).toList());
        writer.connected(TWO, List.of(flow("other")));
        // each switch: its (answered) open and up to the cap of flow-mods
        assertEquals(SwitchWriter.MAX_IN_FLIGHT + 3, sent.size(), "the cap is per switch");

        sent.get(1).answer().set(Optional.empty());
        sent.get(2).answer().set(Optional.empty());
        assertEquals(SwitchWriter.MAX_IN_FLIGHT + 5, sent.size(), "each answer lets one more go");
        assertEquals("+f" + SwitchWriter.MAX_IN_FLIGHT + "#1@1", sent.get(SwitchWriter.MAX_IN_FLIGHT + 3)
            .toString(), "in the same bundle");

        acceptAll();
        acceptAll();
        assertEquals(1, sent.stream().filter(message -> message.what().equals("commit")
            && message.datapathId().equals(ONE)).count(), "one commit for the whole change");
        acceptAll();
        assertFalse(writer.busy(ONE));
    }

    @Test
    void flowModsBeyondTheLimitThatFollowedTheOpenAreConfirmed() {
        opensAnswered = false;
        final int total = SwitchWriter.MAX_IN_FLIGHT + 2;
        writer.connected(ONE, IntStream.range(0, total).mapToObj(i -> flow("f" + i)).toList());
        assertEquals(SwitchWriter.MAX_IN_FLIGHT, sent.size(), "the open and all the limit lets go behind it");
        assertEquals(List.of("1@1"), barriers);
        find("open#1@1").answer().set(Optional.empty());
        assertEquals(List.of("1@1", SwitchWriter.MAX_IN_FLIGHT + 1 + "@1"), barriers,
            "what went behind the open is confirmed, not left to the plugin's timer");
        acceptAll();
        assertEquals(List.of("+f" + (total - 1) + "#1@1"), sentSoFar().subList(sent.size() - 1, sent.size()));
        acceptAll();
        assertEquals("commit#1@1", sent.getLast().toString());
    }

    @Test
    void aReconnectionDropsWhatWasWaitingAndSendsThePlanAgain() {
        writer.connected(ONE, IntStream.range(0, 3).mapToObj(i -> flow("f" + i)).toList());
        writer.disconnected(ONE);
        final var delta = new FlowDelta();
        delta.put(ONE, flow("while-away"));
        writer.apply(delta);
        assertEquals(4, sent.size(), "nothing is sent to a switch that is away");

        writer.connected(ONE, List.of(flow("planned")));
        assertEquals(List.of("open#1@1", "+planned#1@1"), sentSoFar().subList(4, 6));
        acceptAll();
        acceptAll();
        assertEquals(List.of("open#1@1", "+planned#1@1", "commit#1@1"), sentSoFar().subList(4, 7),
            "the old connection's bundle is not committed");
        assertFalse(writer.busy(ONE));
    }

    @Test
    void whenIdleWaitsForWhatWasHandedOverToBeCommitted() {
        final var ran = new ArrayList<String>();
        writer.whenIdle(ONE, () -> ran.add("no switch"));
        writer.connected(ONE, List.of());
        writer.whenIdle(ONE, () -> ran.add("idle"));
        assertEquals(List.of("no switch", "idle"), ran, "nothing on its way: at once");
        final var delta = new FlowDelta();
        delta.delete(ONE, flow("using-meter"));
        writer.apply(delta);
        writer.whenIdle(ONE, () -> ran.add("after the removal"));
        acceptAll();
        assertEquals(List.of("no switch", "idle"), ran, "the commit is on its way");
        acceptAll();
        assertEquals(List.of("no switch", "idle", "after the removal"), ran);

        writer.apply(delta);
        writer.whenIdle(ONE, () -> ran.add("gone"));
        writer.disconnected(ONE);
        assertEquals("gone", ran.getLast(), "a switch that goes away releases what waits for it");
    }

    @Test
    void aSwitchAdmittedAgainOnItsConnectionGetsANewBundleId() {
        writer.connected(ONE, List.of());
        final var delta = new FlowDelta();
        delta.put(ONE, flow("before-binding"));
        writer.apply(delta);
        assertEquals(List.of("open#1@1", "+before-binding#1@1"), sentSoFar());

        // admitted again while bundle 1 is open: reusing id 1 would make the switch refuse the open (BAD_ID)
        writer.connected(ONE, List.of(flow("planned")));
        assertEquals(List.of("discard#1@1", "open#2@1", "+planned#2@1"), sentSoFar().subList(2, 5));
        acceptAll();
        assertEquals("commit#2@1", sent.getLast().toString());
        acceptAll();
        assertFalse(writer.busy(ONE));
    }

    @Test
    void flowModsFollowTheOpenWithoutWaitingForItsAnswer() {
        opensAnswered = false;
        writer.connected(ONE, List.of(flow("a")));
        assertEquals(List.of("open#1@1", "+a#1@1"), sentSoFar(), "behind the open on the switch's lane");
        find("+a#1@1").answer().set(Optional.empty());
        assertEquals(2, sent.size(), "no commit before the open is answered");
        acceptAll();
        assertEquals(List.of("open#1@1", "+a#1@1", "commit#1@1"), sentSoFar());
    }

    @Test
    void eachSwitchsMessagesReachThePluginInOrderOnItsOwnLane() {
        final var pool = new ArrayDeque<Runnable>();
        final var pooled = new SwitchWriter(fake, fake, MoreExecutors.directExecutor(), pool::add);
        pooled.connected(ONE, List.of(flow("a"), flow("b")));
        pooled.connected(TWO, List.of(flow("c")));
        assertEquals(List.of(), sentSoFar(), "nothing is handed to the plugin on the renderer's thread");
        // a pool runs the lanes in any order, here the last one first
        while (!pool.isEmpty()) {
            pool.pollLast().run();
        }
        assertEquals(List.of("open#1@2", "+c#1@2", "open#1@1", "+a#1@1", "+b#1@1"), sentSoFar());
        assertEquals(List.of("1@2", "2@2", "3@1", "5@1"), barriers, "each right behind its switch's messages");
        acceptAll();
        while (!pool.isEmpty()) {
            pool.poll().run();
        }
        assertEquals(List.of("commit#1@2", "commit#1@1"), sentSoFar().subList(5, 7));
    }

    @Test
    void aFlowModThePluginThrowsAtIsNoAnswerAndTheNextChangeGoes() {
        throwing = "bad";
        writer.connected(ONE, List.of(flow("a"), flow("bad")));
        acceptAll();
        assertEquals(List.of("open#1@1", "+a#1@1", "discard#1@1"), sentSoFar(), "never committed");
        assertEquals(List.of(), refusals, "the switch refused nothing");
        final var delta = new FlowDelta();
        delta.put(ONE, flow("c"));
        writer.apply(delta);
        acceptAll();
        assertEquals(List.of("open#2@1", "+c#2@1", "commit#2@1"), sentSoFar().subList(3, 6));
    }
}
