/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What HAProxy's runtime API says of CNSMO's load balancers: the CSV answer to {@code show stat}, read by the
 * names in its header line, so that columns added by a later HAProxy do not matter. Pure.
 */
public final class HaproxyStats {
    /**
     * One load balancer.
     *
     * @param up whether its backend has a healthy member
     * @param members its members by name
     */
    public record Balancer(boolean up, Map<String, MemberStats> members) {
        public Balancer {
            members = Map.copyOf(members);
        }
    }

    /**
     * One member.
     *
     * @param healthy whether it passes its health checks
     * @param status HAProxy's status text (UP, DOWN, UP 1/3, NOLB, MAINT, no check)
     * @param currentSessions sessions it holds now
     * @param totalSessions sessions it has had
     * @param bytesIn bytes sent to it
     * @param bytesOut bytes it sent back
     * @param lastCheck the last check's result, as HAProxy describes it (for example {@code L4CON: Connection
     *     refused} or {@code L4OK: Layer4 check passed}), empty when none ran
     */
    public record MemberStats(boolean healthy, String status, long currentSessions, long totalSessions, long bytesIn,
            long bytesOut, Optional<String> lastCheck) {
    }

    private HaproxyStats() {
        // utility class
    }

    /**
     * Reads a {@code show stat} answer.
     *
     * @param csv the answer
     * @return each CNSMO load balancer by name (proxies not named {@code lb-...} are left out)
     * @throws IllegalArgumentException when the answer has no header line
     */
    public static Map<String, Balancer> parse(final String csv) {
        final var lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.getFirst().startsWith("# ")) {
            throw new IllegalArgumentException("not a 'show stat' answer: no header line");
        }
        final var columns = new HashMap<String, Integer>();
        final var header = lines.getFirst().substring(2).split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i], i);
        }
        final var members = new LinkedHashMap<String, Map<String, MemberStats>>();
        final var backendUp = new HashMap<String, Boolean>();
        for (var line : lines.subList(1, lines.size())) {
            final var row = new Row(List.of(line.split(",", -1)), columns);
            final var proxy = row.text("pxname");
            if (!proxy.startsWith(HaproxyConfig.PROXY_PREFIX)) {
                continue;
            }
            final var name = proxy.substring(HaproxyConfig.PROXY_PREFIX.length());
            final var server = row.text("svname");
            switch (server) {
                case "FRONTEND" -> {
                    // The VIP's side: nothing per member.
                }
                case "BACKEND" -> backendUp.put(name, row.text("status").startsWith("UP"));
                default -> {
                    final var status = row.text("status");
                    final var check = row.text("check_status");
                    final var info = row.text("last_chk");
                    final var description = info.isEmpty() ? row.text("check_desc") : info;
                    members.computeIfAbsent(name, key -> new LinkedHashMap<>()).put(server, new MemberStats(
                        status.startsWith("UP"), status, row.number("scur"), row.number("stot"), row.number("bin"),
                        row.number("bout"), check.isEmpty() ? Optional.empty()
                            : Optional.of(description.isEmpty() ? check : check + ": " + description)));
                }
            }
        }
        final var result = new LinkedHashMap<String, Balancer>();
        backendUp.forEach((name, up) -> result.put(name, new Balancer(up, members.getOrDefault(name, Map.of()))));
        return result;
    }

    private record Row(List<String> fields, Map<String, Integer> columns) {
        String text(final String column) {
            final var index = columns.get(column);
            return index == null || index >= fields.size() ? "" : fields.get(index).trim();
        }

        long number(final String column) {
            final var value = text(column);
            try {
                return value.isEmpty() ? 0 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
