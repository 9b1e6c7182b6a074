/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class RpcInputHintsTest {
    private static final String GENERIC = "RPC input refused: the input of cnsmo-vpn:create-enrollment-token does "
        + "not match its YANG definition (unknown leaf, or a value outside its type)";

    private static String message(final String body) {
        return RpcInputHints.message("cnsmo-vpn:create-enrollment-token", JsonParser.parseString(body));
    }

    @Test
    void anInputThatLooksRightGetsTheGenericMessage() {
        assertEquals(GENERIC, message("{\"input\":{\"node\":\"a\",\"validity\":5}}"));
        assertEquals(GENERIC, message("{\"input\":{\"bogus\":1}}"));
        assertEquals(GENERIC, RpcInputHints.message("cnsmo-vpn:create-enrollment-token", null));
        assertEquals(GENERIC, message("[1]"));
    }

    @Test
    void leavesThatLookWrongAreNamed() {
        assertEquals(GENERIC + "; check node (an empty string), validity (a negative number)",
            message("{\"cnsmo-vpn:input\":{\"node\":\"\",\"validity\":-5,\"static-address\":\"10.8.0.9\"}}"));
        assertEquals(GENERIC + "; check node (an object, not a single value), validity (an array, not a single value)",
            message("{\"input\":{\"node\":{},\"validity\":[60]}}"));
    }
}
