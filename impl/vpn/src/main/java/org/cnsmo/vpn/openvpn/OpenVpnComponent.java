/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.files.PrivateFiles;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.vpn.VpnHome;
import org.cnsmo.vpn.enroll.NodeAgentWeb;
import org.cnsmo.vpn.pki.PkiStore;
import org.cnsmo.vpn.pki.VpnPki;
import org.cnsmo.vpn.rpc.VpnRpcs;
import org.cnsmo.vpn.status.ServerView;
import org.cnsmo.vpn.status.VpnStatus;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the OpenVPN server as the VPN and DNS configuration say ({@link ServerRenderer}), on its own thread,
 * and is the status's source of the server's state. It starts last of the VPN service's components (it
 * references the RPCs and the node agent's endpoint for that), and then says that the VPN service started.
 */
@Component(service = { })
@Designate(ocd = OpenVpnComponent.Configuration.class)
public final class OpenVpnComponent implements AutoCloseable {
    /** The OpenVPN server's settings. */
    @ObjectClassDefinition(name = "CNSMO OpenVPN server")
    public @interface Configuration {
        @AttributeDefinition(description = "The openvpn executable. Empty: /usr/sbin/openvpn or "
            + "/usr/local/sbin/openvpn, whichever exists, else openvpn from the PATH")
        String openvpnBinary() default "";

        @AttributeDefinition(description = "How long, in milliseconds, a command on the OpenVPN management "
            + "interface may take", min = "1")
        long managementTimeoutMillis() default 2_000;

        @AttributeDefinition(description = "The nft executable that loads the overlay's port security rules. "
            + "Empty: /usr/sbin/nft or /sbin/nft, whichever exists, else nft from the PATH")
        String nftBinary() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpenVpnComponent.class);

    private final ScheduledExecutorService executor;
    private final PkiStore pki;
    private final VpnStatus status;
    private final ProcessSupervisor supervisor;
    private final ServerRenderer renderer;
    private final List<Registration> registrations = new ArrayList<>();
    // Confined to the executor.
    private Vpn vpnConfig;
    /** Rendering before the VPN configuration is first read would revoke every client. */
    private boolean vpnRead;
    private Dns dnsConfig;
    private List<Integer> vips = List.of();
    private Map<String, X509Certificate> certificates = Map.of();

    /**
     * Starts rendering.
     *
     * @param broker the data broker
     * @param pki the PKI
     * @param status where the server's state is published
     * @param home the VPN service's directory
     * @param binary the openvpn executable
     * @param consoleTimeout how long a management command may take
     * @param rules loads the overlay's port security rules
     * @param clock the clock
     * @param executor the single thread the renderer runs on; shut down when this closes
     * @throws IOException if the server's directory cannot be created
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public OpenVpnComponent(final DataBroker broker, final PkiStore pki, final VpnStatus status, final Path home,
            final String binary, final Duration consoleTimeout, final RuleLoader rules, final Clock clock,
            final ScheduledExecutorService executor) throws IOException {
        this.executor = requireNonNull(executor);
        this.pki = requireNonNull(pki);
        this.status = requireNonNull(status);
        try {
            PrivateFiles.directory(home);
            final var openvpnDir = PrivateFiles.directory(VpnHome.openvpn(home));
            supervisor = new ProcessSupervisor("openvpn", openvpnDir.resolve("openvpn.log"), executor, clock);
            renderer = new ServerRenderer(pki, openvpnDir, binary, supervisor,
                new ManagementConsole(ServerRenderer.files(pki, openvpnDir).managementSocket(), consoleTimeout), rules);
            registrations.add(broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(Vpn.class).build(), new ContainerListener<Vpn>(vpn -> {
                    vpnConfig = vpn;
                    vpnRead = true;
                    apply();
                }, executor)));
            // The overlay DNS server, when it runs, is pushed to clients.
            registrations.add(broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(Dns.class).build(), new ContainerListener<Dns>(dns -> {
                    dnsConfig = dns;
                    apply();
                }, executor)));
            // The load balancers' VIPs live on the server's bridge: port security sends ARP for them there.
            registrations.add(broker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
                DataObjectReference.builder(LoadBalancers.class).build(), new ContainerListener<LoadBalancers>(
                    lbs -> {
                        vips = vipsOf(lbs);
                        apply();
                    }, executor)));
            registrations.add(status.attach(this::sample));
        } catch (IOException | RuntimeException e) {
            registrations.reversed().forEach(Registration::close);
            executor.shutdownNow();
            throw e;
        }
        LOG.info("CNSMO VPN service started; its files are in {}", home);
    }

    private static List<Integer> vipsOf(final LoadBalancers lbs) {
        if (lbs == null) {
            return List.of();
        }
        final var vips = new ArrayList<Integer>();
        for (var lb : lbs.nonnullLoadBalancer().values()) {
            final var vip = lb.getVip();
            if (vip != null && vip.getAddress() != null) {
                vips.add(Ipv4Network.parseAddress(vip.getAddress().getValue()));
            }
        }
        return vips;
    }

    @Activate
    public OpenVpnComponent(@Reference final DataBroker broker, @Reference final VpnPki pki,
            @Reference final VpnStatus status, @Reference final VpnRpcs rpcs, @Reference final NodeAgentWeb web,
            final BundleContext context, final Configuration configuration) throws IOException {
        // The RPCs and the endpoint are referenced only so that they are ready when this says it started.
        this(broker, pki.store(), status, VpnHome.of(context), binary(configuration.openvpnBinary()),
            Duration.ofMillis(configuration.managementTimeoutMillis()),
            new NftRuleLoader(nft(configuration.nftBinary()), Duration.ofSeconds(10)), Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder().setNameFormat("cnsmo-vpn-%d")
                .setDaemon(true).build()));
        requireNonNull(rpcs);
        requireNonNull(web);
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        registrations.reversed().forEach(Registration::close);
        executor.execute(renderer::stop);
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            LOG.warn("The VPN service's thread did not finish its work in time");
            executor.shutdownNow();
        }
        LOG.info("CNSMO VPN service stopped");
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void apply() {
        // An exception escaping here would be lost in the executor.
        try {
            if (!vpnRead) {
                return;
            }
            renderer.apply(vpnConfig, dnsConfig, vips);
            final var current = new HashMap<String, X509Certificate>();
            for (var name : renderer.clients().keySet()) {
                pki.clientCertificate(name).ifPresent(certificate -> current.put(name, certificate));
            }
            certificates = Map.copyOf(current);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot apply the VPN configuration", e);
        }
        status.refresh();
    }

    private CompletionStage<ServerView> sample() {
        return CompletableFuture.supplyAsync(() -> new ServerView(renderer.settings(), supervisor.problem(),
            renderer.isRunning(), renderer.clients(), certificates), executor);
    }

    static String nft(final String configured) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        return List.of("/usr/sbin/nft", "/sbin/nft").stream()
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("nft");
    }

    static String binary(final String configured) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        return List.of("/usr/sbin/openvpn", "/usr/local/sbin/openvpn").stream()
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("openvpn");
    }
}
