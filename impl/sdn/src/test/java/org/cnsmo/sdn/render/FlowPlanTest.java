/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.FilterIntent;
import org.cnsmo.sdn.pipeline.NodeFlows;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.pipeline.PortMask;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.pipeline.SwitchBinding;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yangtools.yang.common.Uint64;

class FlowPlanTest {
    private static final Uint64 DPID_A = Uint64.valueOf(10);
    private static final Uint64 DPID_B = Uint64.valueOf(11);
    private static final SwitchBinding A = new SwitchBinding("A", DPID_A, 1);
    private static final SwitchBinding B = new SwitchBinding("B", DPID_B, 1);
    /** The base flows of a node's switch (the pipeline's frame, see NodeFlows). */
    private static final int BASE = NodeFlows.of(A).size();
    private static final FilterIntent WEB = new FilterIntent("web", "A", 8080, Ipv4Network.parse("10.8.0.6/32"));

    private final FlowPlan plan = new FlowPlan();

    @Test
    void nodeWithASwitchGetsItsBaseFlows() {
        final var delta = plan.setNode("A", A);
        assertEquals(BASE, delta.puts().size());
        assertTrue(delta.puts().stream().allMatch(put -> put.datapathId().equals(DPID_A)));
        assertTrue(delta.deletes().isEmpty());
    }

    @Test
    void filterWaitsForItsNodeSwitch() {
        assertTrue(plan.setFilter("web", WEB).isEmpty(), "no switch known for node A yet");
        final var delta = plan.setNode("A", A);
        assertEquals(BASE + 1, delta.puts().size(), "base flows and the waiting filter");
        assertEquals(Set.of("cnsmo-filter-web"), ids(plan.flowsOf(Owner.filter("web"), DPID_A)));
    }

