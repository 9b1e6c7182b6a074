/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.Uint64;

class SwitchAdmissionTest {
    private static final SwitchBinding N1 = new SwitchBinding("n1", Uint64.valueOf(17), 1);

    @Test
    void aConfiguredSwitchAddressWinsOverTheOverlayAddress() {
        assertEquals("127.0.0.1", SwitchAdmission.expectedAddress("127.0.0.1", "10.9.0.50"));
        assertEquals("10.9.0.50", SwitchAdmission.expectedAddress(null, "10.9.0.50"));
        assertNull(SwitchAdmission.expectedAddress(null, null));
    }

    @Test
    void admitsOnlyASwitchConnectingFromItsNodesAddress() {
        assertNull(SwitchAdmission.refusal(N1, "10.9.0.50", "10.9.0.50"));
        assertNull(SwitchAdmission.refusal(N1, "FE80::1", "fe80::1"));
        assertEquals("switch openflow:17 is refused: it connects from 10.96.0.10, not from node n1's address "
            + "10.9.0.50", SwitchAdmission.refusal(N1, "10.9.0.50", "10.96.0.10"));
    }

    @Test
    void refusesWhenAnAddressIsUnknown() {
        assertEquals("switch openflow:17 is refused until the controller knows the address it connects from",
            SwitchAdmission.refusal(N1, "10.9.0.50", null));
        assertEquals("switch openflow:17 is refused: node n1 has no overlay address (and no switch-address) its "
            + "switch could connect from", SwitchAdmission.refusal(N1, null, "10.9.0.50"));
    }
}
