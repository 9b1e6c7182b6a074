/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.sdn.pipeline.FirewallFlows;
import org.cnsmo.sdn.pipeline.FlowForm;
import org.cnsmo.sdn.pipeline.PortMask;
import org.cnsmo.sdn.pipeline.RuleIntent;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;

class FlowDiffTest {
    private static final List<Flow> RANGE = rule(Action.Drop, 7000, 7010);
    private static final List<FlowForm> RANGE_FORMS = forms(RANGE);

    private static List<Flow> rule(final Action action, final int lower, final int upper) {
        return FirewallFlows.of(new RuleIntent("r", Optional.empty(), true, Protocol.Tcp,
            PortMask.cover(lower, upper), true, Ipv4Network.parse("10.8.0.0/28"), action, 100));
    }

    private static List<FlowForm> forms(final List<Flow> flows) {
        return flows.stream().map(FlowForm::of).toList();
    }

    @Test
    void aSwitchHoldingThePlanNeedsNothing() {
        assertNull(FlowDiff.compare(RANGE, RANGE_FORMS, List.of(RANGE_FORMS.get(2), RANGE_FORMS.get(0),
            RANGE_FORMS.get(1))));
        assertNull(FlowDiff.compare(List.of(), List.of(), List.of()));
    }

    @Test
    void changedActionsArePutAgainInPlace() {
        final var accept = forms(rule(Action.Accept, 7000, 7010));
        final var repair = FlowDiff.compare(RANGE, RANGE_FORMS, List.of(RANGE_FORMS.get(0), accept.get(1),
            RANGE_FORMS.get(2)));
        assertFalse(repair.wipe(), "an add with the same match and priority replaces the flow");
        assertEquals(List.of(RANGE.get(1)), repair.puts());
        assertTrue(repair.reason().startsWith("a flow whose actions changed"), repair.reason());
    }

    @Test
    void missingFlowsArePutAgain() {
        final var repair = FlowDiff.compare(RANGE, RANGE_FORMS, List.of(RANGE_FORMS.get(1)));
        assertFalse(repair.wipe());
        assertEquals(List.of(RANGE.get(0), RANGE.get(2)), repair.puts());
        assertEquals(RANGE, FlowDiff.compare(RANGE, RANGE_FORMS, List.of()).puts(), "a wiped table");
    }

    @Test
    void aFlowThatIsNotPlannedReplacesTheWholeCookie() {
        // an old version of the rule: 7000-7007 only, which has a match 7000-7010 does not
        final var old = forms(rule(Action.Drop, 7000, 7001));
        final var repair = FlowDiff.compare(RANGE, RANGE_FORMS, List.of(RANGE_FORMS.get(0), old.get(0)));
        assertTrue(repair.wipe());
        assertEquals(RANGE, repair.puts());
        assertTrue(repair.reason().startsWith("a flow that is not planned"), repair.reason());
    }

    @Test
    void aCookieNoIntentOwnsIsRemoved() {
        final var repair = FlowDiff.compare(List.of(), List.of(), RANGE_FORMS);
        assertTrue(repair.wipe());
        assertEquals(List.of(), repair.puts());
        assertTrue(repair.reason().startsWith("flows no intent owns"), repair.reason());
    }

    @Test
    void aDuplicateOfAPlannedKeyReplacesTheWholeCookie() {
        final var repair = FlowDiff.compare(RANGE, RANGE_FORMS, List.of(RANGE_FORMS.get(0), RANGE_FORMS.get(0),
            RANGE_FORMS.get(1), RANGE_FORMS.get(2)));
        assertTrue(repair.wipe());
    }

    @Test
    void aCookieWideDeleteIsRecognised() {
        final var delta = new FlowDelta();
        delta.deleteCookie(org.opendaylight.yangtools.yang.common.Uint64.ONE, RANGE.get(0).getCookie().getValue());
        final var delete = delta.deletes().get(0).flow();
        assertTrue(FlowDelta.isCookieWide(delete));
        assertEquals(RANGE.get(0).getCookie(), delete.getCookie());
        assertFalse(FlowDelta.isCookieWide(RANGE.get(0)));
    }
}
