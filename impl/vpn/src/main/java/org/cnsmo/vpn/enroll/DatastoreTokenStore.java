/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.EnrollmentTokenRecords;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.enrollment.token.records.Token;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.enrollment.token.records.TokenBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.enrollment.token.records.TokenKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * Keeps the tokens' records in the configuration datastore ({@code cnsmo-vpn:enrollment-token-records}),
 * which the controller persists: each write is committed before the caller goes on, so a token that was
 * answered as created, or as used, is so after a {@code kill -9}.
 */
public final class DatastoreTokenStore implements TokenStore {
    private static final long TIMEOUT_SECONDS = 10;
    private static final DataObjectIdentifier<EnrollmentTokenRecords> RECORDS =
        DataObjectIdentifier.builder(EnrollmentTokenRecords.class).build();

    private final DataBroker broker;

    public DatastoreTokenStore(final DataBroker broker) {
        this.broker = requireNonNull(broker);
    }

    @Override
    public List<Entry> load() throws IOException {
        final Optional<EnrollmentTokenRecords> records;
        try (var tx = broker.newReadOnlyTransaction()) {
            records = await(tx.read(LogicalDatastoreType.CONFIGURATION, RECORDS));
        }
        return records.map(found -> found.nonnullToken().values().stream()
            .filter(token -> token.getDigest() != null && token.getNode() != null && token.getExpires() != null)
            .map(DatastoreTokenStore::entry).toList()).orElse(List.of());
    }

    @Override
    public void save(final Entry entry) throws IOException {
        final var token = entry.token();
        final var tx = broker.newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, path(token.id()), new TokenBuilder()
            .setId(token.id())
            .setDigest(HexFormat.of().formatHex(entry.digest()))
            .setNode(new NodeName(token.node()))
            .setStaticAddress(token.staticAddress().map(Ipv4Address::new).orElse(null))
            .setExpires(new DateAndTime(token.expires().truncatedTo(ChronoUnit.SECONDS).toString()))
            .setUsed(token.used())
            .build());
        await(tx.commit());
    }

    @Override
    public void forget(final Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        final var tx = broker.newWriteOnlyTransaction();
        ids.forEach(id -> tx.delete(LogicalDatastoreType.CONFIGURATION, path(id)));
        await(tx.commit());
    }

    private static Entry entry(final Token token) {
        return new Entry(new EnrollmentTokens.Token(token.getId(), token.getNode().getValue(),
            Optional.ofNullable(token.getStaticAddress()).map(Ipv4Address::getValue),
            Instant.parse(token.getExpires().getValue()), Boolean.TRUE.equals(token.getUsed())),
            HexFormat.of().parseHex(token.getDigest()));
    }

    private static DataObjectIdentifier<Token> path(final String id) {
        return RECORDS.toBuilder().child(Token.class, new TokenKey(id)).build();
    }

    private static <T> T await(final Future<T> future) throws IOException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording enrollment tokens", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot record enrollment tokens: " + e.getMessage(), e);
        }
    }
}
