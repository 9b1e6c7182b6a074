/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

/**
 * The Open vSwitch (Nicira) wire constants of connection tracking, from nicira-ext.h and
 * lib/ofp-actions.c of Open vSwitch and ovs-fields(7).
 *
 * <pre>
 * struct nx_action_conntrack {      24 bytes, big endian
 *     be16 type = 0xffff (experimenter), be16 len = 24, be32 vendor = 0x00002320, be16 subtype = 35,
 *     be16 flags (1 commit, 2 force), be32 zone_src = 0 (immediate zone), be16 zone_imm,
 *     u8 recirc_table (255: none), u8 pad[3], be16 alg = 0 }
 * struct nx_action_ct_clear {       16 bytes: type, len = 16, vendor, subtype = 43, u8 pad[6] }
 * NXM_NX_CT_STATE                   class 0x0001, field 105, 32 bits, maskable:
 *     00 01 | d3 (105 &lt;&lt; 1 | hasmask) | 08 | value (4) | mask (4)
 * </pre>
 */
public final class NxWire {
    public static final long NX_VENDOR_ID = 0x0000_2320L;
    public static final int NXAST_CT = 35;
    public static final int NXAST_CT_CLEAR = 43;
    public static final int CT_LENGTH = 24;
    public static final int CT_CLEAR_LENGTH = 16;
    public static final int CT_FLAG_COMMIT = 1;
    public static final int RECIRC_NONE = 0xFF;

    public static final int NXM_1_CLASS = 0x0001;
    /** NXM_0: the Nicira class of the OpenFlow 1.0 fields, among them the masked transport ports. */
    public static final int NXM_0_CLASS = 0x0000;
    /** NXM_OF_TCP_DST. */
    public static final int TCP_DST_FIELD = 10;
    /** NXM_OF_UDP_DST. */
    public static final int UDP_DST_FIELD = 12;
    public static final int PORT_LENGTH = Short.BYTES;
    public static final int CT_STATE_FIELD = 105;
    public static final int CT_STATE_LENGTH = Integer.BYTES;

    private NxWire() {
        // constants only
    }
}
