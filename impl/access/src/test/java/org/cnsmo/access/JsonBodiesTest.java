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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    private static boolean parses(final String body) {
        return JsonBodies.parse(body.getBytes(StandardCharsets.UTF_8)).isPresent();
    }

    @Test
    void restconfsJsonMediaTypesAreJson() {
        assertTrue(JsonBodies.isJson("application/json"));
        assertTrue(JsonBodies.isJson("application/yang-data+json"));
        assertTrue(JsonBodies.isJson("Application/YANG-Data+JSON; charset=utf-8"));
        assertTrue(JsonBodies.isJson("application/yang.patch+json"));
    }

    @Test
    void otherMediaTypesAreNotJson() {
        assertFalse(JsonBodies.isJson(null));
        assertFalse(JsonBodies.isJson("application/yang-data+xml"));
        assertFalse(JsonBodies.isJson("application/xml"));
        assertFalse(JsonBodies.isJson("text/plain"));
    }

    @Test
    void aJsonBodyParses() {
        assertEquals(Optional.of(JsonParser.parseString("{\"a\":[1,null]}")),
            JsonBodies.parse("{\"a\":[1,null]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(parses(" {\"é\":\"ü\"} \n"));
    }

    @Test
    void whatIsNotJsonDoesNotParse() {
        assertFalse(parses(""));
        assertFalse(parses("{\"a\":1"));
        assertFalse(parses("{\"a\":1} {\"b\":2}"));
        assertFalse(parses("{a:1}"));
        assertFalse(parses("<a/>"));
    }
}
