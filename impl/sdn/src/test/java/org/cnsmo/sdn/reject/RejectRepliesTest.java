/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.reject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectRepliesTest {
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 0xB};
    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 0xA};
    private static final byte[] IP_B = {10, 99, 0, 2};
    private static final byte[] IP_A = {10, 99, 0, 1};

    @Test
    void synGetsResetAcknowledgingIt() {
        final var reply = ByteBuffer.wrap(RejectReplies.reply(tcp(0x02, 1000, 0, 0)).orElseThrow());
        assertArrayEquals(MAC_B, slice(reply, 0, 6), "back to the sender");
        assertArrayEquals(MAC_A, slice(reply, 6, 6));
        assertArrayEquals(IP_A, slice(reply, 26, 4));
        assertArrayEquals(IP_B, slice(reply, 30, 4));
        assertEquals(6, reply.get(23));
        assertEquals(7005, reply.getShort(34) & 0xFFFF, "from the refused port");
        assertEquals(40000, reply.getShort(36) & 0xFFFF);
        assertEquals(0, reply.getInt(38), "seq");
        assertEquals(1001, reply.getInt(42), "ack = syn seq + 1");
        assertEquals(0x14, reply.get(47), "RST|ACK");
        assertChecksumsValid(reply.array());
    }

    @Test
    void segmentWithAckGetsResetAtItsAckNumber() {
        final var reply = ByteBuffer.wrap(RejectReplies.reply(tcp(0x10, 5, 777, 0)).orElseThrow());
        assertEquals(777, reply.getInt(38));
        assertEquals(0x04, reply.get(47), "RST only");
        assertChecksumsValid(reply.array());
    }

    @Test
    void resetIsNeverAnswered() {
        assertTrue(RejectReplies.reply(tcp(0x04, 1, 0, 0)).isEmpty());
    }

    @Test
    void udpGetsPortUnreachableQuotingItsHeaders() {
        final var frame = udp();
        final var reply = ByteBuffer.wrap(RejectReplies.reply(frame).orElseThrow());
        assertEquals(1, reply.get(23), "ICMP");
        assertEquals(3, reply.get(34), "destination unreachable");
        assertEquals(3, reply.get(35), "port unreachable");
        assertArrayEquals(Arrays.copyOfRange(frame, 14, 14 + 28), slice(reply, 42, 28), "IP header + 8 bytes");
        assertChecksumsValid(reply.array());
    }

    @Test
    void multicastSourceAndNonIpAreIgnored() {
        final var multicast = tcp(0x02, 1, 0, 0);
        multicast[6] = 1;
        assertTrue(RejectReplies.reply(multicast).isEmpty());
        final var arp = tcp(0x02, 1, 0, 0);
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertTrue(RejectReplies.reply(arp).isEmpty());
        assertTrue(RejectReplies.reply(new byte[10]).isEmpty());
    }

    private static byte[] tcp(final int flags, final int seq, final int ack, final int payload) {
        final var frame = ByteBuffer.allocate(14 + 20 + 20 + payload);
        ipv4(frame, 6, 40 + payload);
        frame.putShort((short) 40000).putShort((short) 7005).putInt(seq).putInt(ack)
            .put((byte) 0x50).put((byte) flags).putShort((short) 64240).putShort((short) 0).putShort((short) 0);
        return frame.array();
    }

    private static byte[] udp() {
        final var frame = ByteBuffer.allocate(14 + 20 + 8 + 4);
        ipv4(frame, 17, 32);
        frame.putShort((short) 40000).putShort((short) 53).putShort((short) 12).putShort((short) 0).putInt(42);
        return frame.array();
    }

    private static void ipv4(final ByteBuffer frame, final int protocol, final int totalLength) {
        frame.put(MAC_A).put(MAC_B).putShort((short) 0x0800)
            .put((byte) 0x45).put((byte) 0).putShort((short) totalLength).putShort((short) 1).putShort((short) 0)
            .put((byte) 64).put((byte) protocol).putShort((short) 0).put(IP_B).put(IP_A);
    }

    private static byte[] slice(final ByteBuffer buffer, final int offset, final int length) {
        return Arrays.copyOfRange(buffer.array(), offset, offset + length);
    }

    /** A correct Internet checksum makes the sum over the covered bytes, checksum included, zero. */
    private static void assertChecksumsValid(final byte[] reply) {
        assertEquals(0, RejectReplies.checksum(reply, 14, 20, 0), "IPv4 header checksum");
        final int l4Length = reply.length - 34;
        if (reply[23] == 6) {
            long pseudo = 6 + l4Length;
            for (int i = 26; i < 34; i += 2) {
                pseudo += (reply[i] & 0xFF) << 8 | reply[i + 1] & 0xFF;
            }
            assertEquals(0, RejectReplies.checksum(reply, 34, l4Length, pseudo), "TCP checksum");
        } else {
            assertEquals(0, RejectReplies.checksum(reply, 34, l4Length, 0), "ICMP checksum");
        }
    }
}