    @Test
    void deletingAFilterDeletesExactlyItsFlow() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        final var delta = plan.setFilter("web", null);
        assertTrue(delta.puts().isEmpty());
        assertEquals(List.of("cnsmo-filter-web"), delta.deletes().stream()
            .map(delete -> delete.flow().getId().getValue()).toList());
        assertEquals(BASE, plan.flowsOn(DPID_A).size());
    }

    @Test
    void changingAFilterDeletesTheOldFlowAndAddsTheNewOne() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        final var old = plan.flowsOf(Owner.filter("web"), DPID_A);
        final var delta = plan.setFilter("web", new FilterIntent("web", "A", 8443, Ipv4Network.parse("10.8.0.6/32")));
        assertEquals(1, delta.puts().size());
        assertEquals(old, delta.deletes().stream().map(FlowDelta.SwitchFlow::flow).toList(),
            "a flow with another match does not replace the old one on the switch");
        assertEquals(plan.flowsOf(Owner.filter("web"), DPID_A), delta.puts().stream()
            .map(FlowDelta.SwitchFlow::flow).toList());
    }

    @Test
    void settingTheSameFilterAgainChangesNothing() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        assertTrue(plan.setFilter("web", WEB).isEmpty());
    }

    @Test
    void switchIndexFollowsFiltersAndNodesThatMove() {
        plan.setNode("A", A);
        plan.setNode("B", B);
        plan.setFilter("web", WEB);
        assertEquals(1, plan.flowCountsOn(DPID_A).get(Owner.filter("web")));
        assertEquals(Set.of("web"), plan.filtersOf("A"));

        plan.setFilter("web", new FilterIntent("web", "B", 8080, Ipv4Network.parse("10.8.0.6/32")));
        assertEquals(null, plan.flowCountsOn(DPID_A).get(Owner.filter("web")));
        assertEquals(1, plan.flowCountsOn(DPID_B).get(Owner.filter("web")));
        assertEquals(Set.of(), plan.filtersOf("A"));
        assertEquals(BASE + 1, plan.flowsOn(DPID_B).size());

        plan.setNode("B", new SwitchBinding("B", Uint64.valueOf(12), 1));
        assertEquals(null, plan.bindingOf(DPID_B));
        assertEquals("B", plan.bindingOf(Uint64.valueOf(12)).node());
        assertTrue(plan.flowsOn(DPID_B).isEmpty(), "the old switch keeps nothing");
        assertEquals(BASE + 1, plan.flowsOn(Uint64.valueOf(12)).size());

        plan.setNode("B", null);
        assertEquals(null, plan.bindingOf(Uint64.valueOf(12)));
        assertTrue(plan.flowCountsOn(Uint64.valueOf(12)).isEmpty());
    }

    @Test
    void unchangedIntentWritesNothing() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        assertTrue(plan.setFilter("web", WEB).isEmpty());
        assertTrue(plan.setNode("A", A).isEmpty());
    }

    @Test
    void nodeMovingToAnotherSwitchTakesItsFlowsAlong() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        final var delta = plan.setNode("A", new SwitchBinding("A", Uint64.valueOf(12), 1));
        assertEquals(BASE + 1, delta.deletes().size());
        assertTrue(delta.deletes().stream().allMatch(delete -> delete.datapathId().equals(DPID_A)));
        assertEquals(BASE + 1, delta.puts().size());
        assertTrue(delta.puts().stream().allMatch(put -> put.datapathId().equals(Uint64.valueOf(12))));
    }

    @Test
    void ruleWithoutNodeAppliesToEverySwitchAndNewNodesGetIt() {
        plan.setNode("A", A);
        final var rule = new RuleIntent("ssh", Optional.empty(), true, Protocol.Tcp, List.of(PortMask.exact(22)),
            false, Ipv4Network.parse("0.0.0.0/0"), Action.Drop, 100);
        assertEquals(1, plan.setRule("ssh", rule).puts().size());
        final var delta = plan.setNode("B", B);
        assertEquals(BASE + 1, delta.puts().size(), "B's base flows and the rule");
        assertEquals(2, plan.owners().get(Owner.rule("ssh")).size());
        assertEquals(2, plan.setRule("ssh", null).deletes().size());
    }

    @Test
    void ruleWithoutNodeAppliesOnlyToNodesThatListTheFirewall() {
        plan.setNode("A", A);
        plan.setNode("B", new SwitchBinding("B", DPID_B, 1, false));
        final var everyNode = new RuleIntent("ssh", Optional.empty(), true, Protocol.Tcp, List.of(PortMask.exact(22)),
            false, Ipv4Network.parse("0.0.0.0/0"), Action.Drop, 100);
        assertEquals(1, plan.setRule("ssh", everyNode).puts().size(), "A only");
        assertEquals(Set.of(DPID_A), plan.owners().get(Owner.rule("ssh")).keySet());
        final var forB = new RuleIntent("b", Optional.of("B"), true, Protocol.Tcp, List.of(PortMask.exact(22)),
            false, Ipv4Network.parse("0.0.0.0/0"), Action.Drop, 100);
        assertEquals(1, plan.setRule("b", forB).puts().size(), "a rule naming B applies to B");

        final var delta = plan.setNode("B", new SwitchBinding("B", DPID_B, 1, true));
        assertEquals(1, delta.puts().size(), "B lists the firewall now: it gets the rule for every node");
        assertEquals(Set.of(DPID_A, DPID_B), plan.owners().get(Owner.rule("ssh")).keySet());
    }

    @Test
    void nodeLeavingRemovesEverythingOnItsSwitch() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        final var delta = plan.setNode("A", null);
        assertEquals(BASE + 1, delta.deletes().size());
        assertTrue(plan.flowsOn(DPID_A).isEmpty());
        assertEquals(BASE + 1, plan.setNode("A", A).puts().size(), "the filter comes back with the node");
    }

    @Test
    void flowCountsPerOwnerOnASwitch() {
        plan.setNode("A", A);
        plan.setFilter("web", WEB);
        plan.setRule("range", new RuleIntent("range", Optional.of("A"), true, Protocol.Tcp, PortMask.cover(7000, 7010),
            false, Ipv4Network.parse("0.0.0.0/0"), Action.Reject, 100));
        final var counts = plan.flowCountsOn(DPID_A);
        assertEquals(BASE, counts.get(Owner.node("A")));
        assertEquals(1, counts.get(Owner.filter("web")));
        assertEquals(3, counts.get(Owner.rule("range")));
        assertEquals(A, plan.bindingOf(DPID_A));
    }

    private static Set<String> ids(final List<org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819
            .tables.table.Flow> flows) {
        return flows.stream().map(flow -> flow.getId().getValue()).collect(Collectors.toSet());
    }
}
