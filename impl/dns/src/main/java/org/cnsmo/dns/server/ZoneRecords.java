/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.RecordType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;

/**
 * The records the overlay DNS server answers: the user's records, and {@code <node>.<domain>} for every node
 * that holds an overlay address (a user record of the same name wins). Rendered as a hosts file for A and
 * AAAA records, which dnsmasq reloads by itself, and as {@code cname=} lines. Pure.
 *
 * @param hosts the hosts file lines, {@code <address> <fqdn>}, sorted by name
 * @param cnames the {@code cname=<alias>,<target>} lines, sorted by alias
 */
public record ZoneRecords(List<String> hosts, List<String> cnames) {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Computes the records.
     *
     * @param domain the overlay domain
     * @param records the user's records
     * @param nodeAddresses the overlay address of each node, by node name
     * @return the records
     */
    public static ZoneRecords of(final String domain, final List<Record> records,
            final Map<String, String> nodeAddresses) {
        final var addresses = new TreeMap<String, String>();
        nodeAddresses.forEach((node, address) -> {
            final var name = node.toLowerCase(Locale.ROOT);
            if (isDnsName(name)) {
                addresses.put(fqdn(name, domain), address);
            }
        });
        final var cnames = new TreeMap<String, String>();
        for (var record : records) {
            final var name = fqdn(record.getName().toLowerCase(Locale.ROOT), domain);
            final var value = record.getValue();
            addresses.remove(name);
            if (record.getType() == RecordType.CNAME) {
                cnames.put(name, value.endsWith(".") ? value.substring(0, value.length() - 1)
                    : fqdn(value.toLowerCase(Locale.ROOT), domain));
            } else {
                addresses.put(name, value);
            }
        }
        // A user CNAME replaces a node's address record of the same name.
        cnames.keySet().forEach(addresses::remove);
        final var hosts = new ArrayList<String>();
        addresses.forEach((name, address) -> hosts.add(address + " " + name));
        final var aliases = new ArrayList<String>();
        cnames.forEach((alias, target) -> aliases.add("cname=" + alias + "," + target));
        return new ZoneRecords(List.copyOf(hosts), List.copyOf(aliases));
    }

    public int count() {
        return hosts.size() + cnames.size();
    }

    public String hostsFile() {
        return hosts.stream().map(line -> line + "\n").reduce("", String::concat);
    }

    private static String fqdn(final String name, final String domain) {
        return name + "." + domain.toLowerCase(Locale.ROOT);
    }

    private static boolean isDnsName(final String name) {
        for (var label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
