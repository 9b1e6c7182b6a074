/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static java.util.Objects.requireNonNull;

/**
 * What decided the fate of a class of packets at a hop: a firewall rule, a traffic filter, the pipeline's
 * default, the VPN server's port security, a load balancer, or the absence of anything at the address.
 *
 * @param kind the kind of element
 * @param name its name: the rule or filter name, the pipeline flow id, the load balancer name
 */
public record Element(Kind kind, String name) {
    /** Kinds of deciding elements. */
    public enum Kind {
        /** A firewall rule. */
        RULE("rule"),
        /** A traffic filter. */
        FILTER("filter"),
        /** A flow of the base pipeline: default accept, established, invalid. */
        PIPELINE("pipeline"),
        /** The VPN server: only a client's own overlay address passes as source. */
        PORT_SECURITY("port-security"),
        /** A load balancer's VIP, passing the connection on to a member. */
        LOAD_BALANCER("load-balancer"),
        /** Delivered to a host without a CNSMO switch (the controller, a bundle client). */
        DELIVERED("delivered"),
        /** No host holds the address on the overlay, or nothing listens on the port. */
        NO_HOST("no-host");

        private final String label;

        Kind(final String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Element {
        requireNonNull(kind);
        requireNonNull(name);
    }

    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}
