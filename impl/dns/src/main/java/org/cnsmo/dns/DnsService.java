/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.dns.server.DnsmasqConfig;
import org.cnsmo.dns.server.ZoneRecords;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overlay DNS service: a dnsmasq supervised by the controller on the VPN server's overlay address,
 * answering the configured records and {@code <node>.<domain>} for every node with an overlay address.
 * Address records reach dnsmasq through a watched hosts directory, without a restart; a change of CNAMEs,
 * domain or upstream servers restarts it. Its files live in {@code <karaf home>/cnsmo-dns}, readable by
 * dnsmasq's unprivileged user.
 */
@Component(service = { })
public final class DnsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsService.class);
    static final String DEFAULT_DOMAIN = "overlay";
    private static final String DEFAULT_SUBNET = "10.8.0.0/24";
    private static final long POLL_MILLIS = 2_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("cnsmo-dns-%d").setDaemon(true).build());
    private final List<Registration> registrations = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final Path dir;
    private final ProcessSupervisor supervisor;
    private final DnsStatusWriter status;
    private final ScheduledFuture<?> poller;
    // Confined to the executor.
    private Dns dns;
    private Vpn vpn;
    private Nodes nodes;
    private int recordCount;

    @Activate
    public DnsService(@Reference final DataBroker dataBroker) throws IOException {
        dir = Path.of(System.getProperty("karaf.home", ".")).resolve("cnsmo-dns");
        Files.createDirectories(dir.resolve("hosts"));
        Files.createDirectories(dir.resolve("staging"));
        supervisor = new ProcessSupervisor("dnsmasq", dir.resolve("dnsmasq.log"), executor, clock);
        status = new DnsStatusWriter(dataBroker, clock);
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Dns.class).build(), new ContainerListener<Dns>(value -> {
                dns = value;
                render();
            }, executor)));
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Vpn.class).build(), new ContainerListener<Vpn>(value -> {
                vpn = value;
                render();
            }, executor)));
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Nodes.class).build(), new ContainerListener<Nodes>(value -> {
                nodes = value;
                render();
            }, executor)));
        poller = executor.scheduleWithFixedDelay(this::publish, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("CNSMO DNS service started; its files are in {}", dir);
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        poller.cancel(false);
        registrations.reversed().forEach(Registration::close);
        executor.execute(supervisor::stop);
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
        LOG.info("CNSMO DNS service stopped");
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void render() {
        // An exception escaping here would be lost in the executor.
        try {
            if (dns == null || !Boolean.TRUE.equals(dns.getEnabled())) {
                supervisor.stop();
                recordCount = 0;
            } else {
                apply();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot apply the DNS configuration", e);
        }
        publish();
    }

    private void apply() throws IOException {
        final var domain = dns.getDomain() == null ? DEFAULT_DOMAIN : dns.getDomain().getValue();
        final var zone = ZoneRecords.of(domain, List.copyOf(dns.nonnullRecord().values()), nodeAddresses());
        recordCount = zone.count();
        // dnsmasq watches the hosts directory: a file moved in whole is read whole.
        final var staged = dir.resolve("staging").resolve("records");
        Files.writeString(staged, zone.hostsFile());
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(staged, dir.resolve("hosts").resolve("records"), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);

        final var upstreams = dns.getUpstreamServer() == null ? List.<String>of()
            : dns.getUpstreamServer().stream().map(IpAddress::stringValue).toList();
        final var config = DnsmasqConfig.render(listenAddress(), domain, upstreams, dir.resolve("hosts"),
            zone.cnames());
        final var file = dir.resolve("dnsmasq.conf");
        final boolean changed = !Files.isRegularFile(file) || !Files.readString(file).equals(config);
        if (changed) {
            Files.writeString(file, config);
        }
        final boolean wasRunning = supervisor.isRunning();
        supervisor.run(List.of(dnsmasq(), "--keep-in-foreground", "--conf-file=" + file));
        if (changed && wasRunning) {
            supervisor.restart();
        }
    }

    /** The VPN server's overlay address: the first host address of the VPN subnet. */
    private String listenAddress() {
        final var server = vpn == null ? null : vpn.getServer();
        final var subnet = server == null || server.getSubnet() == null ? DEFAULT_SUBNET
            : server.getSubnet().getValue();
        return Ipv4Network.formatAddress(Ipv4Network.parse(subnet).networkAddress() + 1);
    }

    /** The overlay address of every node that holds one: its VPN client's, unless revoked. */
    private HashMap<String, String> nodeAddresses() {
        final var addresses = new HashMap<String, String>();
        if (nodes == null || vpn == null) {
            return addresses;
        }
        final var clients = vpn.nonnullClient();
        for (var node : nodes.nonnullNode().values()) {
            final var client = clients.get(new org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientKey(
                node.getName()));
            if (client != null && client.getStaticAddress() != null && !Boolean.TRUE.equals(client.getRevoked())) {
                addresses.put(node.getName().getValue(), client.getStaticAddress().getValue());
            }
        }
        return addresses;
    }

    /** Runs on every poll: an exception escaping it would cancel the poller for good. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void publish() {
        try {
            publishStatus();
        } catch (RuntimeException e) {
            LOG.error("Cannot publish the DNS status; trying again in {} ms", POLL_MILLIS, e);
        }
    }

    private void publishStatus() {
        final boolean enabled = dns != null && Boolean.TRUE.equals(dns.getEnabled());
        final Optional<String> problem = enabled ? supervisor.problem() : Optional.of(
            "the DNS server is disabled (dns/enabled is false)");
        status.publish(problem, recordCount);
    }

    private static String dnsmasq() {
        return Files.isExecutable(Path.of("/usr/sbin/dnsmasq")) ? "/usr/sbin/dnsmasq" : "dnsmasq";
    }
}
