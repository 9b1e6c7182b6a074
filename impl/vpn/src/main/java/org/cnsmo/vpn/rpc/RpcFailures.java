/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.rpc;

import org.cnsmo.vpn.issue.IssueException;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Turns a refused request into an RPC result that RESTCONF answers with the right status and message.
 */
final class RpcFailures {
    private RpcFailures() {
        // utility class
    }

    static <T> RpcResult<T> of(final IssueException failure) {
        return RpcResultBuilder.<T>failed()
            .withError(ErrorType.APPLICATION, failure.tag(), failure.getMessage())
            .build();
    }
}
