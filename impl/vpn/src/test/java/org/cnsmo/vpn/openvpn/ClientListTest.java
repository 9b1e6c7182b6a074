/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientListTest {
    @Test
    void readsClientsByColumnNameWithTheAddressesLearntForThem() {
        final var clients = ClientList.parse(List.of(
            "TITLE\tOpenVPN 2.6.14 x86_64-pc-linux-gnu",
            "TIME\t2026-11-21 12:00:00\t1763726400",
            "HEADER\tCLIENT_LIST\tCommon Name\tReal Address\tVirtual Address\tVirtual IPv6 Address\tBytes Received"
                + "\tBytes Sent\tConnected Since\tConnected Since (time_t)\tUsername\tClient ID\tPeer ID"
                + "\tData Channel Cipher",
            "CLIENT_LIST\tn1\t10.97.0.11:41000\t\t\t4567\t3456\t2026-11-21 11:59:00\t1763726340\tUNDEF\t0\t0"
                + "\tAES-256-GCM",
            "HEADER\tROUTING_TABLE\tVirtual Address\tCommon Name\tReal Address\tLast Ref\tLast Ref (time_t)",
            "ROUTING_TABLE\t2a:bb:cc:dd:ee:ff\tn1\t10.97.0.11:41000\t2026-11-21 12:00:00\t1763726400",
            "ROUTING_TABLE\t02:00:0A:09:00:32@0\tn1\t10.97.0.11:41000\t2026-11-21 12:00:00\t1763726400",
            "ROUTING_TABLE\t02:00:0a:09:00:33\tgone\t10.97.0.12:41000\t2026-11-21 12:00:00\t1763726400",
            "GLOBAL_STATS\tMax bcast/mcast queue length\t0",
            "END"));

        assertEquals(List.of(new ConnectedClient("n1", "10.97.0.11:41000", 4567, 3456,
            Instant.ofEpochSecond(1763726340), List.of("2a:bb:cc:dd:ee:ff", "02:00:0a:09:00:32"))), clients);
    }

    @Test
    void noClientsIsAnEmptyList() {
        assertEquals(List.of(), ClientList.parse(List.of("TITLE\tx",
            "HEADER\tCLIENT_LIST\tCommon Name\tReal Address", "END")));
    }

    @Test
    void rowWithoutHeaderIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ClientList.parse(List.of("CLIENT_LIST\tn1")));
    }
}
