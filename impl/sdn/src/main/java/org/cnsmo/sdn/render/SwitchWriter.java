/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends flow changes straight to the connected switches, each switch's change as one OpenFlow bundle (ONF
 * extension 230, atomic and ordered): a switch goes from the flows it had to the changed ones in one step, so no
 * packet meets a state in between (a rule's old flow removed, its new one not yet added), and a change the switch
 * refuses leaves what it had in force.
 *
 * <p>Changes that arrive before the switch answered a bundle's open join it, their flow-mods sent right behind the
 * ones before; those that arrive later wait and go together in the next one. When the
 * switch refuses a bundle that holds several owners' flows (owners are told apart by cookie), each owner's share is
 * sent again as its own bundle, so that one refused rule does not hold back the others; an owner whose own bundle
 * is refused is reported to the {@link Refusals} with the switch's error and its flows are not sent again by the
 * writer.
 *
 * <p>Going through the plugin's configuration inventory instead (and its forwarding-rules manager) costs a
 * datastore write and a data-change notification of every flow before the same message is sent; the benchmark
 * measured that as most of a bulk change's time. The renderer keeps the plan, pushes a switch's whole share when it
 * connects, and repairs what a switch lost, so nothing needs the inventory.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} bundle messages per switch are outstanding; the rest of a bundle's messages
 * wait here, so that a change of 100,000 flows stays within the plugin's per-switch request quota (20,000 by
 * default).
 *
 * <p>Confined to the renderer's thread, except for handing the messages to the plugin: the plugin turns each
 * flow-mod into its wire form while it is called, which is most of the cost of a bulk change, so the messages of
 * each switch go out in order on a lane of their own ({@link MoreExecutors#newSequentialExecutor}) of the sender
 * pool, and several switches' changes are encoded at once. The switches' answers come back to the renderer's
 * thread.
 */
public final class SwitchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchWriter.class);
    /** Outstanding bundle messages per switch; the plugin confirms them at its next barrier. */
    static final int MAX_IN_FLIGHT = 10_000;

    /** What a bundle control message asks the switch. */
    public enum Control {
        OPEN, COMMIT, DISCARD
    }

    /**
     * The switches' side of bundles: each future holds the switch's error, or is empty when it took the message;
     * it fails when the message got no answer from the switch (no connection, the plugin's quota or RPCs not
     * there yet), which is no refusal.
     */
    public interface Bundles {
        /**
         * Opens, commits or discards a bundle of a switch (atomic and ordered).
         *
         * @param datapathId the switch
         * @param bundleId the bundle, unique on the switch's connection
         * @param control what to do
         * @return the switch's error, or empty
         */
        ListenableFuture<Optional<String>> control(Uint64 datapathId, long bundleId, Control control);

        /**
         * Adds a flow-mod to an open bundle.
         *
         * @param datapathId the switch
         * @param bundleId the open bundle
         * @param flow the flow
         * @param add true to add it, false to remove it
         * @return the switch's error, or empty
         */
        ListenableFuture<Optional<String>> add(Uint64 datapathId, long bundleId, Flow flow, boolean add);

        /**
         * Asks the switch to confirm every message sent to it so far (an OpenFlow barrier). The plugin answers a
         * message the switch does not reply to (a bundle's open, an added flow-mod) only at the next barrier,
         * which it sends on its own at most its barrier interval later: asking for one saves that wait.
         *
         * @param datapathId the switch
         */
        default void confirm(final Uint64 datapathId) {
            // a switch side that confirms at once needs no barrier
        }

        /**
         * Installs the meters the flows use, before any flow is sent to a switch that connected: a flow that
         * names a meter the switch lacks is refused.
         *
         * @param datapathId the switch
         * @return whether the switch holds them
         */
        default ListenableFuture<Boolean> installMeters(final Uint64 datapathId) {
            return Futures.immediateFuture(Boolean.TRUE);
        }
    }

    /** Told which owners' flows a switch refused, and which it took. */
    public interface Refusals {
        /**
         * A switch refused a change of an owner's flows and keeps what it had of them.
         *
         * @param datapathId the switch
         * @param cookie the owner's cookie
         * @param reason the switch's error
         */
        void refused(Uint64 datapathId, long cookie, String reason);

        /**
         * A switch committed a change holding these owners' flows.
         *
         * @param datapathId the switch
         * @param cookies the owners' cookies
         */
        void committed(Uint64 datapathId, Set<Long> cookies);
    }

    /** Refusals nobody listens to are logged only. */
    public static final Refusals LOG_ONLY = new Refusals() {
        @Override
        public void refused(final Uint64 datapathId, final long cookie, final String reason) {
            // logged by the writer
        }

        @Override
        public void committed(final Uint64 datapathId, final Set<Long> cookies) {
            // nothing to report
        }
    };

    /**
     * A flow to add or remove.
     *
     * @param flow the flow
     * @param add true to add it, false to remove it
     */
    private record FlowMod(Flow flow, boolean add) {
        long cookie() {
            return flow.getCookie() == null ? 0 : flow.getCookie().getValue().longValue();
        }
    }

    /** Flow-mods that go to a switch in one bundle; a sealed batch takes no more (it is one owner's retry). */
    private static final class Batch {
        private final List<FlowMod> mods = new ArrayList<>();
        private final boolean sealed;

        Batch(final boolean sealed) {
            this.sealed = sealed;
        }

        Set<Long> cookies() {
            return mods.stream().map(FlowMod::cookie).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The bundle a switch is being sent. */
    private static final class Bundle {
        private final long id;
        private final Batch batch;
        private int sent;
        private int inFlight;
        private String error;
        /** Whether a message got no answer: the switch may hold any part of the change, or none. */
        private boolean unanswered;
        /** Whether the switch answered the open: until then, changes join the bundle (see {@link #enqueue}). */
        private boolean opened;

        Bundle(final long id, final Batch batch) {
            this.id = id;
            this.batch = batch;
        }
    }

    /** What one connected switch still has to receive. */
    private static final class Outbox {
        private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
        private Bundle current;
        /** Flows wait until the switch's meters are installed. */
        private boolean metersInstalled;
        /** Run once nothing is waiting or on its way ({@link #whenIdle}). */
        private final List<Runnable> whenIdle = new ArrayList<>();
    }

    private final Map<Uint64, Outbox> outboxes = new HashMap<>();
    /**
     * The last bundle id used on each switch's connection. It outlives an outbox that {@link #connected} replaces
     * on the same connection (the renderer admits a switch again when its node is bound): Open vSwitch answers an
     * open of an id that is still open with OFPBFC_BAD_ID and drops that bundle.
     */
    private final Map<Uint64, Long> lastBundleIds = new HashMap<>();
    /**
     * Each switch's lane: its messages reach the plugin in the order sent. Like the bundle ids, it outlives an
     * outbox replaced on the same connection, so that a discard follows the flow-mods of its bundle.
     */
    private final Map<Uint64, Executor> lanes = new HashMap<>();
    private final Bundles bundles;
    private final Refusals refusals;
    private final Executor executor;
    private final Executor sender;

    /**
     * A writer whose refusals are only logged and which hands messages to the switches on the calling thread.
     *
     * @param bundles sends the bundles
     * @param executor the renderer's thread, where the switches' answers are handled
     */
    public SwitchWriter(final Bundles bundles, final Executor executor) {
        this(bundles, LOG_ONLY, executor, MoreExecutors.directExecutor());
    }

    /**
     * A writer.
     *
     * @param bundles sends the bundles
     * @param refusals told what the switches refused and took
     * @param executor the renderer's thread, where the switches' answers are handled
     * @param sender where the messages are handed to {@code bundles}, each switch's in order on a lane of it
     */
    public SwitchWriter(final Bundles bundles, final Refusals refusals, final Executor executor,
            final Executor sender) {
        this.bundles = bundles;
        this.refusals = refusals;
        this.executor = executor;
        this.sender = sender;
    }

    private Executor lane(final Uint64 datapathId) {
        return lanes.computeIfAbsent(datapathId, unused -> MoreExecutors.newSequentialExecutor(sender));
    }

    /** Sends a bundle control message on the switch's lane; its answer comes back to the renderer's thread. */
    private ListenableFuture<Optional<String>> control(final Uint64 datapathId, final long bundleId,
            final Control control, final boolean confirm) {
        final var answer = SettableFuture.<Optional<String>>create();
        lane(datapathId).execute(() -> {
            answer.setFuture(sent(() -> bundles.control(datapathId, bundleId, control)));
            if (confirm) {
                bundles.confirm(datapathId);
            }
        });
        return answer;
    }

    /** A message handed to the plugin; what it throws fails the answer (no answer), as the plugin's failures do. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private static ListenableFuture<Optional<String>> sent(
            final Supplier<ListenableFuture<Optional<String>>> message) {
        try {
            return message.get();
        } catch (RuntimeException e) {
            return Futures.immediateFailedFuture(e);
        }
    }

    /** A switch came up: everything planned for it is sent, after what was already waiting is dropped. */
    public void connected(final Uint64 datapathId, final List<Flow> planned) {
        final var outbox = new Outbox();
        final var replaced = outboxes.put(datapathId, outbox);
        if (replaced != null && replaced.current != null) {
            // the same connection: its open bundle would stay open on the switch
            control(datapathId, replaced.current.id, Control.DISCARD, false);
        }
        release(replaced);
        planned.forEach(flow -> enqueue(outbox, new FlowMod(flow, true)));
        Futures.addCallback(bundles.installMeters(datapathId), new FutureCallback<>() {
            @Override
            public void onSuccess(final Boolean installed) {
                if (!installed) {
                    LOG.warn("Switch {} refused CNSMO's meters: its reject rules will be refused too", datapathId);
                }
                metersDone(datapathId, outbox);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Cannot install CNSMO's meters on switch {}", datapathId, cause);
                metersDone(datapathId, outbox);
            }
        }, executor);
    }

    private void metersDone(final Uint64 datapathId, final Outbox outbox) {
        outbox.metersInstalled = true;
        if (outboxes.get(datapathId) == outbox) {
            drain(datapathId, outbox);
        }
    }

    /** A switch went away: nothing more is sent to it until it connects again. */
    public void disconnected(final Uint64 datapathId) {
        // a new connection starts with no bundles
        lastBundleIds.remove(datapathId);
        lanes.remove(datapathId);
        release(outboxes.remove(datapathId));
    }

    /** Sends a delta's flows to the switches that are connected; the others get their share when they connect. */
    public void apply(final FlowDelta delta) {
        final var touched = new LinkedHashMap<Uint64, Outbox>();
        for (var delete : delta.deletes()) {
            enqueue(delete.datapathId(), new FlowMod(delete.flow(), false), touched);
        }
        for (var put : delta.puts()) {
            enqueue(put.datapathId(), new FlowMod(put.flow(), true), touched);
        }
        touched.forEach(this::drain);
    }

    /**
     * Runs an action once every change handed to the writer for a switch so far has been committed or refused,
     * or at once when nothing is on its way; also when the switch goes away first. Bundles commit some time after
     * {@link #apply}: what must follow a change on the switch (a meter deleted once no flow uses it) waits here.
     */
    public void whenIdle(final Uint64 datapathId, final Runnable action) {
        final var outbox = outboxes.get(datapathId);
        if (busy(datapathId)) {
            outbox.whenIdle.add(action);
        } else {
            action.run();
        }
    }

    private static void release(final Outbox outbox) {
        if (outbox != null && !outbox.whenIdle.isEmpty()) {
            final var actions = List.copyOf(outbox.whenIdle);
            outbox.whenIdle.clear();
            actions.forEach(Runnable::run);
        }
    }

    /** Whether flow-mods to a switch are waiting or not yet confirmed: what it holds is still changing. */
    public boolean busy(final Uint64 datapathId) {
        final var outbox = outboxes.get(datapathId);
        return outbox != null && (!outbox.metersInstalled || outbox.current != null || !outbox.waiting.isEmpty());
    }

    private void enqueue(final Uint64 datapathId, final FlowMod mod, final Map<Uint64, Outbox> touched) {
        final var outbox = outboxes.get(datapathId);
        if (outbox != null) {
            enqueue(outbox, mod);
            touched.put(datapathId, outbox);
        }
    }

    private static void enqueue(final Outbox outbox, final FlowMod mod) {
        final var current = outbox.current;
        if (current != null && !current.opened && current.error == null && !current.batch.sealed
                && outbox.waiting.isEmpty()) {
            // Its open is not answered yet, so it cannot have been committed: the change joins it (and follows
            // its flow-mods at once, see drain) instead of waiting for its commit. A bulk change handed over
            // one owner at a time is then one bundle per switch, not a first bundle of one owner and the rest
            // behind its three round trips.
            current.batch.mods.add(mod);
            return;
        }
        var batch = outbox.waiting.peekLast();
        if (batch == null || batch.sealed) {
            batch = new Batch(false);
            outbox.waiting.add(batch);
        }
        batch.mods.add(mod);
    }

    /**
     * Starts the next bundle when the switch has none on its way, and sends the flow-mods that joined a bundle
     * whose open is not answered yet.
     *
     * <p>A bundle's flow-mods follow its open at once, on the switch's lane: the plugin puts the requests of one
     * thread on the switch's connection in the order they were made (it reserves each one's transaction id and
     * queues it in the same call), so Open vSwitch gets the open first. The renderer hands a change over one
     * owner at a time, and the plugin encodes each owner's flow-mods while the renderer works out the next.
     */
    private void drain(final Uint64 datapathId, final Outbox outbox) {
        if (outbox.metersInstalled && outbox.current == null && outbox.waiting.isEmpty()) {
            release(outbox);
        }
        if (!outbox.metersInstalled) {
            return;
        }
        final var current = outbox.current;
        if (current != null) {
            if (!current.opened) {
                sendMore(datapathId, outbox, current);
            }
            return;
        }
        if (outbox.waiting.isEmpty()) {
            return;
        }
        final var bundle = new Bundle(lastBundleIds.merge(datapathId, 1L, Long::sum), outbox.waiting.poll());
        outbox.current = bundle;
        bundle.inFlight++;
        answered(datapathId, outbox, bundle, control(datapathId, bundle.id, Control.OPEN, true), true);
        sendMore(datapathId, outbox, bundle);
    }

    /**
     * Sends what the in-flight limit lets go of a bundle's flow-mods. Once its open is answered the bundle takes
     * no more, and a barrier follows its last flow-mod; until then, more may join.
     */
    private void sendMore(final Uint64 datapathId, final Outbox outbox, final Bundle bundle) {
        final var mods = bundle.batch.mods;
        final int from = bundle.sent;
        final int to = Math.min(mods.size(), from + MAX_IN_FLIGHT - bundle.inFlight);
        if (to <= from) {
            return;
        }
        bundle.sent = to;
        bundle.inFlight += to - from;
        final var chunk = List.copyOf(mods.subList(from, to));
        // once the last flow-mod is out; a bundle beyond the in-flight limit is confirmed by the plugin's own
        // barriers until then
        final boolean last = bundle.opened && to == mods.size();
        lane(datapathId).execute(() -> {
            for (var mod : chunk) {
                answered(datapathId, outbox, bundle,
                    sent(() -> bundles.add(datapathId, bundle.id, mod.flow(), mod.add())), false);
            }
            if (last) {
                bundles.confirm(datapathId);
            }
        });
    }

    /**
     * Handles a message's answer on the renderer's thread. The answer to a bundle's open also closes the bundle
     * to more changes: what it holds goes and is confirmed.
     */
    private void answered(final Uint64 datapathId, final Outbox outbox, final Bundle bundle,
            final ListenableFuture<Optional<String>> answer, final boolean open) {
        Futures.addCallback(answer, new FutureCallback<>() {
            @Override
            public void onSuccess(final Optional<String> error) {
                done(error.orElse(null));
            }

            @Override
            public void onFailure(final Throwable cause) {
                bundle.unanswered = true;
                done("no answer: " + cause.getMessage());
            }

            private void done(final String error) {
                if (open) {
                    openDone(datapathId, outbox, bundle, error);
                } else {
                    messageDone(datapathId, outbox, bundle, error);
                }
            }
        }, executor);
    }

    private void openDone(final Uint64 datapathId, final Outbox outbox, final Bundle bundle, final String error) {
        bundle.opened = true;
        final int sentBefore = bundle.sent;
        messageDone(datapathId, outbox, bundle, error);
        final boolean lastWentWithBarrier = bundle.sent > sentBefore && bundle.sent == bundle.batch.mods.size();
        if (bundle.inFlight > 0 && !lastWentWithBarrier && outboxes.get(datapathId) == outbox) {
            // the flow-mods that followed the open went without a barrier behind them: the plugin would
            // answer them at its own next barrier only
            lane(datapathId).execute(() -> bundles.confirm(datapathId));
        }
    }

    private void messageDone(final Uint64 datapathId, final Outbox outbox, final Bundle bundle,
            final String error) {
        bundle.inFlight--;
        if (error != null && bundle.error == null) {
            bundle.error = error;
        }
        // An outbox replaced by a reconnection is finished with: the switch dropped its open bundle.
        if (outboxes.get(datapathId) != outbox) {
            return;
        }
        if (bundle.error == null && bundle.sent < bundle.batch.mods.size()) {
            sendMore(datapathId, outbox, bundle);
        } else if (bundle.inFlight == 0) {
            finish(datapathId, outbox, bundle);
        }
    }

    /** Every message of the bundle is answered: commit it, or discard it when the switch refused one of them. */
    private void finish(final Uint64 datapathId, final Outbox outbox, final Bundle bundle) {
        if (bundle.error != null) {
            // Nothing of a bundle applies until its commit; discarding it closes it on the switch.
            control(datapathId, bundle.id, Control.DISCARD, false);
            if (bundle.unanswered) {
                unanswered(datapathId, outbox, bundle, bundle.error);
            } else {
                refused(datapathId, outbox, bundle, bundle.error);
            }
            return;
        }
        Futures.addCallback(control(datapathId, bundle.id, Control.COMMIT, false), new FutureCallback<>() {
            @Override
            public void onSuccess(final Optional<String> error) {
                committed(datapathId, outbox, bundle, error.orElse(null));
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (outboxes.get(datapathId) == outbox) {
                    unanswered(datapathId, outbox, bundle, "no answer to the commit: " + cause.getMessage());
                }
            }
        }, executor);
    }

    private void committed(final Uint64 datapathId, final Outbox outbox, final Bundle bundle, final String error) {
        if (outboxes.get(datapathId) != outbox) {
            return;
        }
        if (error != null) {
            refused(datapathId, outbox, bundle, error);
            return;
        }
        outbox.current = null;
        refusals.committed(datapathId, bundle.batch.cookies());
        drain(datapathId, outbox);
    }

    /**
     * A bundle got no answer: the switch refused nothing, but what it holds is unknown. The change is dropped
     * here, and the renderer's next reconciliation (which compares the switch's flows with the plan) sends what
     * the switch misses, through this writer again; reporting a refusal instead would keep the owners' flows off
     * the switch until it reconnects, as after a controller restart whose plugin was not ready.
     */
    private void unanswered(final Uint64 datapathId, final Outbox outbox, final Bundle bundle, final String error) {
        outbox.current = null;
        LOG.warn("Switch {} did not answer a change of {} flows ({}); reconciliation sends what it misses",
            datapathId, bundle.batch.mods.size(), error);
        drain(datapathId, outbox);
    }

    /**
     * The switch refused a bundle and holds what it had before it. A bundle of several owners is split and each
     * owner's share is sent alone, ahead of what waits; an owner's own refused bundle is reported.
     */
    private void refused(final Uint64 datapathId, final Outbox outbox, final Bundle bundle, final String error) {
        outbox.current = null;
        final var byOwner = new LinkedHashMap<Long, Batch>();
        bundle.batch.mods.forEach(mod -> byOwner.computeIfAbsent(mod.cookie(), cookie -> new Batch(true)).mods
            .add(mod));
        if (byOwner.size() > 1) {
            LOG.info("Switch {} refused a change of {} owners ({}); sending each owner's share alone", datapathId,
                byOwner.size(), error);
            new ArrayList<>(byOwner.values()).reversed().forEach(outbox.waiting::addFirst);
        } else {
            final long cookie = byOwner.keySet().iterator().next();
            LOG.warn("Switch {} refused the flows of cookie {}, it keeps what it had of them: {}", datapathId,
                Long.toHexString(cookie), error);
            refusals.refused(datapathId, cookie, error);
        }
        drain(datapathId, outbox);
    }
}
