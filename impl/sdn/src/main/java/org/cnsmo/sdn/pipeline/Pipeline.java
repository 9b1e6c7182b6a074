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
 * table 0  INGRESS         p40000  traffic filters: tcp, ip_dst=prefix, tcp_dst=port -&gt; drop (stateless)
 *                          p100    in_port=uplink -&gt; goto 10   (towards the node: direction "in")
 *                          p0      anything else  -&gt; goto 20   (from the node: direction "out")
 * table 10 FIREWALL_IN     p3100   tcp, tcp_flags=+rst; icmp, icmp_type=3 -&gt; goto 28  (refusals, untracked)
 *                          p3000   ip, ct_state=-trk      -&gt; ct(zone=Z, table=10)  (track, come back here)
 *                          p2950   ip, ct_state=+trk+inv  -&gt; drop
 *                          p2900   ip, ct_state=+trk+est  -&gt; goto 28   (a packet of a permitted connection)
 *                          p2900   ip, ct_state=+trk+rel  -&gt; goto 28   (related, e.g. an ICMP error)
 *                          p1000+rule priority: a new connection's rule -&gt; goto 25 (accept) | drop
 *                                  | meter 1, ct_clear, CONTROLLER (reject: at most the reject budget reaches the
 *                                  controller)
 *                          p1      ip, ct_state=+trk+new  -&gt; goto 25   (no rule matched: accept)
 *                          p0      -&gt; goto 28 (not IP, e.g. ARP: not tracked, not judged)
 * table 20 FIREWALL_OUT    same as table 10 for direction "out", tracking into table 20, without p3100
 * table 25 FIREWALL_COMMIT p0      ip -&gt; ct(commit, zone=Z), goto 28  (the connection is permitted from now on)
 * table 28 QOS             p200    ip, in_port=uplink -&gt; meter 3, goto 30  (an ingress bandwidth limit)
 *                          p100    in_port=uplink -&gt; goto 30   (received traffic is never marked)
 *                          p50     ip -&gt; [meter 2,] [set_field dscp,] goto 30  (an egress limit and/or marking)
 *                          p0      -&gt; goto 30
 *                          (p200 and p50 exist only on nodes a QoS policy names, once the switch holds its meter)
 * table 30 FORWARD         p0      -&gt; NORMAL (the bridge switches as a learning switch)
 * </pre>
 *
 * <p>Both directions of a connection cross the node's switch, so one connection tracking zone per switch
 * (Z, see {@link SwitchBinding#conntrackZone()}) holds them; a zone of its own keeps the switch's
 * connections apart from those of other bridges sharing its datapath. Rules judge only the first packet
 * of a connection: replies and later packets of an accepted connection pass, whatever the rules of the
 * other direction say. A rule that changes does not cut connections it accepted before.
 *
 * <p>Resets and ICMP destination-unreachable errors arriving from the overlay pass untracked: a reject
 * answer is a packet-out of the controller, and Open vSwitch 3.1's userspace datapath drops a packet-out
 * that needs a conntrack recirculation (measured: the miss upcall of the recirculated packet carries no
 * input port and is not translated). That happens when the rejecting switch's uplink is a patch port to
 * the peer's bridge on the same datapath; a refusal cannot open a connection, so passing it is safe to
 * the firewall's purpose.
 *
 * <p>QoS comes after the firewall: a packet is first judged, then marked and metered, so a meter counts and
 * drops only traffic the firewall let through, and a dropped packet never reached the connection tracker's
 * commit twice. Meter ids on every switch: {@link #REJECT_METER_ID} for the reject budget,
 * {@link #QOS_EGRESS_METER_ID} and {@link #QOS_INGRESS_METER_ID} for the node's QoS limits (at most one policy
 * per direction and node, so one meter each).
 *
 * <p>Every flow carries a cookie naming the intent that produced it (see {@link Cookies}), so
 * statistics map back to filters and rules, and flows of other applications are never touched.
 */
public final class Pipeline {
    public static final Uint8 TABLE_INGRESS = Uint8.valueOf(0);
    public static final Uint8 TABLE_FIREWALL_IN = Uint8.valueOf(10);
    public static final Uint8 TABLE_FIREWALL_OUT = Uint8.valueOf(20);
    public static final Uint8 TABLE_FIREWALL_COMMIT = Uint8.valueOf(25);
    public static final Uint8 TABLE_QOS = Uint8.valueOf(28);
    public static final Uint8 TABLE_FORWARD = Uint8.valueOf(30);

    /** Traffic filters outrank everything: a filter blocks even what a firewall rule accepts. */
    public static final int PRIORITY_FILTER = 40_000;
    /** Steers packets from the uplink port to the inbound firewall table. */
    public static final int PRIORITY_CLASSIFY_UPLINK = 100;
    /** Refusals (TCP resets, ICMP destination unreachable) from the overlay, passed untracked. */
    public static final int PRIORITY_CT_UNTRACKED = 3_100;
    /** Sends untracked IP packets through the connection tracker; outranks every rule. */
    public static final int PRIORITY_CT_TRACK = 3_000;
    /** Drops packets the connection tracker found invalid. */
    public static final int PRIORITY_CT_INVALID = 2_950;
    /** Passes packets of established and related connections before any rule sees them. */
    public static final int PRIORITY_CT_ESTABLISHED = 2_900;
    /** No rule matched a new IP connection: accept (and commit) it. */
    public static final int PRIORITY_CT_NEW = 1;
    /** A firewall rule of priority p (1..1000) becomes a flow of priority base + p. */
    public static final int PRIORITY_RULE_BASE = 1_000;
    /** An ingress bandwidth limit: IPv4 from the uplink through the ingress meter. */
    public static final int PRIORITY_QOS_INGRESS = 200;
    /** Everything from the uplink passes the QoS stage unmarked (unless an ingress limit outranks it). */
    public static final int PRIORITY_QOS_RECEIVED = 100;
    /** An egress limit or marking: IPv4 from the node's ports. */
    public static final int PRIORITY_QOS_EGRESS = 50;
    /** Table-miss flows: fall through to the next stage. */
    public static final int PRIORITY_DEFAULT = 0;

    /** Bytes of a rejected packet sent to the controller: enough for Ethernet, IPv4 and L4 headers. */
    public static final int REJECT_PACKET_IN_BYTES = 128;
    /**
     * The meter every reject flow goes through before its packet-in, on every node's switch: a flood at a
     * reject rule costs the controller at most {@link #REJECT_PER_SECOND} packets per second per switch.
     */
    public static final long REJECT_METER_ID = 1;
    /** The meter of an egress bandwidth limit, on the switch of each node a policy limits. */
    public static final long QOS_EGRESS_METER_ID = 2;
    /** The meter of an ingress bandwidth limit. */
    public static final long QOS_INGRESS_METER_ID = 3;
    /** Rejected packets per second and switch that reach the controller, and are answered. */
    public static final int REJECT_PER_SECOND = 100;
    /** Rejected packets a switch may send the controller at once, above the rate. */
    public static final int REJECT_BURST = 50;

    private Pipeline() {
        // constants only
    }
}
