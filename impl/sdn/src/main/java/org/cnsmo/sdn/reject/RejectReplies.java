/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.reject;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Builds the answer that refuses a rejected packet, the way a host's firewall would: a TCP reset
 * for TCP, an ICMP port unreachable for UDP and ICMP echo requests. Works on the headers only, so
 * the switch needs to send no more than the first 128 bytes of a packet. Never answers a reset, an
 * ICMP error, a fragment other than the first, or a broadcast or multicast source. Pure.
 */
public final class RejectReplies {
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int IPV4_HEADER = 20;
    private static final int TCP_HEADER = 20;
    private static final int ICMP_HEADER = 8;
    private static final int PROTOCOL_ICMP = 1;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_UDP = 17;
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;
    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMP_UNREACHABLE = 3;
    private static final int ICMP_PORT_UNREACHABLE = 3;
    private static final int TTL = 64;
    private static final int DONT_FRAGMENT = 0x4000;
    private static final int FRAGMENT_OFFSET_MASK = 0x1FFF;
    private static final int ICMP_QUOTED_PAYLOAD = 8;

    private RejectReplies() {
        // utility
    }

    /**
     * The frame that refuses a rejected frame.
     *
     * @param frame the rejected Ethernet frame, possibly truncated after its L4 header
     * @return the refusal to send back out of the port the frame came from, if any
     */
    public static Optional<byte[]> reply(final byte[] frame) {
        final var in = ByteBuffer.wrap(frame);
        if (frame.length < ETHERNET_HEADER + IPV4_HEADER || (in.getShort(12) & 0xFFFF) != ETHERTYPE_IPV4
                || (frame[6] & 1) != 0) {
            return Optional.empty();
        }
        final int ip = ETHERNET_HEADER;
        final int headerLength = (frame[ip] & 0x0F) * 4;
        final int l4 = ip + headerLength;
        if ((frame[ip] >> 4 & 0x0F) != 4 || headerLength < IPV4_HEADER
                || (in.getShort(ip + 6) & FRAGMENT_OFFSET_MASK) != 0 || (frame[ip + 16] & 0xF0) >= 0xE0) {
            return Optional.empty();
        }
        return switch (frame[ip + 9] & 0xFF) {
            case PROTOCOL_TCP -> tcpReset(in, frame, l4);
            case PROTOCOL_UDP -> portUnreachable(frame, l4);
            case PROTOCOL_ICMP -> l4 < frame.length && (frame[l4] & 0xFF) == ICMP_ECHO_REQUEST
                ? portUnreachable(frame, l4) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<byte[]> tcpReset(final ByteBuffer in, final byte[] frame, final int tcp) {
        if (frame.length < tcp + TCP_HEADER) {
            return Optional.empty();
        }
        final int flags = frame[tcp + 13] & 0xFF;
        if ((flags & TCP_RST) != 0) {
            return Optional.empty();
        }
        final int ip = ETHERNET_HEADER;
        final int payload = (in.getShort(ip + 2) & 0xFFFF) - (tcp - ip) - (frame[tcp + 12] >> 4 & 0x0F) * 4;
        final long seq;
        final long ack;
        final int replyFlags;
        if ((flags & TCP_ACK) != 0) {
            seq = in.getInt(tcp + 8) & 0xFFFFFFFFL;
            ack = 0;
            replyFlags = TCP_RST;
        } else {
            seq = 0;
            ack = (in.getInt(tcp + 4) & 0xFFFFFFFFL) + Math.max(payload, 0) + ((flags & TCP_SYN) != 0 ? 1 : 0)
                + ((flags & TCP_FIN) != 0 ? 1 : 0);
            replyFlags = TCP_RST | TCP_ACK;
        }
        final var out = replyHeaders(frame, PROTOCOL_TCP, TCP_HEADER);
        final int l4 = ETHERNET_HEADER + IPV4_HEADER;
        out.putShort(l4, in.getShort(tcp + 2));
        out.putShort(l4 + 2, in.getShort(tcp));
        out.putInt(l4 + 4, (int) seq);
        out.putInt(l4 + 8, (int) ack);
        out.put(l4 + 12, (byte) (TCP_HEADER / 4 << 4));
        out.put(l4 + 13, (byte) replyFlags);
        out.putShort(l4 + 16, transportChecksum(out.array(), PROTOCOL_TCP, TCP_HEADER));
        return Optional.of(out.array());
    }

    private static Optional<byte[]> portUnreachable(final byte[] frame, final int l4) {
        final int quoted = Math.min(frame.length, l4 + ICMP_QUOTED_PAYLOAD) - ETHERNET_HEADER;
        final var out = replyHeaders(frame, PROTOCOL_ICMP, ICMP_HEADER + quoted);
        final int icmp = ETHERNET_HEADER + IPV4_HEADER;
        out.put(icmp, (byte) ICMP_UNREACHABLE);
        out.put(icmp + 1, (byte) ICMP_PORT_UNREACHABLE);
        out.put(icmp + ICMP_HEADER, frame, ETHERNET_HEADER, quoted);
        out.putShort(icmp + 2, checksum(out.array(), icmp, ICMP_HEADER + quoted, 0));
        return Optional.of(out.array());
    }

    /** Ethernet and IPv4 headers addressed back to the sender of a frame. */
    private static ByteBuffer replyHeaders(final byte[] frame, final int protocol, final int l4Length) {
        final var out = ByteBuffer.allocate(ETHERNET_HEADER + IPV4_HEADER + l4Length);
        out.put(frame, 6, 6).put(frame, 0, 6).putShort((short) ETHERTYPE_IPV4);
        final int ip = ETHERNET_HEADER;
        out.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + l4Length))
            .putShort((short) 0).putShort((short) DONT_FRAGMENT)
            .put((byte) TTL).put((byte) protocol).putShort((short) 0)
            .put(frame, ip + 16, 4).put(frame, ip + 12, 4);
        out.putShort(ip + 10, checksum(out.array(), ip, IPV4_HEADER, 0));
        return out;
    }

    private static short transportChecksum(final byte[] packet, final int protocol, final int length) {
        final int ip = ETHERNET_HEADER;
        long pseudo = protocol + length;
        for (int i = ip + 12; i < ip + 20; i += 2) {
            pseudo += (packet[i] & 0xFF) << 8 | packet[i + 1] & 0xFF;
        }
        return checksum(packet, ip + IPV4_HEADER, length, pseudo);
    }

    /** The Internet checksum (RFC 1071) of a byte range, starting from a partial sum. */
    static short checksum(final byte[] data, final int offset, final int length, final long initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            final int high = data[offset + i] & 0xFF;
            final int low = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            sum += high << 8 | low;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
