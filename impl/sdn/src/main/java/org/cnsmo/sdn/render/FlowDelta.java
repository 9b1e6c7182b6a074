/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The flows to add to and to remove from the switches to go from one intent to the next; removals
 * go first. A removal is exact (table, priority, match and cookie), except the cookie-wide one of
 * {@link #deleteCookie} that repairs use.
 */
public final class FlowDelta {
    /** OpenFlow's table id for every table (OFPTT_ALL). */
    public static final Uint8 ALL_TABLES = Uint8.MAX_VALUE;
    /** A cookie mask that selects exactly one cookie. */
    public static final FlowCookie EXACT_COOKIE = new FlowCookie(Uint64.MAX_VALUE);

    /**
     * One flow on one switch.
     *
     * @param datapathId the switch
     * @param flow the flow
     */
    public record SwitchFlow(Uint64 datapathId, Flow flow) {
        // a value
    }

    private final List<SwitchFlow> puts = new ArrayList<>();
    private final List<SwitchFlow> deletes = new ArrayList<>();

    void put(final Uint64 datapathId, final Flow flow) {
        puts.add(new SwitchFlow(datapathId, flow));
    }

    void delete(final Uint64 datapathId, final Flow flow) {
        deletes.add(new SwitchFlow(datapathId, flow));
    }

    /**
     * Removes every flow with a cookie from every table of a switch: the delete of a flow in table
     * {@link #ALL_TABLES} with that cookie and {@link #EXACT_COOKIE} as its mask, which is not strict.
     */
    void deleteCookie(final Uint64 datapathId, final Uint64 cookie) {
        delete(datapathId, new FlowBuilder()
            .setId(new FlowId("cnsmo-cookie-" + Long.toHexString(cookie.longValue())))
            .setTableId(ALL_TABLES)
            .setCookie(new FlowCookie(cookie))
            .setCookieMask(EXACT_COOKIE)
            .setStrict(Boolean.FALSE)
            .build());
    }

    /** Whether a flow to delete stands for every flow with its cookie (see {@link #deleteCookie}). */
    public static boolean isCookieWide(final Flow flow) {
        return ALL_TABLES.equals(flow.getTableId());
    }

    public List<SwitchFlow> puts() {
        return puts;
    }

    public List<SwitchFlow> deletes() {
        return deletes;
    }

    public boolean isEmpty() {
        return puts.isEmpty() && deletes.isEmpty();
    }
}
