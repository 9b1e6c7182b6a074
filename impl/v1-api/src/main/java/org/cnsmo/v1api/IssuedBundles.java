/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The VPN bundles issued over v1, kept in memory so that the four GETs that follow the POST (as the original
 * GUI makes them) can fetch each file. Only the newest {@value #MAX} are kept, and nothing survives a restart:
 * the private key exists only here and in the client's hands, never on the controller's disk.
 */
final class IssuedBundles {
    private static final int MAX = 256;

    /**
     * The four files of one bundle.
     *
     * @param key client.key
     * @param cert client.crt
     * @param config client.conf
     * @param ca ca.crt
     */
    record Files(String key, String cert, String config, String ca) {
        Optional<String> file(final String which) {
            return Optional.ofNullable(switch (which) {
                case "key" -> key;
                case "cert" -> cert;
                case "config" -> config;
                case "ca" -> ca;
                default -> null;
            });
        }
    }

    private final Map<String, Files> bundles = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Files> eldest) {
            return size() > MAX;
        }
    };

    synchronized void put(final String name, final Files files) {
        bundles.put(name, files);
    }

    synchronized Optional<Files> get(final String name) {
        return Optional.ofNullable(bundles.get(name));
    }
}
