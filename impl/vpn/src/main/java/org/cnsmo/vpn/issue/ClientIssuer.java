/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.vpn.openvpn.AddressPool;
import org.cnsmo.vpn.openvpn.ClientConfig;
import org.cnsmo.vpn.openvpn.PortSecurity;
import org.cnsmo.vpn.openvpn.ServerSettings;
import org.cnsmo.vpn.pki.Pem;
import org.cnsmo.vpn.pki.PkiStore;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadWriteTransaction;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.DatapathId;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientKey;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Creates, revokes and removes VPN clients: the configuration entries (and, for nodes, the node entry with
 * its switch identity) together with their certificates. One request at a time, so that two requests never
 * pick the same free address; each blocks its caller for at most a few seconds.
 */
public final class ClientIssuer {
    private static final long TIMEOUT_SECONDS = 10;
    private static final DataObjectIdentifier<Vpn> VPN = DataObjectIdentifier.builder(Vpn.class).build();

    private final DataBroker broker;
    private final PkiStore pki;

    public ClientIssuer(final DataBroker broker, final PkiStore pki) {
        this.broker = requireNonNull(broker);
        this.pki = requireNonNull(pki);
    }

    /**
     * Issues a client: records it in the configuration, then certifies it.
     *
     * @param name the new client's name
     * @param requested the overlay address asked for, if any
     * @param datapathId for a node, its switch's datapath id: the node is registered too
     * @return the bundle
     * @throws IssueException if the name is taken, the address is not usable or the server has no public
     *     address
     */
    public ClientBundle issue(final String name, final Optional<String> requested,
            final Optional<Uint64> datapathId) throws IssueException {
        return issue(name, requested, datapathId, Optional.empty());
    }

    /**
     * Issues a client for a key it generated itself, or for a new key pair when there is none: records it in the
     * configuration, then certifies it.
     *
     * @param name the new client's name
     * @param requested the overlay address asked for, if any
     * @param datapathId for a node, its switch's datapath id: the node is registered too
     * @param clientKey the client's own public key; with one, the bundle holds no private key
     * @return the bundle
     * @throws IssueException if the name is taken, the address is not usable or the server has no public
     *     address
     */
    public synchronized ClientBundle issue(final String name, final Optional<String> requested,
            final Optional<Uint64> datapathId, final Optional<PublicKey> clientKey) throws IssueException {
        // One read-write transaction: a client or node written by someone else between the checks and the
        // write makes the commit fail instead of being overwritten.
        final var tx = broker.newReadWriteTransaction();
        final ServerSettings settings;
        final String address;
        try {
            final var vpn = read(tx, VPN).orElse(null);
            settings = ServerSettings.of(vpn == null ? null : vpn.getServer());
            final var remote = settings.publicAddress();
            if (remote.isEmpty()) {
                throw new IssueException(ErrorTag.INVALID_VALUE, "vpn/server/public-address is not set: a client "
                    + "would not know where to connect. Set it first.");
            }
            if (vpn != null && vpn.nonnullClient().containsKey(new ClientKey(new NodeName(name)))) {
                throw new IssueException(ErrorTag.DATA_EXISTS, "A VPN client named '" + name + "' already exists");
            }
            if (datapathId.isPresent() && read(tx, nodePath(name)).isPresent()) {
                throw new IssueException(ErrorTag.DATA_EXISTS, "A node named '" + name + "' already exists");
            }
            address = requested.isPresent() ? requested.orElseThrow() : freeAddress(settings, vpn);
        } catch (IssueException e) {
            tx.cancel();
            throw e;
        }
        tx.put(LogicalDatastoreType.CONFIGURATION, clientPath(name), new ClientBuilder()
            .setName(new NodeName(name)).setStaticAddress(new Ipv4Address(address)).build());
        datapathId.ifPresent(dpid -> tx.put(LogicalDatastoreType.CONFIGURATION, nodePath(name), new NodeBuilder()
            .setName(new NodeName(name)).setDatapathId(new DatapathId(dpid))
            .setService(Set.of(Service.Vpn, Service.Sdn)).build()));
        commit(tx.commit());

        final X509Certificate certificate;
        final String privateKey;
        try {
            if (clientKey.isPresent()) {
                certificate = pki.issueClient(name, clientKey.orElseThrow());
                privateKey = null;
            } else {
                final var issued = pki.issueClient(name);
                certificate = issued.certificate();
                privateKey = Pem.privateKey(issued.key());
            }
        } catch (IOException e) {
            // Take back exactly what this call wrote: a node that existed before stays.
            undo(name, datapathId.isPresent());
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot record the certificate of " + name, e);
        }
        return new ClientBundle(name, address, settings.subnet().length(),
            Ipv4Network.formatAddress(settings.serverAddress()), Pem.certificate(pki.caCertificate()),
            Pem.certificate(certificate), privateKey,
            ClientConfig.render(settings, settings.publicAddress().orElseThrow(), datapathId.isPresent()
                ? Optional.empty() : Optional.of(PortSecurity.macOf(Ipv4Network.parseAddress(address)))));
    }

