/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.cnsmo.verifier.Element;
import org.cnsmo.verifier.FlowReader;
import org.cnsmo.verifier.Overlay;
import org.cnsmo.verifier.SwitchTables;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;

/**
 * The flows read back from a node's switch as the verifier evaluates them. A read-back flow is a flow of the
 * flow model like a planned one, so {@link FlowReader} reads it (an input port read back as its number included);
 * what the switch does not keep is put back: the name. A flow is named after the planned flow of the same table,
 * priority and match ({@link FlowForm#key()}), or {@code unplanned} and its table, priority and match, and its cookie
 * names the rule or filter that produced it, as for planned flows.
 */
public final class ReadBackFlows {
    private ReadBackFlows() {
        // pure functions
    }

    /**
     * A switch's read-back flows, read for the verifier.
     *
     * @param binding the node's switch binding, as the intent configures it
     * @param rules the intent's firewall rules
     * @param filters the intent's traffic filters
     * @param readBack the CNSMO flows read back from the switch
     * @return the tables the switch holds
     */
    public static SwitchTables tables(final SwitchBinding binding, final List<RuleIntent> rules,
            final List<FilterIntent> filters, final List<FlowAndStatisticsMapList> readBack) {
        final var plannedNames = new HashMap<String, String>();
        for (var flow : Overlay.flows(binding, rules, filters)) {
            plannedNames.putIfAbsent(FlowForm.of(flow).key(), flow.getFlowName() != null ? flow.getFlowName()
                : flow.getId().getValue());
        }
        final var named = readBack.stream()
            .map(flow -> {
                final var key = FlowForm.of(flow).key();
                final var name = plannedNames.get(key);
                return new FlowAndStatisticsMapListBuilder(flow).setFlowName(name != null ? name : "unplanned " + key)
                    .build();
            })
            .toList();
        return Overlay.tables(binding, named, elements(rules, filters));
    }

    /** The rule or filter each CNSMO cookie stands for. */
    static Map<Long, Element> elements(final List<RuleIntent> rules, final List<FilterIntent> filters) {
        final var elements = new HashMap<Long, Element>();
        rules.forEach(rule -> elements.put(Cookies.of(Kind.FIREWALL_RULE, rule.name()).longValue(),
            new Element(Element.Kind.RULE, rule.name())));
        filters.forEach(filter -> elements.put(Cookies.of(Kind.FILTER, filter.name()).longValue(),
            new Element(Element.Kind.FILTER, filter.name())));
        return elements;
    }
}
