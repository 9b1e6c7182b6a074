/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the answer to the management command {@code status 3}: tab-separated rows, with HEADER rows that
 * name the columns of the CLIENT_LIST and ROUTING_TABLE rows. Columns are found by name, so added columns do
 * no harm. Pure.
 */
public final class ClientList {
    private static final String NAME = "Common Name";
    private static final String REAL_ADDRESS = "Real Address";
    private static final String BYTES_RECEIVED = "Bytes Received";
    private static final String BYTES_SENT = "Bytes Sent";
    private static final String SINCE = "Connected Since (time_t)";
    private static final String VIRTUAL_ADDRESS = "Virtual Address";

    private ClientList() {
        // utility class
    }

    /**
     * The connected clients.
     *
     * @param status the lines of the status answer
     * @return the clients, in the order listed
     * @throws IllegalArgumentException if the answer has CLIENT_LIST rows but no header for them
     */
    public static List<ConnectedClient> parse(final List<String> status) {
        List<String> header = null;
        List<String> routeHeader = null;
        final var rows = new ArrayList<List<String>>();
        final var learned = new HashMap<String, List<String>>();
        for (var line : status) {
            final var fields = Arrays.asList(line.split("\t", -1));
            if (fields.size() > 1 && fields.get(0).equals("HEADER") && fields.get(1).equals("CLIENT_LIST")) {
                header = fields.subList(1, fields.size());
            } else if (fields.size() > 1 && fields.get(0).equals("HEADER")
                    && fields.get(1).equals("ROUTING_TABLE")) {
                routeHeader = fields.subList(1, fields.size());
            } else if (fields.get(0).equals("CLIENT_LIST")) {
                if (header == null) {
                    throw new IllegalArgumentException("CLIENT_LIST row before its HEADER: " + line);
                }
                rows.add(fields);
            } else if (fields.get(0).equals("ROUTING_TABLE")) {
                if (routeHeader == null) {
                    throw new IllegalArgumentException("ROUTING_TABLE row before its HEADER: " + line);
                }
                // A MAC address learnt on a VLAN is listed as MAC@VID.
                final var address = field(routeHeader, fields, VIRTUAL_ADDRESS).split("@", 2)[0];
                learned.computeIfAbsent(field(routeHeader, fields, NAME), name -> new ArrayList<>())
                    .add(address.toLowerCase(Locale.ROOT));
            }
        }
        final var clients = new ArrayList<ConnectedClient>();
        for (var fields : rows) {
            clients.add(client(header, fields, learned));
        }
        return clients;
    }

    private static ConnectedClient client(final List<String> header, final List<String> fields,
            final Map<String, List<String>> learned) {
        final var name = field(header, fields, NAME);
        return new ConnectedClient(name, field(header, fields, REAL_ADDRESS),
            number(header, fields, BYTES_RECEIVED), number(header, fields, BYTES_SENT),
            Instant.ofEpochSecond(number(header, fields, SINCE)), learned.getOrDefault(name, List.of()));
    }

    private static long number(final List<String> header, final List<String> fields, final String column) {
        final var text = field(header, fields, column);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Column '" + column + "' holds '" + text + "', not a number", e);
        }
    }

    private static String field(final List<String> header, final List<String> fields, final String column) {
        final int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + column + "' in " + header);
        }
        return index < fields.size() ? fields.get(index) : "";
    }
}