    private void undo(final String name, final boolean createdNode) throws IssueException {
        final var tx = broker.newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, clientPath(name));
        if (createdNode) {
            tx.delete(LogicalDatastoreType.CONFIGURATION, nodePath(name));
        }
        commit(tx.commit());
    }

    /**
     * Revokes a client: it stays listed, marked revoked, and can no longer connect.
     *
     * @param name the client's name
     * @throws IssueException if there is no such client
     */
    public synchronized void revoke(final String name) throws IssueException {
        final var tx = broker.newReadWriteTransaction();
        final Optional<Client> client;
        try {
            client = read(tx, clientPath(name));
        } catch (IssueException e) {
            tx.cancel();
            throw e;
        }
        if (client.isEmpty()) {
            tx.cancel();
            throw new IssueException(ErrorTag.DATA_MISSING, "There is no VPN client named '" + name + "'");
        }
        tx.put(LogicalDatastoreType.CONFIGURATION, clientPath(name),
            new ClientBuilder(client.orElseThrow()).setRevoked(true).build());
        commit(tx.commit());
    }

    /**
     * Removes a client and the node of the same name: the renderer then puts its certificate on hold.
     *
     * @param name the name
     * @throws IssueException if the datastore refuses
     */
    public synchronized void remove(final String name) throws IssueException {
        final var tx = broker.newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, clientPath(name));
        tx.delete(LogicalDatastoreType.CONFIGURATION, nodePath(name));
        commit(tx.commit());
    }

    private static String freeAddress(final ServerSettings settings, final @Nullable Vpn vpn)
            throws IssueException {
        final List<Integer> taken = vpn == null ? List.of() : vpn.nonnullClient().values().stream()
            .map(Client::getStaticAddress).filter(Objects::nonNull)
            .map(address -> Ipv4Network.parseAddress(address.getValue())).toList();
        final var free = AddressPool.lowestFree(settings, taken);
        if (free.isEmpty()) {
            throw new IssueException(ErrorTag.RESOURCE_DENIED, "The VPN subnet " + settings.subnet()
                + " has no free address left");
        }
        return Ipv4Network.formatAddress(free.getAsInt());
    }

    private static <T extends DataObject> Optional<T> read(final ReadWriteTransaction tx,
            final DataObjectIdentifier<T> path) throws IssueException {
        try {
            return tx.read(LogicalDatastoreType.CONFIGURATION, path).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Interrupted while reading " + path, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot read the configuration", e);
        }
    }

    private static void commit(final Future<?> commit) throws IssueException {
        try {
            commit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Interrupted while committing", e);
        } catch (ExecutionException e) {
            for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DataValidationFailedException invalid) {
                    throw new IssueException(ErrorTag.INVALID_VALUE, invalid.getMessage(), e);
                }
                if (cause instanceof OptimisticLockFailedException) {
                    throw new IssueException(ErrorTag.IN_USE, "The VPN configuration changed while this request "
                        + "was being handled; nothing was written. Try again.", e);
                }
            }
            throw new IssueException(ErrorTag.OPERATION_FAILED, "The configuration change failed: "
                + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IssueException(ErrorTag.OPERATION_FAILED, "The configuration change timed out", e);
        }
    }

    static DataObjectIdentifier<Client> clientPath(final String name) {
        return DataObjectIdentifier.builder(Vpn.class).child(Client.class, new ClientKey(new NodeName(name))).build();
    }

    static DataObjectIdentifier<Node> nodePath(final String name) {
        return DataObjectIdentifier.builder(Nodes.class).child(Node.class, new NodeKey(new NodeName(name))).build();
    }
}
