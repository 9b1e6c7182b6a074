/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cnsmo.api.files.PrivateFiles;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.vpn.pki.PkiStore;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the VPN configuration into a running OpenVPN server: its configuration file, one
 * {@code client-config-dir} file per active client, revocations, and the process itself. A client that is
 * revoked or removed loses its file, its certificate is put on the CRL as on hold, and it is disconnected at
 * once; a client that is active again has its certificate taken off hold. Confined to the VPN
 * service's thread.
 */
public final class ServerRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRenderer.class);
    private static final String RULES = "port-security.nft";
    private static final String MAC_TABLE = "client-macs";

    private final PkiStore pki;
    private final Path dir;
    private final String binary;
    private final ProcessSupervisor supervisor;
    private final ManagementConsole console;
    private final RuleLoader rules;
    private ServerSettings settings = ServerSettings.of(null);
    private List<Integer> serverHeld = List.of();
    private Map<String, Client> clients = Map.of();
    private @Nullable Set<String> active;

    /**
     * A renderer.
     *
     * @param pki the PKI
     * @param dir directory for the server's files
     * @param binary the openvpn executable
     * @param supervisor the supervisor of the openvpn process
     * @param console the server's management interface
     * @param rules loads the port security rules into the kernel while the server runs
     */
    public ServerRenderer(final PkiStore pki, final Path dir, final String binary,
            final ProcessSupervisor supervisor, final ManagementConsole console, final RuleLoader rules) {
        this.pki = requireNonNull(pki);
        this.dir = requireNonNull(dir);
        this.binary = requireNonNull(binary);
        this.supervisor = requireNonNull(supervisor);
        this.console = requireNonNull(console);
        this.rules = requireNonNull(rules);
    }

    public static ServerFiles files(final PkiStore pki, final Path dir) {
        return new ServerFiles(pki.caCertificateFile(), pki.serverCertificateFile(), pki.serverKeyFile(),
            pki.crlFile(), dir.resolve("ccd"), dir.resolve("management.sock"), dir.resolve("status"),
            dir.resolve("port-security"));
    }

    public ServerSettings settings() {
        return settings;
    }

    public Map<String, Client> clients() {
        return clients;
    }

    public boolean isRunning() {
        return supervisor.isRunning();
    }

    /**
     * Applies a new configuration.
     *
     * @param vpn the VPN configuration, or {@code null} when there is none
     * @param dns the DNS configuration, or {@code null} when there is none
     * @throws IOException if the server's files cannot be written
     */
    public void apply(final @Nullable Vpn vpn, final @Nullable Dns dns) throws IOException {
        apply(vpn, dns, List.of());
    }

    /**
     * Applies the configuration, with the addresses the server's bridge holds besides its own.
     *
     * @param vpn the VPN configuration, or {@code null} when there is none
     * @param dns the DNS configuration, or {@code null} when there is none
     * @param vips the load balancers' VIPs, which the controller host holds on the overlay
     * @throws IOException if the server's files cannot be written
     */
    public void apply(final @Nullable Vpn vpn, final @Nullable Dns dns, final List<Integer> vips)
            throws IOException {
        serverHeld = List.copyOf(vips);
        settings = ServerSettings.of(vpn == null ? null : vpn.getServer(), dns);
        final var byName = new LinkedHashMap<String, Client>();
        if (vpn != null) {
            vpn.nonnullClient().values().forEach(client -> byName.put(client.getName().getValue(), client));
        }
        clients = Map.copyOf(byName);
        final var nowActive = new TreeSet<String>();
        byName.forEach((name, client) -> {
            if (!Boolean.TRUE.equals(client.getRevoked())) {
                nowActive.add(name);
            }
        });

        // A revoked client, and one whose entry is gone (at start: gone while the controller was down), has
        // its certificate put on hold: it is shut out, and restoring the entry or setting revoked back to
        // false lets the same certificate in again. Only a new certificate for the name revokes it for good.
        final var shutOut = new HashSet<>(active == null ? knownNames() : active);
        shutOut.removeAll(nowActive);
        for (var name : shutOut) {
            if (pki.hold(name)) {
                LOG.info("Put the certificate of VPN client {} on hold", name);
            }
        }
        for (var name : nowActive) {
            if (pki.release(name)) {
                LOG.info("Took the certificate of VPN client {} off hold", name);
            }
        }
        active = nowActive;
        writeClientFiles(nowActive);
        // The rules are in place before a new client can connect, and before the server starts (its up hook
        // loads them).
        final boolean rulesChanged = writePortSecurity(nowActive);
        final boolean wasRunning = supervisor.isRunning();
        runServer();
        if (supervisor.isRunning()) {
            shutOut.forEach(this::disconnect);
            if (rulesChanged && wasRunning) {
                rules.load(dir.resolve(RULES));
                LOG.info("Loaded the overlay's port security rules for {} clients", nowActive.size());
            }
        }
    }

    private Set<String> knownNames() throws IOException {
        final var names = new HashSet<>(pki.issuedNames());
        names.addAll(pki.heldNames());
        return names;
    }

    /**
     * Stops the server.
     */
    public void stop() {
        supervisor.stop();
    }

    private void runServer() throws IOException {
        if (!settings.enabled()) {
            supervisor.stop();
            return;
        }
        final var files = files(pki, dir);
        final var config = dir.resolve("server.conf");
        final boolean changed = PrivateFiles.update(config, ServerConfig.render(settings, files));
        final boolean wasRunning = supervisor.isRunning();
        supervisor.run(List.of(binary, "--config", config.toString()));
        if (changed && wasRunning) {
            LOG.info("The VPN server configuration changed; restarting OpenVPN");
            supervisor.restart();
        }
    }

    private boolean writePortSecurity(final Set<String> names) throws IOException {
        final var activeClients = new LinkedHashMap<String, Client>();
        names.forEach(name -> activeClients.put(name, clients.get(name)));
        final var bindings = PortSecurity.bindings(settings, activeClients);
        final var script = files(pki, dir).portSecurityScript();
        final boolean macsChanged = PrivateFiles.update(dir.resolve(MAC_TABLE), PortSecurity.macTable(bindings));
        final boolean rulesChanged = PrivateFiles.update(dir.resolve(RULES), PortSecurity.rules(settings, bindings,
            serverHeld));
        PrivateFiles.update(script, PortSecurity.script(settings, dir.resolve(RULES), dir.resolve(MAC_TABLE)));
        // Executable by the controller's user only; written 0600 first, so never readable by others.
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        if (macsChanged) {
            LOG.debug("Client MAC table now holds {} clients", bindings.size());
        }
        return rulesChanged;
    }

    private void writeClientFiles(final Set<String> names) throws IOException {
        final var clientDir = PrivateFiles.directory(dir.resolve("ccd"));
        final var wanted = new HashSet<String>();
        for (var name : names) {
            final var address = clients.get(name).getStaticAddress();
            if (address != null) {
                PrivateFiles.update(clientDir.resolve(name),
                    ServerConfig.clientFile(settings.subnet(), Ipv4Network.parseAddress(address.getValue())));
                wanted.add(name);
            }
        }
        try (var files = Files.newDirectoryStream(clientDir)) {
            for (var file : files) {
                if (!wanted.contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
    }

    private void disconnect(final String name) {
        try {
            if (console.kill(name)) {
                LOG.info("Disconnected VPN client {}", name);
            }
        } catch (IOException e) {
            LOG.warn("Cannot disconnect VPN client {}; it stays out once its session ends", name, e);
        }
    }
}
