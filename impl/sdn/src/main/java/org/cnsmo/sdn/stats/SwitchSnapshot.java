/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;

/**
 * The CNSMO flows found on a switch, summed per cookie, and what each of them is.
 *
 * @param byCookie counters per cookie, only for CNSMO cookies
 * @param forms the form of each flow read, per cookie, only for CNSMO cookies
 * @param flows the CNSMO flows read, as the switch reported them
 */
public record SwitchSnapshot(Map<Long, FlowCounters> byCookie, Map<Long, List<FlowForm>> forms,
        List<FlowAndStatisticsMapList> flows) {
    public SwitchSnapshot {
        byCookie = Map.copyOf(byCookie);
        forms = Map.copyOf(forms);
        flows = List.copyOf(flows);
    }

    /** Sums a flow statistics reply per CNSMO cookie; other applications' flows are ignored. */
    public static SwitchSnapshot of(final List<FlowAndStatisticsMapList> flows) {
        final var byCookie = new HashMap<Long, FlowCounters>();
        final var forms = new HashMap<Long, List<FlowForm>>();
        final var cnsmo = new ArrayList<FlowAndStatisticsMapList>();
        for (var flow : flows) {
            final var cookie = flow.getCookie();
            if (cookie == null || !Cookies.isCnsmo(cookie.getValue().longValue())) {
                continue;
            }
            final var packets = flow.getPacketCount() == null ? 0 : flow.getPacketCount().getValue().longValue();
            final var bytes = flow.getByteCount() == null ? 0 : flow.getByteCount().getValue().longValue();
            byCookie.merge(cookie.getValue().longValue(), new FlowCounters(1, packets, bytes), FlowCounters::plus);
            forms.computeIfAbsent(cookie.getValue().longValue(), key -> new ArrayList<>()).add(FlowForm.of(flow));
            cnsmo.add(flow);
        }
        return new SwitchSnapshot(byCookie, forms, cnsmo);
    }

    public FlowCounters counters(final long cookie) {
        return byCookie.getOrDefault(cookie, FlowCounters.NONE);
    }
}
