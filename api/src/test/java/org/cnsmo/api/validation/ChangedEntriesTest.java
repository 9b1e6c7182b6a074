/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangedEntriesTest {
    @Test
    void namesAreThoseOfCreatedOrChangedEntries() {
        final var before = Map.of("a", "a:1", "b", "b:1", "gone", "gone:1");
        final var after = Map.of("a", "a:1", "b", "b:2", "new", "new:1");
        assertEquals(Set.of("b", "new"), ChangedEntries.names(before, after, entry -> entry.split(":")[0]));
    }

    @Test
    void withNothingBeforeNoKeyIsLookedAt() {
        final Map<String, String> after = new AbstractMap<>() {
            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                throw new AssertionError("the keys of a lazily decoded map cost a decode each");
            }

            @Override
            public Collection<String> values() {
                return List.of("a:1", "b:1");
            }
        };
        assertEquals(Set.of("a", "b"), ChangedEntries.names(null, after, entry -> entry.split(":")[0]));
        assertEquals(Set.of("a", "b"), ChangedEntries.names(Map.of(), after, entry -> entry.split(":")[0]));
    }

    @Test
    void everyEntryIsNewWithoutBeforeAndNoneWithoutAfter() {
        assertEquals(Set.of("a"), ChangedEntries.names(null, Map.of("a", "a:1"), entry -> entry.split(":")[0]));
        assertEquals(Set.of(), ChangedEntries.<String, String>names(Map.of("a", "a:1"), null, entry -> entry));
    }
}
