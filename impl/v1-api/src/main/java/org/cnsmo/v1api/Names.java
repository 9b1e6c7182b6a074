/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;

/**
 * The YANG typedefs of CNSMO built from v1 input: a value the typedef refuses gives a 400 that names the field
 * and carries the typedef's own error message.
 */
final class Names {
    private Names() {
        // utility class
    }

    static NodeName node(final String value, final String field) throws V1Error {
        try {
            return new NodeName(value);
        } catch (IllegalArgumentException e) {
            throw refused(field, value, e);
        }
    }

    static ObjectName object(final String value, final String field) throws V1Error {
        try {
            return new ObjectName(value);
        } catch (IllegalArgumentException e) {
            throw refused(field, value, e);
        }
    }

    static Ipv4Prefix prefix(final String value, final String field) throws V1Error {
        try {
            return new Ipv4Prefix(value);
        } catch (IllegalArgumentException e) {
            throw refused(field, value, e);
        }
    }

    static V1Error refused(final String field, final String value, final IllegalArgumentException cause) {
        return V1Error.message(400, field + ": '" + value + "' is not valid: " + cause.getMessage());
    }
}
