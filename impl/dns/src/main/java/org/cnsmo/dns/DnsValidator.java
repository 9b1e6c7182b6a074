/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.cnsmo.api.validation.Violation;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;

/**
 * Checks overlay DNS configuration beyond what YANG expresses: each record's value suits its type, and
 * CNAME records do not point back to themselves, directly or through other records.
 */
final class DnsValidator {
    static final String DEFAULT_DOMAIN = "overlay";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private DnsValidator() {
        // utility class
    }

    static List<Violation> validate(final Dns after) {
        final var configured = after.getDomain();
        final var domain = withoutFinalDot(lower(configured == null ? DEFAULT_DOMAIN : configured.getValue()));
        final var records = after.nonnullRecord().values().stream()
            .sorted(Comparator.comparing(Record::getName))
            .toList();
        // Record names as configured, by the lower-case form under which DNS looks them up.
        final var names = new HashMap<String, String>();
        final var violations = new ArrayList<Violation>();
        for (var record : records) {
            final var first = names.putIfAbsent(lower(record.getName()), record.getName());
            if (first != null) {
                // DNS names are case-insensitive: both records would answer the same queries.
                violations.add(new Violation("dns/record=" + record.getName() + "/name", "record '"
                    + record.getName() + "' has the same name as record '" + first + "' (DNS ignores case)"));
            }
        }

        final var aliases = new HashMap<String, String>();
        for (var record : records) {
            final var target = checkValue(record, domain, violations);
            if (target != null && names.containsKey(target)) {
                aliases.putIfAbsent(lower(record.getName()), target);
            }
        }
        checkLoops(records, aliases, names, violations);
        return violations;
    }

    /**
     * Checks a record's value and, for a valid CNAME inside the overlay domain, returns the lower-case name
     * of the record it designates.
     */
    private static @Nullable String checkValue(final Record record, final String domain,
            final List<Violation> violations) {
        final var type = record.getType();
        final var value = record.getValue();
        if (type == null) {
            violations.add(Violation.missing("dns/record=" + record.getName() + "/type"));
        }
        if (value == null) {
            violations.add(Violation.missing(valuePath(record.getName())));
        }
        if (type == null || value == null) {
            return null;
        }
        final var path = valuePath(record.getName());
        switch (type) {
            case A -> {
                if (!isIpv4Address(value)) {
                    violations.add(new Violation(path, "value '" + value + "' of an A record is not an IPv4 address"));
                }
                return null;
            }
            case AAAA -> {
                if (!isIpv6Address(value)) {
                    violations.add(new Violation(path,
                        "value '" + value + "' of an AAAA record is not an IPv6 address"));
                }
                return null;
            }
            case CNAME -> {
                if (!isDnsName(value)) {
                    violations.add(new Violation(path,
                        "value '" + value + "' of a CNAME record is not a valid DNS name"));
                    return null;
                }
                final var target = recordName(value, domain);
                if (lower(record.getName()).equals(target)) {
                    violations.add(new Violation(path,
                        "value '" + value + "' of a CNAME record is the record's own name"));
                    return null;
                }
                return target;
            }
            default -> throw new IllegalStateException("Unhandled record type " + type);
        }
    }

    /**
     * Follows the CNAME records from each record and reports every loop found, once on each of its records.
     */
    private static void checkLoops(final List<Record> records, final Map<String, String> aliases,
            final Map<String, String> names, final List<Violation> violations) {
        final var done = new HashSet<String>();
        for (var record : records) {
            final var path = new ArrayList<String>();
            final var onPath = new HashSet<String>();
            var current = lower(record.getName());
            while (current != null && !done.contains(current) && onPath.add(current)) {
                path.add(current);
                current = aliases.get(current);
            }
            if (current != null && !done.contains(current)) {
                // The walk came back to a name already on its path: the loop starts there.
                reportLoop(path.subList(path.indexOf(current), path.size()), names, violations);
            }
            done.addAll(path);
        }
    }

    private static void reportLoop(final List<String> loop, final Map<String, String> names,
            final List<Violation> violations) {
        final var members = loop.stream().map(names::get).toList();
        final int size = members.size();
        // One violation on each record of the loop, in name order, describing the loop from that record.
        IntStream.range(0, size).boxed().sorted(Comparator.comparing(members::get)).forEach(start -> {
            final var description = new StringBuilder("CNAME loop: ").append(members.get(start));
            for (int i = 1; i <= size; i++) {
                description.append(" -> ").append(members.get((start + i) % size));
            }
            violations.add(new Violation(valuePath(members.get(start)), description.toString()));
        });
    }

    /**
     * The lower-case name of the record a CNAME value designates, or {@code null} when it is an absolute
     * name outside the overlay domain (or the domain itself).
     */
    private static @Nullable String recordName(final String value, final String domain) {
        final var name = lower(value);
        if (!name.endsWith(".")) {
            return name;
        }
        final var absolute = withoutFinalDot(name);
        if (domain.isEmpty()) {
            return absolute;
        }
        final var suffix = "." + domain;
        return absolute.endsWith(suffix) ? absolute.substring(0, absolute.length() - suffix.length()) : null;
    }

    private static boolean isIpv4Address(final String value) {
        // The text check rules out IPv6 forms Java turns into IPv4 addresses, such as ::ffff:10.0.0.1.
        return value.indexOf(':') < 0 && value.indexOf('%') < 0 && InetAddresses.isInetAddress(value)
            && InetAddresses.forString(value) instanceof Inet4Address;
    }

    private static boolean isIpv6Address(final String value) {
        // A zone index (fe80::1%eth0) has no meaning in DNS; Guava would also look the interface up.
        return value.indexOf(':') >= 0 && value.indexOf('%') < 0 && InetAddresses.isInetAddress(value)
            && InetAddresses.forString(value) instanceof Inet6Address;
    }

    /**
     * Whether a value is a DNS name: dot-separated labels of 1 to 63 letters, digits and hyphens, neither
     * starting nor ending with a hyphen, with an optional final dot making it absolute.
     */
    static boolean isDnsName(final String value) {
        final var name = withoutFinalDot(value);
        if (name.isEmpty()) {
            return false;
        }
        for (var label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String valuePath(final String recordName) {
        return "dns/record=" + recordName + "/value";
    }

    private static String withoutFinalDot(final String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String lower(final String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
