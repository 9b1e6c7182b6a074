/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.servlet.ServletException;
import org.cnsmo.api.datastore.ContainerListener;
import org.cnsmo.api.process.ProcessSupervisor;
import org.cnsmo.vpn.enroll.EnrollmentTokens;
import org.cnsmo.vpn.enroll.NodeAgentServlet;
import org.cnsmo.vpn.enroll.NodeEnrollment;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.openvpn.ConnectedClient;
import org.cnsmo.vpn.openvpn.ManagementConsole;
import org.cnsmo.vpn.openvpn.ServerRenderer;
import org.cnsmo.vpn.openvpn.StatusFile;
import org.cnsmo.vpn.pki.PkiStore;
import org.cnsmo.vpn.pki.PrivateFiles;
import org.cnsmo.vpn.rpc.CreateEnrollmentTokenRpc;
import org.cnsmo.vpn.rpc.GenerateClientBundleRpc;
import org.cnsmo.vpn.rpc.RevokeClientRpc;
import org.cnsmo.vpn.status.VpnObservation;
import org.cnsmo.vpn.status.VpnStatusWriter;
import org.opendaylight.aaa.web.ServletDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VPN service: the controller's PKI, the supervised OpenVPN server, the client RPCs, the node agent's
 * enrollment endpoint, and the observed state of the server, its clients and the nodes' VPN connections.
 * Its files live under {@code <karaf home>/cnsmo}, readable only by the controller's user.
 */
@Component(service = { })
public final class VpnService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VpnService.class);
    /** How often the server's management interface is read. */
    static final long POLL_MILLIS = 2_000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        new ThreadFactoryBuilder().setNameFormat("cnsmo-vpn-%d").setDaemon(true).build());
    private final ListeningExecutorService requests = MoreExecutors.listeningDecorator(
        Executors.newSingleThreadExecutor(new ThreadFactoryBuilder().setNameFormat("cnsmo-vpn-requests-%d")
            .setDaemon(true).build()));
    private final List<Registration> registrations = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final PkiStore pki;
    private final StatusFile statusFile;
    private final ProcessSupervisor supervisor;
    private final ServerRenderer renderer;
    private final VpnStatusWriter status;
    private final EnrollmentTokens tokens;
    private final String webUrl;
    private final ScheduledFuture<?> poller;
    // Confined to the executor, except publicAddress, which request threads read.
    private Set<String> nodeNames = Set.of();
    private Vpn vpnConfig;
    /** Rendering before the VPN configuration is first read would revoke every client. */
    private boolean vpnRead;
    private Dns dnsConfig;
    private Map<String, X509Certificate> certificates = Map.of();
    private volatile Optional<String> publicAddress = Optional.empty();

    @Activate
    public VpnService(@Reference final DataBroker dataBroker, @Reference final RpcProviderService rpcProvider,
            @Reference final WebServer webServer) throws IOException, ServletException {
        final var home = Path.of(System.getProperty("karaf.home", ".")).resolve("cnsmo");
        PrivateFiles.directory(home);
        pki = PkiStore.open(home.resolve("pki"), clock);
        final var openvpnDir = PrivateFiles.directory(home.resolve("openvpn"));
        supervisor = new ProcessSupervisor("openvpn", openvpnDir.resolve("openvpn.log"), executor, clock);
        final var files = ServerRenderer.files(pki, openvpnDir);
        statusFile = new StatusFile(files.status(), clock);
        renderer = new ServerRenderer(pki, openvpnDir, openvpnBinary(), supervisor,
            new ManagementConsole(files.managementSocket(), Duration.ofSeconds(2)));
        status = new VpnStatusWriter(dataBroker, clock, executor);
        tokens = new EnrollmentTokens(new SecureRandom(), clock);
        webUrl = webServer.getBaseURL();
        final var issuer = new ClientIssuer(dataBroker, pki);

        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Vpn.class).build(), new ContainerListener<Vpn>(vpn -> {
                vpnConfig = vpn;
                vpnRead = true;
                apply();
            }, executor)));
        // The overlay DNS server, when it runs, is pushed to clients.
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Dns.class).build(), new ContainerListener<Dns>(dns -> {
                dnsConfig = dns;
                apply();
            }, executor)));
        own(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Nodes.class).build(), new ContainerListener<>(this::onNodes, executor)));
        own(rpcProvider.registerRpcImplementations(new GenerateClientBundleRpc(issuer, requests),
            new RevokeClientRpc(issuer, requests),
            new CreateEnrollmentTokenRpc(tokens, this::controllerUrl, this::tokensChanged, requests)));
        own(webServer.registerWebContext(WebContext.builder().name("cnsmo-node-agent")
            .contextPath(NodeAgentServlet.CONTEXT_PATH)
            .addServlet(ServletDetails.builder().name("cnsmo-node-agent").addUrlPattern("/*")
                .servlet(new NodeAgentServlet(new NodeEnrollment(tokens, issuer, pki, clock, this::tokensChanged),
                    agentScript()))
                .build())
            .build()));
        poller = executor.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("CNSMO VPN service started; its files are in {}", home);
    }

    @Deactivate
    @Override
    public void close() throws InterruptedException {
        poller.cancel(false);
        registrations.reversed().forEach(Registration::close);
        requests.shutdown();
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
            renderer.apply(vpnConfig, dnsConfig);
            publicAddress = renderer.settings().publicAddress();
            final var current = new HashMap<String, X509Certificate>();
            for (var name : renderer.clients().keySet()) {
                pki.clientCertificate(name).ifPresent(certificate -> current.put(name, certificate));
            }
            certificates = Map.copyOf(current);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot apply the VPN configuration", e);
        }
        poll();
    }

    private void onNodes(final Nodes nodes) {
        nodeNames = nodes == null ? Set.of() : nodes.nonnullNode().values().stream()
            .map(node -> node.getName().getValue()).collect(Collectors.toUnmodifiableSet());
        poll();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void poll() {
        // An exception escaping a periodic task would cancel it for good.
        try {
            var problem = supervisor.problem();
            List<ConnectedClient> connected = List.of();
            if (renderer.isRunning()) {
                try {
                    connected = statusFile.clients();
                } catch (NoSuchFileException e) {
                    // Just started: the first status file comes within a second.
                } catch (IOException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            pki.refreshCrl();
            status.publish(new VpnObservation(renderer.settings(), problem, renderer.clients(),
                connected.stream().collect(Collectors.toMap(ConnectedClient::name, Function.identity(),
                    (first, second) -> second)), nodeNames), certificates);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot read the VPN server's state", e);
        }
    }

    private void tokensChanged() {
        executor.execute(() -> status.publishTokens(tokens.list()));
    }

    /**
     * The controller's web address as nodes reach it: the VPN server's public address with the web port.
     */
    private Optional<String> controllerUrl() {
        final var base = URI.create(webUrl);
        return publicAddress.map(host -> base.getScheme() + "://" + host + ":" + base.getPort());
    }

    private void own(final Registration registration) {
        registrations.add(registration);
    }

    private static String openvpnBinary() {
        return List.of("/usr/sbin/openvpn", "/usr/local/sbin/openvpn").stream()
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("openvpn");
    }

    private static byte[] agentScript() throws IOException {
        try (var script = VpnService.class.getResourceAsStream("/cnsmo-node")) {
            if (script == null) {
                throw new IOException("The node agent script is missing from the bundle");
            }
            return script.readAllBytes();
        }
    }
}
