/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortMaskTest {
    @Test
    void singlePortIsOneExactMatch() {
        assertEquals(List.of(PortMask.exact(8080)), PortMask.cover(8080, 8080));
    }

    @Test
    void alignedBlockIsOneMaskedMatch() {
        assertEquals(List.of(new PortMask(1024, 0xFC00)), PortMask.cover(1024, 2047));
    }

    @Test
    void unalignedRangeSplitsIntoAlignedBlocks() {
        assertEquals(List.of(new PortMask(7000, 0xFFF8), new PortMask(7008, 0xFFFE), PortMask.exact(7010)),
            PortMask.cover(7000, 7010));
    }

    @Test
    void everyRangeIsCoveredExactly() {
        final int[][] ranges = { {1, 65535}, {0, 65535}, {5432, 5440}, {1, 1}, {65535, 65535}, {100, 200},
            {32767, 32769}, {3, 60000} };
        for (var range : ranges) {
            final var masks = PortMask.cover(range[0], range[1]);
            for (int port = 0; port <= 65535; port++) {
                final int candidate = port;
                final long matching = masks.stream().filter(mask -> mask.matches(candidate)).count();
                assertEquals(port >= range[0] && port <= range[1] ? 1 : 0, matching,
                    "port " + port + " in " + range[0] + ".." + range[1]);
            }
        }
    }

    @Test
    void worstCaseNeedsAtMostThirtyMatches() {
        assertEquals(30, PortMask.cover(1, 65534).size());
    }

    @Test
    void fullRangeIsOneWildcard() {
        assertEquals(List.of(new PortMask(0, 0)), PortMask.cover(0, 65535));
    }

    @Test
    void upsideDownRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PortMask.cover(10, 9));
    }
}
