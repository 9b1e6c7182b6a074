/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * A request about a VPN client that the controller refuses, with the NETCONF error tag that tells RESTCONF
 * (and the enrollment endpoint) which HTTP status to answer.
 */
public final class IssueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The tag's text: ErrorTag is not serializable. */
    private final String tag;

    public IssueException(final ErrorTag tag, final String message) {
        super(message);
        this.tag = tag.elementBody();
    }

    public IssueException(final ErrorTag tag, final String message, final Throwable cause) {
        super(message, cause);
        this.tag = tag.elementBody();
    }

    public ErrorTag tag() {
        return new ErrorTag(tag);
    }

    /**
     * The HTTP status RFC 8040 gives this error tag.
     *
     * @return the status code
     */
    public int httpStatus() {
        if (ErrorTag.INVALID_VALUE.equals(tag())) {
            return 400;
        }
        if (ErrorTag.ACCESS_DENIED.equals(tag())) {
            return 403;
        }
        if (ErrorTag.DATA_EXISTS.equals(tag()) || ErrorTag.DATA_MISSING.equals(tag())
                || ErrorTag.RESOURCE_DENIED.equals(tag()) || ErrorTag.IN_USE.equals(tag())) {
            return 409;
        }
        return 500;
    }
}
