/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;

/**
 * Compares the flows one owner (one cookie) has on a switch with the flows planned for it, by content, and says
 * what puts the switch right. Pure.
 *
 * <p>A flow whose match and priority are planned but whose instructions differ (an {@code ovs-ofctl mod-flows}),
 * and a planned flow that is missing (a wiped table), are put again: an OpenFlow add with the same table,
 * priority and match replaces the flow in place, so the other flows of the owner are never without their
 * instructions. A flow whose table, priority or match is not planned (an old version of the intent, a flow
 * added by hand, an owner that no longer exists) cannot be replaced that way: then every flow of the cookie is
 * removed and the planned ones are put again.
 */
final class FlowDiff {
    /**
     * What to send to one switch for one cookie.
     *
     * @param wipe whether every flow with the cookie is removed first
     * @param puts the planned flows to add (replacing what has the same key)
     * @param reason what differs, for the log
     */
    record Repair(boolean wipe, List<Flow> puts, String reason) {
        Repair {
            puts = List.copyOf(puts);
        }
    }

    private FlowDiff() {
        // utility
    }

    /**
     * The repair of one cookie on one switch, or null when the switch holds exactly the planned flows.
     *
     * @param planned the planned flows, none for a cookie no intent owns
     * @param plannedForms their forms, in the same order
     * @param actual the forms of the flows read from the switch with that cookie
     */
    static Repair compare(final List<Flow> planned, final List<FlowForm> plannedForms, final List<FlowForm> actual) {
        final var want = counts(plannedForms);
        final var have = counts(actual);
        if (want.equals(have)) {
            return null;
        }
        final var plannedKeys = new HashSet<String>();
        plannedForms.forEach(form -> plannedKeys.add(form.key()));
        final var seenKeys = new HashSet<String>();
        for (var form : actual) {
            if (!plannedKeys.contains(form.key()) || !seenKeys.add(form.key())) {
                return new Repair(true, planned, planned.isEmpty() ? "flows no intent owns, such as " + form
                    : "a flow that is not planned: " + form);
            }
        }
        final var puts = new ArrayList<Flow>();
        String reason = null;
        for (int i = 0; i < planned.size(); i++) {
            final var form = plannedForms.get(i);
            if (!have.containsKey(form)) {
                puts.add(planned.get(i));
                if (reason == null) {
                    reason = actual.stream().filter(other -> other.key().equals(form.key())).findFirst()
                        .map(other -> "a flow whose actions changed: " + other + " where " + form.instructions()
                            + " is planned")
                        .orElse("a missing flow: " + form);
                }
            }
        }
        return new Repair(false, puts, reason);
    }

    private static Map<FlowForm, Integer> counts(final List<FlowForm> forms) {
        final var counts = new HashMap<FlowForm, Integer>();
        forms.forEach(form -> counts.merge(form, 1, Integer::sum));
        return counts;
    }
}
