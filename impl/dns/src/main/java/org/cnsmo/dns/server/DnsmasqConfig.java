/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns.server;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders dnsmasq's configuration. Pure.
 *
 * <p>dnsmasq answers only on the controller's overlay address, from the hosts directory it watches (so
 * address records change without a restart) and from the {@code cname=} lines (which it reads only at
 * start). Names outside the overlay domain go to the upstream servers; with none, dnsmasq refuses them at
 * once. {@code bind-dynamic} lets it start before the VPN device holds the address.
 */
public final class DnsmasqConfig {
    private DnsmasqConfig() {
        // utility class
    }

    /**
     * The configuration file.
     *
     * @param listenAddress the overlay address to answer on
     * @param domain the overlay domain
     * @param upstreams upstream servers for other names
     * @param hostsDir the directory of hosts files
     * @param cnames the {@code cname=} lines
     * @return the text
     */
    public static String render(final String listenAddress, final String domain, final List<String> upstreams,
            final Path hostsDir, final List<String> cnames) {
        final var text = new StringBuilder()
            .append("# Written by the CNSMO controller; changes made here are overwritten.\n")
            .append("port=53\n")
            .append("listen-address=").append(listenAddress).append('\n')
            .append("bind-dynamic\n")
            .append("no-resolv\n")
            .append("no-hosts\n")
            .append("domain=").append(domain).append('\n')
            .append("local=/").append(domain).append("/\n")
            .append("hostsdir=").append(hostsDir).append('\n')
            .append("log-facility=-\n")
            // No pid file: the controller supervises the process itself.
            .append("pid-file=\n")
            // The unprivileged identity exists on every Debian system (the default one comes with a package).
            .append("user=nobody\n")
            .append("group=nogroup\n");
        upstreams.forEach(server -> text.append("server=").append(server).append('\n'));
        cnames.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
