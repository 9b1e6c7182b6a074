/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.status;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.cnsmo.vpn.enroll.EnrollmentTokens.Token;
import org.cnsmo.vpn.status.VpnObservation.State;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.status.ServiceStatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.EnrollmentTokens;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.EnrollmentTokensBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Server;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ServerBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.enrollment.tokens.TokenBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.MacAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.ZeroBasedCounter64;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the VPN service observes: the server's state, each client's certificate and session, each
 * node's VPN connection and service state, and the enrollment tokens. Writes only what changed since the
 * last publication. Confined to the VPN service's thread.
 */
public final class VpnStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(VpnStatusWriter.class);
    private static final DataObjectIdentifier<Vpn> VPN = DataObjectIdentifier.builder(Vpn.class).build();
    private static final DataObjectIdentifier<Nodes> NODES = DataObjectIdentifier.builder(Nodes.class).build();
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private static final Object SERVER = new Object();

    private final DataBroker broker;
    private final Clock clock;
    private final Executor executor;
    private final Map<Object, State> states = new HashMap<>();
    private final Map<Object, Instant> since = new HashMap<>();
    private Server lastServer;
    private final Map<String, Client> lastClients = new HashMap<>();
    private final Map<String, Boolean> wasConnected = new HashMap<>();
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private final NodeStatusReports nodeStatus;
    /** Whether the last commit failed, so that a degraded VPN was reported. */
    private final AtomicBoolean troubled = new AtomicBoolean();

    /**
     * A writer.
     *
     * @param broker the data broker
     * @param clock the clock
     * @param executor the VPN service's thread, where the writer runs
     * @param nodeStatus where each node's VPN state is reported
     */
    public VpnStatusWriter(final DataBroker broker, final Clock clock, final Executor executor,
            final NodeStatusReports nodeStatus) {
        this.broker = requireNonNull(broker);
        this.clock = requireNonNull(clock);
        this.executor = requireNonNull(executor);
        this.nodeStatus = requireNonNull(nodeStatus);
    }

    /**
     * Publishes a reading.
     *
     * @param observation the reading
     * @param certificates the current certificate of each client that has one
     */
    public void publish(final VpnObservation observation, final Map<String, X509Certificate> certificates) {
        final var tx = broker.newWriteOnlyTransaction();
        boolean dirty = false;
        tx.merge(LogicalDatastoreType.OPERATIONAL, VPN, new VpnBuilder().build());

        final var server = new ServerBuilder().setStatus(serverStatus(observation)).build();
        if (!server.equals(lastServer)) {
            tx.put(LogicalDatastoreType.OPERATIONAL, VPN.toBuilder().child(Server.class).build(), server);
            lastServer = server;
            dirty = true;
        }
        dirty |= publishClients(tx, observation, certificates);
        publishNodes(observation);
        if (dirty) {
            commit(tx, "VPN status");
        } else {
            tx.cancel();
        }
    }

    /**
     * Publishes the enrollment tokens, without their secrets.
     *
     * @param tokens the tokens
     */
    public void publishTokens(final List<Token> tokens) {
        final var tx = broker.newWriteOnlyTransaction();
        tx.merge(LogicalDatastoreType.OPERATIONAL, VPN, new VpnBuilder().build());
        tx.put(LogicalDatastoreType.OPERATIONAL, VPN.toBuilder().child(EnrollmentTokens.class).build(),
            new EnrollmentTokensBuilder().setToken(BindingMap.ordered(tokens.stream()
                .map(token -> new TokenBuilder().setId(token.id()).setNode(new NodeName(token.node()))
                    .setExpires(time(token.expires())).setUsed(token.used()).build())
                .toList())).build());
        commit(tx, "enrollment tokens");
    }

    private org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.server.Status serverStatus(
            final VpnObservation observation) {
        final var state = stateSince(SERVER, observation.server());
        return new org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.server.StatusBuilder()
            .setState(state.state()).setReason(state.reason().orElse(null)).setSince(time(since.get(SERVER)))
            .setOverlayAddress(observation.settings().enabled() ? new Ipv4Address(observation.serverAddress()) : null)
            .setConnectedClients(Uint32.valueOf(observation.connected().size()))
            .build();
    }

    private static boolean isMac(final String address) {
        return MAC.matcher(address).matches();
    }

    private boolean publishClients(final WriteTransaction tx, final VpnObservation observation,
            final Map<String, X509Certificate> certificates) {
        boolean dirty = false;
        for (var name : observation.clients().keySet()) {
            final var session = observation.connected().get(name);
            final var certificate = certificates.get(name);
            final var configured = observation.clients().get(name).getStaticAddress();
            final var status = new org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.client.StatusBuilder()
                .setConnected(session != null);
            if (certificate != null) {
                status.setCertificateSerial(certificate.getSerialNumber().toString(16))
                    .setCertificateExpires(time(certificate.getNotAfter().toInstant()));
            }
            if (session != null) {
                status.setOverlayAddress(configured == null ? null : new Ipv4Address(configured.getValue()))
                    .setRealAddress(session.realAddress())
                    .setBytesReceived(new ZeroBasedCounter64(Uint64.valueOf(session.bytesReceived())))
                    .setBytesSent(new ZeroBasedCounter64(Uint64.valueOf(session.bytesSent())))
                    .setConnectedSince(time(session.connectedSince()))
                    .setOverlayMac(session.learnedAddresses().stream().filter(VpnStatusWriter::isMac).findFirst()
                        .map(MacAddress::new).orElse(null));
            }
            final var client = new ClientBuilder().setName(new NodeName(name)).setStatus(status.build()).build();
            if (!client.equals(lastClients.get(name))) {
                tx.put(LogicalDatastoreType.OPERATIONAL, clientPath(name), client);
                lastClients.put(name, client);
                dirty = true;
            }
        }
        for (var gone : new HashSet<>(lastClients.keySet())) {
            if (!observation.clients().containsKey(gone)) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, clientPath(gone));
                lastClients.remove(gone);
                dirty = true;
            }
        }
        return dirty;
    }

    /**
     * Reports each node's VPN state to the nodes' status owner, which writes {@code nodes/node/status}.
     */
    private void publishNodes(final VpnObservation observation) {
        final Set<String> present = new HashSet<>();
        for (var entry : observation.nodeStates().entrySet()) {
            final var name = entry.getKey();
            final var vpn = entry.getValue();
            present.add(name);
            final var state = stateSince(name, vpn.state());
            final var previously = wasConnected.put(name, vpn.connected());
            if (!Objects.equals(previously, vpn.connected())) {
                // Seen connected now, or last seen just now.
                lastSeen.put(name, clock.instant());
            }
            final var service = new ServiceStatusBuilder().setService(Service.Vpn).setState(state.state())
                .setReason(state.reason().orElse(null)).setSince(time(since.get(name))).build();
            nodeStatus.report(name, Service.Vpn, new StatusBuilder().setConnected(vpn.connected())
                .setOverlayAddress(vpn.overlayAddress().map(Ipv4Address::new).orElse(null))
                .setRealAddress(vpn.realAddress().map(VpnStatusWriter::host).orElse(null))
                .setLastSeen(time(lastSeen.get(name)))
                .setServiceStatus(BindingMap.of(service)).build());
        }
        for (var gone : new HashSet<>(wasConnected.keySet())) {
            if (!present.contains(gone)) {
                nodeStatus.withdraw(gone, Service.Vpn);
                wasConnected.remove(gone);
                lastSeen.remove(gone);
                states.remove(gone);
                since.remove(gone);
            }
        }
    }

    private State stateSince(final Object key, final State state) {
        if (!state.equals(states.put(key, state))) {
            since.put(key, clock.instant());
        }
        return state;
    }

    private static org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Host host(
            final String text) {
        try {
            return IetfInetUtil.hostFor(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DateAndTime time(final Instant instant) {
        return instant == null ? null : new DateAndTime(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static DataObjectIdentifier<Client> clientPath(final String name) {
        return VPN.toBuilder().child(Client.class, new ClientKey(new NodeName(name))).build();
    }

    private void commit(final WriteTransaction tx, final String what) {
        Futures.addCallback(tx.commit(), new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                if (troubled.compareAndSet(true, false)) {
                    nodeStatus.serviceProblem(Service.Vpn, Optional.empty());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Cannot publish the {}; publishing everything again next time", what, cause);
                troubled.set(true);
                nodeStatus.serviceProblem(Service.Vpn, Optional.of("the VPN's observed state (" + what
                    + ") could not be published (" + cause.getMessage() + "); publishing it again"));
                executor.execute(VpnStatusWriter.this::forget);
            }
        }, MoreExecutors.directExecutor());
    }

    private void forget() {
        lastServer = null;
        lastClients.clear();
    }
}
