/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.DnsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.RecordBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.DomainName;
import org.opendaylight.yangtools.binding.util.BindingMap;

class DnsValidatorTest {
    @Test
    void acceptsEmptyDns() {
        assertEquals(List.of(), DnsValidator.validate(new DnsBuilder().build()));
    }

    @Test
    void acceptsValidRecordsOfEachType() {
        assertEquals(List.of(), DnsValidator.validate(dns(null,
            record("db", RecordType.A, "10.8.0.20"),
            record("db6", RecordType.AAAA, "2001:db8::1"),
            record("db6-full", RecordType.AAAA, "2001:0db8:0000:0000:0000:0000:0000:0001"),
            record("www", RecordType.CNAME, "db"),
            record("web", RecordType.CNAME, "www.overlay."),
            record("mirror", RecordType.CNAME, "Mirror-1.Example.org."),
            record("deep", RecordType.CNAME, "a.b.c"))));
    }

    @Test
    void refusesNamesThatDifferOnlyInCase() {
        assertEquals(List.of(new Violation("dns/record=db/name",
                "record 'db' has the same name as record 'DB' (DNS ignores case)")),
            DnsValidator.validate(dns(null,
                record("db", RecordType.A, "10.8.0.20"),
                record("DB", RecordType.A, "10.8.0.21"))));
    }

    @Test
    void refusesRecordsWithoutTypeOrValueNamingTheLeaf() {
        assertEquals(List.of(
                new Violation("dns/record=a/value", "is required"),
                new Violation("dns/record=b/type", "is required")),
            DnsValidator.validate(dns(null,
                new RecordBuilder().setName("a").setType(RecordType.A).build(),
                new RecordBuilder().setName("b").setValue("10.8.0.1").build())));
    }

    @Test
    void refusesNonIpv4ValueOfARecord() {
        assertEquals(List.of(
                new Violation("dns/record=a1/value", "value '2001:db8::1' of an A record is not an IPv4 address"),
                new Violation("dns/record=a2/value", "value '10.8.0' of an A record is not an IPv4 address"),
                new Violation("dns/record=a3/value", "value 'db' of an A record is not an IPv4 address"),
                new Violation("dns/record=a4/value", "value '::ffff:10.8.0.1' of an A record is not an IPv4 address"),
                new Violation("dns/record=a5/value", "value '10.8.0.256' of an A record is not an IPv4 address")),
            DnsValidator.validate(dns(null,
                record("a1", RecordType.A, "2001:db8::1"),
                record("a2", RecordType.A, "10.8.0"),
                record("a3", RecordType.A, "db"),
                record("a4", RecordType.A, "::ffff:10.8.0.1"),
                record("a5", RecordType.A, "10.8.0.256"))));
    }

    @Test
    void refusesNonIpv6ValueOfAaaaRecord() {
        assertEquals(List.of(
                new Violation("dns/record=b1/value", "value '10.8.0.1' of an AAAA record is not an IPv6 address"),
                new Violation("dns/record=b2/value", "value '2001:db8::g' of an AAAA record is not an IPv6 address"),
                new Violation("dns/record=b3/value", "value 'fe80::1%eth0' of an AAAA record is not an IPv6 address"),
                new Violation("dns/record=b4/value", "value 'db' of an AAAA record is not an IPv6 address")),
            DnsValidator.validate(dns(null,
                record("b1", RecordType.AAAA, "10.8.0.1"),
                record("b2", RecordType.AAAA, "2001:db8::g"),
                record("b3", RecordType.AAAA, "fe80::1%eth0"),
                record("b4", RecordType.AAAA, "db"))));
    }

    @Test
    void refusesCnameValueThatIsNotDnsName() {
        final var longLabel = "x".repeat(64);
        assertEquals(List.of(
                new Violation("dns/record=c1/value", "value '-db' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c2/value", "value 'db-' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c3/value", "value 'db..overlay' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c4/value", "value 'my_db' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c5/value", "value '.' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c6/value",
                    "value '" + longLabel + "' of a CNAME record is not a valid DNS name"),
                new Violation("dns/record=c7/value", "value '10.8.0.1:53' of a CNAME record is not a valid DNS name")),
            DnsValidator.validate(dns(null,
                record("c1", RecordType.CNAME, "-db"),
                record("c2", RecordType.CNAME, "db-"),
                record("c3", RecordType.CNAME, "db..overlay"),
                record("c4", RecordType.CNAME, "my_db"),
                record("c5", RecordType.CNAME, "."),
                record("c6", RecordType.CNAME, longLabel),
                record("c7", RecordType.CNAME, "10.8.0.1:53"))));
    }

