/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import org.cnsmo.sdn.pipeline.Cookies.Kind;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * The intent that owns a set of flows: a node's base pipeline, a traffic filter, a firewall
 * rule or a QoS policy. Every flow of an owner carries the owner's cookie.
 *
 * @param kind what kind of intent
 * @param name the intent's name
 */
public record Owner(Kind kind, String name) {
    public Owner {
        requireNonNull(kind);
        requireNonNull(name);
    }

    public static Owner node(final String name) {
        return new Owner(Kind.NODE, name);
    }

    public static Owner filter(final String name) {
        return new Owner(Kind.FILTER, name);
    }

    public static Owner rule(final String name) {
        return new Owner(Kind.FIREWALL_RULE, name);
    }

    public static Owner qos(final String name) {
        return new Owner(Kind.QOS_POLICY, name);
    }

    public Uint64 cookie() {
        return Cookies.of(kind, name);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }
}
