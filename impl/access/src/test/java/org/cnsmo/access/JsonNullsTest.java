/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonNullsTest {
    private static Optional<String> nullIn(final String json) {
        return JsonNulls.findFirst(JsonParser.parseString(json));
    }

    @Test
    void aNullLeafIsNamedByItsMemberPath() {
        assertEquals(Optional.of("cnsmo-dns:record[0]/value"),
            nullIn("{\"cnsmo-dns:record\":[{\"name\":\"x\",\"type\":\"A\",\"value\":null}]}"));
    }

    @Test
    void aNullArrayElementIsNamedByItsIndex() {
        assertEquals(Optional.of("a/b[1]"), nullIn("{\"a\":{\"b\":[\"x\",null]}}"));
        assertEquals(Optional.of("[0][1]"), nullIn("[[1,null]]"));
    }

    @Test
    void theFirstNullInDocumentOrderIsNamed() {
        assertEquals(Optional.of("input/name"), nullIn("{\"input\":{\"name\":null,\"node\":null}}"));
    }

    @Test
    void aNullBodyHasTheEmptyPath() {
        assertEquals(Optional.of(""), nullIn("null"));
    }

    @Test
    void anEmptyLeafIsNoNull() {
        assertEquals(Optional.empty(), nullIn("{\"m:c\":{\"flag\":[null],\"name\":\"x\"}}"));
        assertEquals(Optional.of("m:c/flags[0]"), nullIn("{\"m:c\":{\"flags\":[null,null]}}"));
    }

    @Test
    void aBodyWithoutNullHasNone() {
        assertEquals(Optional.empty(), nullIn("{\"a\":[1,\"null\",{\"b\":false}],\"c\":{}}"));
    }

    @Test
    void onlyABodyWithTheFourLettersInAnyCaseMayHoldANull() {
        for (var json : List.of("null", "{\"a\":NULL}", "[Null]", "{\"a\":\"nUlL\"}", "{\"annulled\":1}")) {
            assertTrue(JsonNulls.mayHold(json.getBytes(StandardCharsets.UTF_8)), json);
        }
        for (var json : List.of("", "nul", "{\"a\":[1,\"nul l\",{\"b\":false}]}", "{\"café\":\"îles ñull\"}")) {
            assertFalse(JsonNulls.mayHold(json.getBytes(StandardCharsets.UTF_8)), json);
            assertEquals(Optional.empty(), JsonBodies.parse(json.getBytes(StandardCharsets.UTF_8))
                .flatMap(JsonNulls::findFirst), json);
        }
    }
}
