/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

class ValidatingCommitCohortTest {
    @Test
    void rejectionListsEveryViolationAsInvalidValue() {
        final var treeId = DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, YangInstanceIdentifier.of());
        final var ex = ValidatingCommitCohort.rejection(treeId, List.of(
            new Violation("traffic-filters/filter=a/node", "node 'X' does not exist"),
            new Violation("traffic-filters/filter=b", "duplicates filter 'c'")));

        final var message = "traffic-filters/filter=a/node: node 'X' does not exist; "
            + "traffic-filters/filter=b: duplicates filter 'c'";
        assertEquals(message, ex.getMessage());
        final var cause = assertInstanceOf(NetconfDocumentedException.class, ex.getCause());
        assertEquals(ErrorTag.INVALID_VALUE, cause.getErrorTag());
        assertEquals(ErrorType.APPLICATION, cause.getErrorType());
        assertEquals(message, cause.getMessage());
    }
}
