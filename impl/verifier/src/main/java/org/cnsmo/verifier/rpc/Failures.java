/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.rpc;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Bad input as an RPC result RESTCONF answers with a 400 naming the field.
 */
final class Failures {
    private Failures() {
        // utility
    }

    static <T> RpcResult<T> badInput(final String message) {
        return RpcResultBuilder.<T>failed().withError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, message).build();
    }
}
