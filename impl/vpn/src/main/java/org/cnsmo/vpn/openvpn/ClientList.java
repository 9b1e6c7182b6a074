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
import java.util.List;

/**
 * Parses the answer to the management command {@code status 3}: tab-separated rows, with a HEADER row that
 * names the columns of the CLIENT_LIST rows. Columns are found by name, so added columns do no harm. Pure.
 */
public final class ClientList {
    private static final String NAME = "Common Name";
    private static final String REAL_ADDRESS = "Real Address";
    private static final String BYTES_RECEIVED = "Bytes Received";
    private static final String BYTES_SENT = "Bytes Sent";
    private static final String SINCE = "Connected Since (time_t)";

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
        final var clients = new ArrayList<ConnectedClient>();
        for (var line : status) {
            final var fields = Arrays.asList(line.split("\t", -1));
            if (fields.size() > 1 && fields.get(0).equals("HEADER") && fields.get(1).equals("CLIENT_LIST")) {
                header = fields.subList(1, fields.size());
            } else if (fields.get(0).equals("CLIENT_LIST")) {
                if (header == null) {
                    throw new IllegalArgumentException("CLIENT_LIST row before its HEADER: " + line);
                }
                clients.add(client(header, fields));
            }
        }
        return clients;
    }

    private static ConnectedClient client(final List<String> header, final List<String> fields) {
        return new ConnectedClient(field(header, fields, NAME), field(header, fields, REAL_ADDRESS),
            number(header, fields, BYTES_RECEIVED), number(header, fields, BYTES_SENT),
            Instant.ofEpochSecond(number(header, fields, SINCE)));
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
