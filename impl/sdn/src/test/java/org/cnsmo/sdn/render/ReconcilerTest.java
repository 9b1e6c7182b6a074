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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.FirewallFlows;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.cnsmo.sdn.pipeline.Owner;
import org.cnsmo.sdn.pipeline.PortMask;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.cnsmo.sdn.stats.SwitchSnapshot;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yangtools.yang.common.Uint64;

class ReconcilerTest {
    private static final Uint64 SWITCH = Uint64.ONE;
    private static final Duration JUST_BEFORE = Reconciler.REPAIR_GRACE.minusMillis(1);

    private final Reconciler reconciler = new Reconciler();
    /** When the test reads the switch: moved by hand. */
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    private static List<Flow> rule(final String name, final int port) {
        return FirewallFlows.of(new RuleIntent(name, Optional.empty(), true, Protocol.Tcp,
            PortMask.cover(port, port + 2), true, Ipv4Network.parse("10.8.0.0/28"), Action.Drop, 100));
    }

    private static long cookie(final List<Flow> flows) {
        return flows.get(0).getCookie().getValue().longValue();
    }

    /** A read of a switch holding these flows. */
    private static SwitchSnapshot holding(final List<Flow> flows) {
        final var forms = new HashMap<Long, List<FlowForm>>();
        for (var flow : flows) {
            forms.computeIfAbsent(flow.getCookie().getValue().longValue(), key -> new ArrayList<>())
                .add(FlowForm.of(flow));
        }
        return new SwitchSnapshot(Map.of(), forms, List.of());
    }

    private FlowDelta read(final SwitchSnapshot snapshot, final Map<Owner, List<Flow>> planned) {
        return reconciler.repairs(SWITCH, snapshot, planned, Map.of(), now);
    }

    private void advance(final Duration by) {
        now = now.plus(by);
    }

    @Test
    void aSwitchHoldingThePlanIsLeftAlone() {
        final var flows = rule("r", 7000);
        final var planned = Map.of(Owner.rule("r"), flows);
        assertTrue(read(holding(flows), planned).isEmpty());
        advance(Duration.ofMinutes(1));
        assertTrue(read(holding(flows), planned).isEmpty());
    }

    @Test
    void aDifferenceIsRepairedOnlyOnceTwoReadsAGraceApartShowIt() {
        final var flows = rule("r", 7000);
        final var planned = Map.of(Owner.rule("r"), flows);
        final var missing = holding(flows.subList(1, flows.size()));
        assertTrue(read(missing, planned).isEmpty(), "the first read may predate a change that just landed");
        advance(JUST_BEFORE);
        assertTrue(read(missing, planned).isEmpty());
        advance(Duration.ofMillis(1));
        final var repair = read(missing, planned);
        assertEquals(List.of(new FlowDelta.SwitchFlow(SWITCH, flows.get(0))), repair.puts());
        assertTrue(repair.deletes().isEmpty());
    }

    @Test
    void aDifferenceThatWentAwayStartsItsGraceAgain() {
        final var flows = rule("r", 7000);
        final var planned = Map.of(Owner.rule("r"), flows);
        final var missing = holding(flows.subList(1, flows.size()));
        read(missing, planned);
        advance(Duration.ofSeconds(2));
        assertTrue(read(holding(flows), planned).isEmpty());
        advance(Duration.ofSeconds(2));
        assertTrue(read(missing, planned).isEmpty(), "seen 4 s after the first time, but not in between");
    }

    @Test
    void forgettingASwitchStartsItsGraceAgain() {
        final var flows = rule("r", 7000);
        final var planned = Map.of(Owner.rule("r"), flows);
        final var missing = holding(List.of());
        read(missing, planned);
        reconciler.forget(SWITCH);
        advance(Reconciler.REPAIR_GRACE);
        assertTrue(read(missing, planned).isEmpty(), "a change was sent in between: the read proves nothing");
        advance(Reconciler.REPAIR_GRACE);
        assertEquals(flows.size(), read(missing, planned).puts().size());
    }

    @Test
    void aCookieNoOwnerPlansIsWipedWithoutPuts() {
        final var stray = rule("gone", 7000);
        read(holding(stray), Map.of());
        advance(Reconciler.REPAIR_GRACE);
        final var repair = read(holding(stray), Map.of());
        assertTrue(repair.puts().isEmpty());
        assertEquals(1, repair.deletes().size());
        final var delete = repair.deletes().get(0).flow();
        assertTrue(FlowDelta.isCookieWide(delete));
        assertEquals(cookie(stray), delete.getCookie().getValue().longValue());
    }

    @Test
    void anOwnerTheSwitchRefusedIsLeftAlone() {
        final var flows = rule("r", 7000);
        final var planned = Map.of(Owner.rule("r"), flows);
        final var refused = Map.of(cookie(flows), "bad meter");
        reconciler.repairs(SWITCH, holding(List.of()), planned, refused, now);
        advance(Reconciler.REPAIR_GRACE);
        assertTrue(reconciler.repairs(SWITCH, holding(List.of()), planned, refused, now).isEmpty(),
            "sending it again would be refused again");
    }

    @Test
    void atMostMaxRepairsOwnersPerReadTheRestAtTheNext() {
        final var planned = new HashMap<Owner, List<Flow>>();
        IntStream.range(0, Reconciler.MAX_REPAIRS + 3).forEach(i -> planned.put(Owner.rule("r" + i),
            rule("r" + i, 1000 + 10 * i)));
        final int flowsPerOwner = planned.get(Owner.rule("r0")).size();
        final var empty = holding(List.of());
        read(empty, planned);
        advance(Reconciler.REPAIR_GRACE);
        assertEquals(Reconciler.MAX_REPAIRS * flowsPerOwner, read(empty, planned).puts().size());
        assertEquals(3 * flowsPerOwner, read(empty, planned).puts().size(),
            "the owners left over are overdue already");
    }
}
