/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.Pipeline;
import org.cnsmo.verifier.deployed.DeploymentCheck;
import org.cnsmo.verifier.deployed.Difference;
import org.cnsmo.verifier.deployed.ReadBackFlows;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint8;

class DeploymentCheckTest {
    private static final Intent INTENT = new Intents().node("A", 10, "10.8.0.2").node("B", 11, "10.8.0.3")
        .node("C", 12, "10.8.0.4")
        .rule(ports(newRule("no-web", "B", Direction.In, Protocol.Tcp, Action.Drop, 200), 80, 89).build())
        .build();
    private static final Overlay OVERLAY = Overlay.of(INTENT);

    private static Optional<Difference> check(final String node, final List<FlowAndStatisticsMapList> readBack) {
        final var tables = ReadBackFlows.tables(ReadBacks.binding(INTENT, node), OVERLAY.rules(), OVERLAY.filters(),
            readBack);
        return DeploymentCheck.firstDifference(OVERLAY, node, tables);
    }

    @Test
    void aSwitchHoldingThePlannedFlowsAsReadBackMatchesTheIntent() {
        for (var node : List.of("A", "B", "C")) {
            assertEquals(Optional.empty(), check(node, ReadBacks.of(INTENT, node)), node);
        }
    }

    @Test
    void readBackFlowsAreNamedAfterThePlannedFlowsOfTheSameMatch() {
        final var planned = OVERLAY.node("B").tables();
        final var deployed = ReadBackFlows.tables(ReadBacks.binding(INTENT, "B"), OVERLAY.rules(), OVERLAY.filters(),
            ReadBacks.of(INTENT, "B"));
        assertEquals(planned, deployed);
    }

    @Test
    void aMissingRuleIsTheFirstDifferenceWithTheDecidingHopOnEachSide() {
        final long cookie = Cookies.of(Cookies.Kind.FIREWALL_RULE, "no-web").longValue();
        final var difference = check("B", ReadBacks.of(INTENT, "B",
            flow -> flow.getCookie().getValue().longValue() != cookie)).orElseThrow();
        assertEquals(List.of("A", "B", Query.TCP), List.of(difference.source(), difference.destination(),
            difference.protocol()));
        assertEquals(new Range(80, 89), difference.ports());
        assertEquals(Outcome.DROP, difference.intended());
        assertEquals(Outcome.ACCEPT, difference.deployed());
        assertEquals(new Hop("ingress B", new Element(Element.Kind.RULE, "no-web"), Outcome.DROP),
            difference.intendedBy());
        assertEquals("ingress B", difference.deployedBy().name());
        assertEquals(Element.Kind.PIPELINE, difference.deployedBy().element().kind());
        assertEquals("tcp A -> B ports 80-89: intended drop (ingress B: drop by rule no-web), deployed accept ("
            + difference.deployedBy() + ")", difference.summary());
    }

    @Test
    void aFlowWhoseActionsWereChangedToDropIsFoundOnTheSourceSide() {
        // tampering: the forwarding flow of A's switch drops instead of NORMAL
        final var tampered = new ArrayList<FlowAndStatisticsMapList>();
        for (var flow : ReadBacks.of(INTENT, "A")) {
            tampered.add(Pipeline.TABLE_FORWARD.equals(flow.getTableId())
                ? new FlowAndStatisticsMapListBuilder(flow).setInstructions(new InstructionsBuilder().build()).build()
                : flow);
        }
        final var difference = check("A", tampered).orElseThrow();
        assertEquals(List.of("A", "B", Query.TCP), List.of(difference.source(), difference.destination(),
            difference.protocol()));
        // B drops 80-89 with the intended flows as well: the first differing ports are below
        assertEquals(new Range(1, 79), difference.ports());
        assertEquals(Outcome.ACCEPT, difference.intended());
        assertEquals(Outcome.DROP, difference.deployed());
        assertEquals("egress A", difference.deployedBy().name());
    }

    @Test
    void aNodeWithoutOverlayAddressIsComparedAtItsSwitchAlone() {
        final var intent = INTENT.withVpn(null);
        final var overlay = Overlay.of(intent);
        final long cookie = Cookies.of(Cookies.Kind.FIREWALL_RULE, "no-web").longValue();
        final var tables = ReadBackFlows.tables(ReadBacks.binding(intent, "B"), overlay.rules(), overlay.filters(),
            ReadBacks.of(intent, "B", flow -> flow.getCookie().getValue().longValue() != cookie));
        final var difference = DeploymentCheck.firstDifference(overlay, "B", tables).orElseThrow();
        assertEquals("tcp 0.0.0.0/0 -> 0.0.0.0/0 ports 80-89", difference.summary().split(":")[0]);
        assertEquals(Outcome.DROP, difference.intended());
        assertEquals(Outcome.ACCEPT, difference.deployed());
        assertEquals(new Hop("ingress B", new Element(Element.Kind.RULE, "no-web"), Outcome.DROP),
            difference.intendedBy());
        assertEquals(Optional.empty(), DeploymentCheck.firstDifference(overlay, "B",
            ReadBackFlows.tables(ReadBacks.binding(intent, "B"), overlay.rules(), overlay.filters(),
                ReadBacks.of(intent, "B"))));
    }

    @Test
    void anUnplannedFlowIsNamedByItsMatch() {
        final var extra = new ArrayList<>(ReadBacks.of(INTENT, "C"));
        extra.add(new FlowAndStatisticsMapListBuilder()
            .setTableId(Uint8.ZERO)
            .setPriority(Uint16.valueOf(50_000))
            .setCookie(new FlowCookie(Cookies.of(Cookies.Kind.NODE, "C")))
            .setMatch(new MatchBuilder().build())
            .setInstructions(new InstructionsBuilder().build())
            .build());
        final var difference = check("C", extra).orElseThrow();
        assertEquals(List.of("A", "C", Query.TCP), List.of(difference.source(), difference.destination(),
            difference.protocol()));
        assertEquals(Outcome.DROP, difference.deployed());
        assertTrue(difference.deployedBy().element().name().startsWith("unplanned table=0,priority=50000"),
            difference.deployedBy().toString());
    }
}
