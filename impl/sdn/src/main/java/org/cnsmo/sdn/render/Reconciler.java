/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to repair on a switch from a read of its CNSMO flows and the plan, owner by owner (by cookie):
 * flows missing, extra, or changed in match, priority, instructions or cookie, and cookies no owner plans there.
 *
 * <p>Only differences that outlived {@link #REPAIR_GRACE} are repaired: two reads at least that far apart must both
 * show them, so that a read answered just before a change landed repairs nothing. At most {@link #MAX_REPAIRS}
 * owners are repaired per switch and read, so that a wiped switch of 100,000 flows stays within the OpenFlow
 * plugin's request quota. The caller sends the repairs like any other change, through the writer.
 *
 * <p>Confined to the renderer's thread.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** How long a switch may disagree with the plan before it is repaired. */
    static final Duration REPAIR_GRACE = Duration.ofSeconds(3);
    /** How many owners are repaired at most per switch and read. */
    static final int MAX_REPAIRS = 50;

    /**
     * The forms of an owner's planned flows.
     *
     * @param flows the planned flows (the plan's own list, compared by identity)
     * @param forms their forms, in the same order
     */
    private record PlannedForms(List<Flow> flows, List<FlowForm> forms) {
        // a value
    }

    /** Per switch, the cookies whose flows are missing, extra or unowned there, with when that was first seen. */
    private final Map<Uint64, Map<Long, Instant>> suspects = new HashMap<>();
    /** The forms of each owner's planned flows, kept while the plan keeps the same list of flows. */
    private final Map<Owner, PlannedForms> plannedForms = new HashMap<>();

    /**
     * The repairs a read of a switch calls for now; empty when it holds the plan or its differences are recent.
     *
     * @param datapathId the switch
     * @param snapshot its CNSMO flows, as read
     * @param planned the flows the plan puts there, per owner
     * @param refused the owners (by cookie) whose last change the switch refused: sending it again would be refused
     *     again, so they are left alone
     * @param now when the switch was read
     * @return the flow changes that repair the switch
     */
    FlowDelta repairs(final Uint64 datapathId, final SwitchSnapshot snapshot, final Map<Owner, List<Flow>> planned,
            final Map<Long, String> refused, final Instant now) {
        final var before = suspects.getOrDefault(datapathId, Map.of());
        final var after = new HashMap<Long, Instant>();
        final var delta = new FlowDelta();
        int repairs = 0;
        final var plannedCookies = new HashMap<Long, Owner>();
        planned.keySet().forEach(owner -> plannedCookies.put(owner.cookie().longValue(), owner));
        final var cookies = new HashSet<>(plannedCookies.keySet());
        cookies.addAll(snapshot.forms().keySet());
        for (var cookie : cookies) {
            if (refused.containsKey(cookie)) {
                continue;
            }
            final var owner = plannedCookies.get(cookie);
            final var flows = owner == null ? List.<Flow>of() : planned.get(owner);
            final var repair = FlowDiff.compare(flows, owner == null ? List.of() : formsOf(owner, flows),
                snapshot.forms().getOrDefault(cookie, List.of()));
            if (repair == null) {
                continue;
            }
            final var since = before.getOrDefault(cookie, now);
            if (since.plus(REPAIR_GRACE).isAfter(now) || repairs >= MAX_REPAIRS) {
                after.put(cookie, since);
                continue;
            }
            repairs++;
            final String subject = owner == null ? "cookie " + Long.toHexString(cookie) : owner.toString();
            final String action = repair.wipe() ? "replacing every flow of its cookie"
                : "putting the planned flows again";
            LOG.info("Switch openflow:{} holds {} for {}; {}", datapathId, repair.reason(), subject, action);
            if (repair.wipe()) {
                delta.deleteCookie(datapathId, Uint64.fromLongBits(cookie));
            }
            repair.puts().forEach(flow -> delta.put(datapathId, flow));
            after.put(cookie, now);
        }
        if (after.isEmpty()) {
            suspects.remove(datapathId);
        } else {
            suspects.put(datapathId, after);
        }
        return delta;
    }

    /**
     * Forgets the differences seen on a switch: it is being sent a change, or it went away, so a read of it
     * shows it before the change.
     *
     * @param datapathId the switch
     */
    void forget(final Uint64 datapathId) {
        suspects.remove(datapathId);
    }

    /**
     * Forgets the forms of an owner's planned flows: the owner changed or left the plan.
     *
     * @param owner the owner
     */
    void changed(final Owner owner) {
        plannedForms.remove(owner);
    }

    /** The forms of an owner's planned flows, computed once per version of its flows. */
    private List<FlowForm> formsOf(final Owner owner, final List<Flow> flows) {
        final var cached = plannedForms.get(owner);
        if (cached != null && cached.flows() == flows) {
            return cached.forms();
        }
        final var forms = flows.stream().map(FlowForm::of).toList();
        plannedForms.put(owner, new PlannedForms(flows, forms));
        return forms;
    }
}
