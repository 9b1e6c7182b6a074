/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;

class NameHashTest {
    @Test
    void hashIsTheFirst48BitsOfTheSha256() {
        // printf web | sha256sum: 4b5e57f6eb2f...; the cookie keeps the first six bytes.
        assertEquals(0x4b5e57f6eb2fL, NameHash.of("web"));
        assertNotEquals(NameHash.of("web"), NameHash.of("web2"));
    }

    @Test
    void knownCollidingPairCollides() {
        assertEquals(NameHash.of("r13263849"), NameHash.of("r31221268"));
        assertEquals(0x882a4fc347c6L, NameHash.of("r13263849"));
    }

    @Test
    void onlyPresentWrittenNamesAreJudged() {
        assertEquals(1, NameHash.collisions(List.of("r13263849", "r31221268"), Set.of("r31221268"),
            name -> name, "rule").size());
        assertEquals(List.of(), NameHash.collisions(List.of("r31221268"), Set.of("r13263849", "r31221268"),
            name -> name, "rule"));
        assertEquals(List.of(), NameHash.collisions(List.of("a", "b"), Set.of(), name -> name, "rule"));
    }

    @Test
    void twoWrittenNamesOfOneHashAreOneViolation() {
        // a load that writes both: the later name is refused, naming the earlier
        final var both = List.of("r31221268", "r13263849", "other");
        assertEquals(List.of(new Violation("rule=r31221268", "rule name 'r31221268' cannot be told apart from rule "
                + "'r13263849' on the switches (the names hash to the same flow cookie 882a4fc347c6); choose another "
                + "name")),
            NameHash.collisions(both, Set.copyOf(both), name -> "rule=" + name, "rule"));
    }
}
