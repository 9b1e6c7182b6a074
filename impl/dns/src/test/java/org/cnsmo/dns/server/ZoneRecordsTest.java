/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.RecordBuilder;

class ZoneRecordsTest {
    @Test
    void nodesGetNamesUnderTheDomainAndUserRecordsWin() {
        final var zone = ZoneRecords.of("overlay", List.of(record("db", RecordType.A, "10.8.0.20"),
            record("Web-1", RecordType.A, "10.8.0.99"), record("www", RecordType.CNAME, "db"),
            record("ext", RecordType.CNAME, "example.org.")),
            Map.of("web-1", "10.8.0.2", "Agent.1", "10.8.0.3", "bad_name", "10.8.0.4"));

        assertEquals(List.of("10.8.0.3 agent.1.overlay", "10.8.0.20 db.overlay", "10.8.0.99 web-1.overlay"),
            zone.hosts());
        assertEquals(List.of("cname=ext.overlay,example.org", "cname=www.overlay,db.overlay"), zone.cnames());
        assertEquals(5, zone.count());
    }

    @Test
    void userCnameReplacesANodeName() {
        final var zone = ZoneRecords.of("overlay", List.of(record("n1", RecordType.CNAME, "db")),
            Map.of("n1", "10.8.0.2"));
        assertEquals(List.of(), zone.hosts());
        assertEquals(List.of("cname=n1.overlay,db.overlay"), zone.cnames());
    }

    @Test
    void configAnswersOnlyOnTheOverlayAddressAndRefusesOtherNamesWithoutUpstream() {
        final var lines = DnsmasqConfig.render("10.8.0.1", "overlay", List.of(), Path.of("/d/hosts"),
            List.of("cname=www.overlay,db.overlay")).lines().toList();
        assertTrue(lines.containsAll(List.of("listen-address=10.8.0.1", "bind-dynamic", "no-resolv",
            "local=/overlay/", "hostsdir=/d/hosts", "cname=www.overlay,db.overlay")));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("server=")));
        assertTrue(DnsmasqConfig.render("10.8.0.1", "overlay", List.of("192.0.2.53"), Path.of("/d/hosts"),
            List.of()).lines().toList().contains("server=192.0.2.53"));
    }

    private static Record record(final String name, final RecordType type, final String value) {
        return new RecordBuilder().setName(name).setType(type).setValue(value).build();
    }
}
