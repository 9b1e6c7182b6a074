/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.rpc;

import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cnsmo.vpn.enroll.HttpsIdentity;
import org.cnsmo.vpn.enroll.JoinTarget;
import org.cnsmo.vpn.enroll.TokenService;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
import org.cnsmo.vpn.issue.VpnIssuer;
import org.cnsmo.vpn.openvpn.ServerSettings;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
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
 * Registers the VPN RPCs: generate-client-bundle, revoke-client and create-enrollment-token. They run one at a
 * time on their own thread. Published as a service only so that the OpenVPN renderer, which announces that
 * the VPN service is ready, starts after them.
 */
@Component(service = VpnRpcs.class, immediate = true)
@Designate(ocd = VpnRpcs.Configuration.class)
public final class VpnRpcs implements AutoCloseable {
    /** The RPCs' settings. */
    @ObjectClassDefinition(name = "CNSMO VPN RPCs")
    public @interface Configuration {
        @AttributeDefinition(description = "Validity in seconds of an enrollment token when the request does "
            + "not say", min = "1")
        long tokenValiditySeconds() default 3600;
    }

    private static final Logger LOG = LoggerFactory.getLogger(VpnRpcs.class);
    private static final long READ_TIMEOUT_SECONDS = 10;
    private static final String PAX_WEB_PID = "org.ops4j.pax.web";

    private final ListeningExecutorService requests;
    private final Registration registration;

    /**
     * Registers the RPCs.
     *
     * @param rpcProvider where they are registered
     * @param issuer the client issuer
     * @param tokens the enrollment tokens
     * @param joinTarget where and how nodes reach the controller
     * @param tokenValidity validity of a token when the request does not say
     * @param requests where the calls run; shut down when this closes
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public VpnRpcs(final RpcProviderService rpcProvider, final ClientIssuer issuer, final TokenService tokens,
            final JoinTarget.Source joinTarget, final Duration tokenValidity,
            final ListeningExecutorService requests) {
        this.requests = requests;
        try {
            registration = rpcProvider.registerRpcImplementations(new GenerateClientBundleRpc(issuer, requests),
                new RevokeClientRpc(issuer, requests),
                new CreateEnrollmentTokenRpc(tokens.tokens(), joinTarget, tokens::changed, tokenValidity,
                    requests));
        } catch (RuntimeException e) {
            requests.shutdownNow();
            throw e;
        }
    }

    @Activate
    public VpnRpcs(@Reference final RpcProviderService rpcProvider, @Reference final DataBroker dataBroker,
            @Reference final ConfigurationAdmin configurationAdmin, @Reference final VpnIssuer issuer,
            @Reference final TokenService tokens, final BundleContext context, final Configuration configuration) {
        this(rpcProvider, issuer.issuer(), tokens, joinTarget(dataBroker, configurationAdmin,
                String.valueOf(context.getProperty("karaf.home"))),
            Duration.ofSeconds(configuration.tokenValiditySeconds()),
            MoreExecutors.listeningDecorator(Executors.newSingleThreadExecutor(new ThreadFactoryBuilder()
                .setNameFormat("cnsmo-vpn-requests-%d").setDaemon(true).build())));
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
        requests.shutdown();
    }

    /**
     * Where nodes reach the controller: the VPN server's public address, with the HTTPS port and key pin of the
     * web server as pax-web is configured now.
     */
    static JoinTarget.Source joinTarget(final DataBroker dataBroker, final ConfigurationAdmin configurationAdmin,
            final String karafHome) {
        return () -> {
            final var host = publicAddress(dataBroker).orElseThrow(() -> new IssueException(ErrorTag.INVALID_VALUE,
                "vpn/server/public-address is not set: a node would not know where the controller is. Set it "
                    + "first."));
            final HttpsIdentity identity;
            try {
                identity = HttpsIdentity.of(paxWeb(configurationAdmin), karafHome);
            } catch (IOException e) {
                throw new IssueException(ErrorTag.RESOURCE_DENIED, "Nodes join over pinned HTTPS, and the "
                    + "controller's HTTPS is not usable: " + e.getMessage(), e);
            }
            return new JoinTarget(JoinTarget.httpsUrl(host, identity.port()), identity.pin());
        };
    }

    private static Dictionary<String, ?> paxWeb(final ConfigurationAdmin configurationAdmin) throws IOException {
        final org.osgi.service.cm.Configuration[] found;
        try {
            found = configurationAdmin.listConfigurations("(service.pid=" + PAX_WEB_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a constant filter", e);
        }
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            throw new IOException("pax-web has no configuration " + PAX_WEB_PID);
        }
        return found[0].getProperties();
    }

    private static Optional<String> publicAddress(final DataBroker dataBroker) {
        try (var tx = dataBroker.newReadOnlyTransaction()) {
            final var vpn = tx.read(LogicalDatastoreType.CONFIGURATION,
                DataObjectIdentifier.builder(Vpn.class).build()).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ServerSettings.of(vpn.map(Vpn::getServer).orElse(null)).publicAddress();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Cannot read the VPN server's public address", e);
            return Optional.empty();
        }
    }
}
