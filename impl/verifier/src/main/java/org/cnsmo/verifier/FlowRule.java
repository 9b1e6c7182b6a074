/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

/**
 * One OpenFlow flow as the verifier evaluates it: its header-space match, the conditions beyond headers
 * (input port, connection tracking state), and what it does.
 *
 * @param id the flow id
 * @param table the table
 * @param priority the priority
 * @param match the packets whose headers it matches
 * @param fromUplink true when it matches only packets from the uplink port, false when only from other ports,
 *     null for any port
 * @param ctState the connection tracking bits that must be set
 * @param ctMask the connection tracking bits compared
 * @param refusalOnly true when it matches TCP resets or ICMP errors only (never a connection's first packet)
 * @param action what it does with a packet
 * @param nextTable the table of a goto or of a track action's resubmission
 * @param element the intent that produced it
 */
public record FlowRule(String id, int table, int priority, Space match, Boolean fromUplink, long ctState,
        long ctMask, boolean refusalOnly, Action action, int nextTable, Element element) {
    /** What a flow does with a packet, as far as reachability goes. */
    public enum Action {
        /** Continue in another table. */
        GOTO,
        /** Send through the connection tracker and continue in a table with the packet's tracking state. */
        TRACK,
        /** Discard. */
        DROP,
        /** Send to the controller, which answers with a refusal. */
        REJECT,
        /** Forward (NORMAL). */
        FORWARD
    }

    public FlowRule {
        requireNonNull(id);
        requireNonNull(match);
        requireNonNull(action);
        requireNonNull(element);
    }

    /** Whether the flow applies to a packet, headers aside. */
    public boolean applies(final boolean uplink, final long packetCtState) {
        return !refusalOnly && (fromUplink == null || fromUplink == uplink) && (packetCtState & ctMask) == ctState;
    }

    /** The same flow with another match, for flows of one intent merged into one. */
    public FlowRule withMatch(final Space newMatch) {
        return new FlowRule(id, table, priority, newMatch, fromUplink, ctState, ctMask, refusalOnly, action,
            nextTable, element);
    }
}
