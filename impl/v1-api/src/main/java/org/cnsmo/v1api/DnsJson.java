/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.RecordBuilder;

/**
 * DNS records as the original's hosts-file lines: {@code "address name\n"} out, {@code "address name"}
 * in (a string, or a list of them). An IPv4 address makes an A record, an IPv6 one an AAAA record; CNAME
 * records have no hosts-file line and are not listed. Pure.
 */
final class DnsJson {
    static final String RECORDS = "dnsrecords";

    private DnsJson() {
        // utility class
    }

    /** {@code {"dns_records": ["10.8.0.6 agent1\n", ...]}}, sorted by name. */
    static JsonObject records(final Collection<Record> records) {
        final var lines = new JsonArray();
        records.stream()
            .filter(record -> record.getType() == RecordType.A || record.getType() == RecordType.AAAA)
            .sorted(Comparator.comparing(Record::getName))
            .forEach(record -> lines.add(record.getValue() + ' ' + record.getName() + '\n'));
        final var json = new JsonObject();
        json.add("dns_records", lines);
        return json;
    }

    /** The records of the body of {@code POST /services/dns/record}. */
    static List<Record> parse(final @Nullable JsonElement body) throws V1Error {
        final var object = Bodies.object(body, Set.of(RECORDS));
        final var value = object.get(RECORDS);
        if (value == null || value.isJsonNull()) {
            throw V1Error.badBody("\"" + RECORDS + "\" is required");
        }
        final var lines = new ArrayList<String>();
        if (value.isJsonArray()) {
            for (var element : value.getAsJsonArray()) {
                if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                    throw V1Error.badBody("\"" + RECORDS + "\" must be a string or a list of strings");
                }
                lines.add(element.getAsString());
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            lines.add(value.getAsString());
        } else {
            throw V1Error.badBody("\"" + RECORDS + "\" must be a string or a list of strings");
        }
        if (lines.isEmpty()) {
            throw V1Error.message(400, RECORDS + ": no record given");
        }
        final var records = new ArrayList<Record>();
        for (var line : lines) {
            records.add(record(line));
        }
        return records;
    }

    private static Record record(final String line) throws V1Error {
        final var fields = line.strip().split("\\s+");
        if (fields.length != 2 || fields[0].isEmpty()) {
            throw V1Error.message(400, RECORDS + ": '" + line.strip() + "' is not \"<address> <name>\"");
        }
        final var type = fields[0].contains(":") ? RecordType.AAAA : RecordType.A;
        try {
            return new RecordBuilder().setName(fields[1]).setType(type).setValue(fields[0]).build();
        } catch (IllegalArgumentException e) {
            throw Names.refused(RECORDS, line.strip(), e);
        }
    }
}