    @Test
    void acceptsLabelOf63Characters() {
        assertEquals(List.of(), DnsValidator.validate(dns(null, record("c", RecordType.CNAME, "x".repeat(63)))));
    }

    @Test
    void refusesCnameToOwnName() {
        assertEquals(List.of(
                new Violation("dns/record=db/value", "value 'DB' of a CNAME record is the record's own name"),
                new Violation("dns/record=web/value",
                    "value 'web.overlay.' of a CNAME record is the record's own name")),
            DnsValidator.validate(dns(null,
                record("web", RecordType.CNAME, "web.overlay."),
                record("db", RecordType.CNAME, "DB"))));
    }

    @Test
    void acceptsCnameToSameNameOutsideDomain() {
        assertEquals(List.of(), DnsValidator.validate(dns(null, record("web", RecordType.CNAME, "web.example.org."))));
    }

    @Test
    void refusesLoopOfTwoRecordsOnEachRecord() {
        assertEquals(List.of(
                new Violation("dns/record=a/value", "CNAME loop: a -> b -> a"),
                new Violation("dns/record=b/value", "CNAME loop: b -> a -> b")),
            DnsValidator.validate(dns(null,
                record("b", RecordType.CNAME, "a"),
                record("a", RecordType.CNAME, "b"))));
    }

    @Test
    void followsAbsoluteNamesInsideDomainCaseInsensitively() {
        assertEquals(List.of(
                new Violation("dns/record=a/value", "CNAME loop: a -> b -> c -> a"),
                new Violation("dns/record=b/value", "CNAME loop: b -> c -> a -> b"),
                new Violation("dns/record=c/value", "CNAME loop: c -> a -> b -> c")),
            DnsValidator.validate(dns(null,
                record("a", RecordType.CNAME, "B.Overlay."),
                record("b", RecordType.CNAME, "C"),
                record("c", RecordType.CNAME, "a.overlay."))));
    }

    @Test
    void usesConfiguredDomain() {
        assertEquals(List.of(
                new Violation("dns/record=a/value", "CNAME loop: a -> b -> a"),
                new Violation("dns/record=b/value", "CNAME loop: b -> a -> b")),
            DnsValidator.validate(dns("lab.example.",
                record("a", RecordType.CNAME, "b.lab.example."),
                record("b", RecordType.CNAME, "a"))));
        assertEquals(List.of(), DnsValidator.validate(dns("lab.example",
                record("a", RecordType.CNAME, "b.overlay."),
                record("b", RecordType.CNAME, "a"))));
    }

    @Test
    void treatsRelativeNameWithDomainSuffixAsRecordBelowIt() {
        // "b.overlay" without a final dot is b.overlay.overlay, not record b.
        assertEquals(List.of(), DnsValidator.validate(dns(null,
            record("a", RecordType.CNAME, "b.overlay"),
            record("b", RecordType.CNAME, "a"))));
    }

    @Test
    void reportsLoopOnlyOnItsRecords() {
        assertEquals(List.of(
                new Violation("dns/record=b/value", "CNAME loop: b -> c -> b"),
                new Violation("dns/record=c/value", "CNAME loop: c -> b -> c")),
            DnsValidator.validate(dns(null,
                record("a", RecordType.CNAME, "c"),
                record("b", RecordType.CNAME, "c"),
                record("c", RecordType.CNAME, "b"),
                record("d", RecordType.CNAME, "a"))));
    }

    @Test
    void acceptsChainEndingAtAddressOrMissingName() {
        assertEquals(List.of(), DnsValidator.validate(dns(null,
            record("a", RecordType.CNAME, "b"),
            record("b", RecordType.CNAME, "c"),
            record("c", RecordType.A, "10.8.0.3"),
            record("d", RecordType.CNAME, "agent-1"),
            record("e", RecordType.CNAME, "d"))));
    }

    private static Dns dns(final String domain, final Record... records) {
        return new DnsBuilder().setDomain(domain == null ? null : new DomainName(domain))
            .setRecord(BindingMap.of(records))
            .build();
    }

    private static Record record(final String name, final RecordType type, final String value) {
        return new RecordBuilder().setName(name).setType(type).setValue(value).build();
    }
}
