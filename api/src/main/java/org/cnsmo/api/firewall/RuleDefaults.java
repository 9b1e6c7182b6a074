/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.firewall;

import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.AddressMatch;

/**
 * A firewall rule's leaves with the model's defaults applied: the one place where the defaults of
 * {@code cnsmo-firewall} (protocol any, address-match destination, address-range 0.0.0.0/0, priority 100)
 * are written in Java. The validator and the SDN renderer read a rule through these. The YANG model stays the
 * only other copy: RESTCONF (netconf 9.0.1) refuses {@code with-defaults=report-all}, so the dashboard fills in
 * the defaults its build reads from the YANG modules (impl/dashboard/src/main/frontend/yang-defaults.mjs).
 */
public final class RuleDefaults {
    /** The YANG default of {@code protocol}. */
    public static final Protocol PROTOCOL = Protocol.Any;
    /** The YANG default of {@code address-match}. */
    public static final AddressMatch ADDRESS_MATCH = AddressMatch.Destination;
    /** The YANG default of {@code address-range}: any address. */
    public static final String ADDRESS_RANGE = "0.0.0.0/0";
    /** The YANG default of {@code priority}. */
    public static final int PRIORITY = 100;

    private RuleDefaults() {
        // utility
    }

    /** The rule's protocol, {@link #PROTOCOL} when it names none. */
    public static Protocol protocol(final Rule rule) {
        final var protocol = rule.getProtocol();
        return protocol == null ? PROTOCOL : protocol;
    }

    /** Which side of a packet the rule's address range matches, {@link #ADDRESS_MATCH} when it names none. */
    public static AddressMatch addressMatch(final Rule rule) {
        final var side = rule.getAddressMatch();
        return side == null ? ADDRESS_MATCH : side;
    }

    /** The rule's address range as written, {@link #ADDRESS_RANGE} when it names none. */
    public static String addressRange(final Rule rule) {
        final var range = rule.getAddressRange();
        return range == null ? ADDRESS_RANGE : range.getValue();
    }

    /**
     * The rule's address range as a network, for a validated rule.
     *
     * @throws IllegalArgumentException if the range is not an IPv4 prefix
     */
    public static Ipv4Network addressNetwork(final Rule rule) {
        return Ipv4Network.parse(addressRange(rule));
    }

    /** The rule's priority, {@link #PRIORITY} when it names none. */
    public static int priority(final Rule rule) {
        final var priority = rule.getPriority();
        return priority == null ? PRIORITY : priority.toJava();
    }
}
