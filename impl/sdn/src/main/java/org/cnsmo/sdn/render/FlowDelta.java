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
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The flows to add to and to remove from the switches to go from one intent to the next; removals
 * go first.
 */
public final class FlowDelta {
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
