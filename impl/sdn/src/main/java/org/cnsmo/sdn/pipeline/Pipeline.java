/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The OpenFlow pipeline CNSMO installs on every node's bridge, in one place.
 *
 * <pre>
 * table 0  INGRESS       p40000  traffic filters: tcp, ip_dst=prefix, tcp_dst=port -&gt; drop
 *                        p100    in_port=uplink -&gt; goto 10   (towards the node: direction "in")
 *                        p0      anything else  -&gt; goto 20   (from the node: direction "out")
 * table 10 FIREWALL_IN   p1000+rule priority: a rule -&gt; goto 30 (accept) | drop
 *                                | meter 1, CONTROLLER (reject: at most the reject budget reaches the controller)
 *                        p0      -&gt; goto 30 (no rule matched: accept)
 * table 20 FIREWALL_OUT  same as table 10 for direction "out"
 * table 30 FORWARD       p0      -&gt; NORMAL (the bridge switches as a learning switch)
 * </pre>
 *
 * <p>Every flow carries a cookie naming the intent that produced it (see {@link Cookies}), so
 * statistics map back to filters and rules, and flows of other applications are never touched.
 */
public final class Pipeline {
    public static final Uint8 TABLE_INGRESS = Uint8.valueOf(0);
    public static final Uint8 TABLE_FIREWALL_IN = Uint8.valueOf(10);
    public static final Uint8 TABLE_FIREWALL_OUT = Uint8.valueOf(20);
    public static final Uint8 TABLE_FORWARD = Uint8.valueOf(30);

    /** Traffic filters outrank everything: a filter blocks even what a firewall rule accepts. */
    public static final int PRIORITY_FILTER = 40_000;
    /** Steers packets from the uplink port to the inbound firewall table. */
    public static final int PRIORITY_CLASSIFY_UPLINK = 100;
    /** A firewall rule of priority p (1..1000) becomes a flow of priority base + p. */
    public static final int PRIORITY_RULE_BASE = 1_000;
    /** Table-miss flows: fall through to the next stage. */
    public static final int PRIORITY_DEFAULT = 0;

    /** Bytes of a rejected packet sent to the controller: enough for Ethernet, IPv4 and L4 headers. */
    public static final int REJECT_PACKET_IN_BYTES = 128;
    /**
     * The meter every reject flow goes through before its packet-in, on every node's switch: a flood at a
     * reject rule costs the controller at most {@link #REJECT_PER_SECOND} packets per second per switch.
     */
    public static final long REJECT_METER_ID = 1;
    /** Rejected packets per second and switch that reach the controller, and are answered. */
    public static final int REJECT_PER_SECOND = 100;
    /** Rejected packets a switch may send the controller at once, above the rate. */
    public static final int REJECT_BURST = 50;

    private Pipeline() {
        // constants only
    }
}
