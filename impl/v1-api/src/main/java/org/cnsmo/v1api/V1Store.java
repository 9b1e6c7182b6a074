/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.ReadWriteTransaction;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.OptimisticLockFailedException;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.DnsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Record;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.FirewallBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.node.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFiltersBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundle;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundleInputBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.GenerateClientBundleOutput;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The v1 API's reads and writes: the same configuration datastore and RPCs as RESTCONF, so every write meets
 * the same commit-time validators. A refusal by a validator becomes a 400 with the validator's message; a
 * write that raced another one becomes a 409 and changes nothing.
 */
final class V1Store {
    private static final DataObjectIdentifier<Nodes> NODES = DataObjectIdentifier.builder(Nodes.class).build();
    private static final DataObjectIdentifier<TrafficFilters> FILTERS =
        DataObjectIdentifier.builder(TrafficFilters.class).build();
    private static final DataObjectIdentifier<Firewall> FIREWALL = DataObjectIdentifier.builder(Firewall.class)
        .build();
    private static final DataObjectIdentifier<Dns> DNS = DataObjectIdentifier.builder(Dns.class).build();
    private static final long TIMEOUT_SECONDS = 15;

    private final DataBroker broker;
    private final RpcService rpcs;

    V1Store(final DataBroker broker, final RpcService rpcs) {
        this.broker = requireNonNull(broker);
        this.rpcs = requireNonNull(rpcs);
    }

    Collection<Node> nodes() throws V1Error {
        return read(LogicalDatastoreType.CONFIGURATION, NODES).map(nodes -> nodes.nonnullNode().values())
            .orElse(List.of());
    }

    Optional<Node> node(final String name) throws V1Error {
        return nodes().stream().filter(node -> node.getName().getValue().equals(name)).findFirst();
    }

    Map<String, Status> nodeStatus() throws V1Error {
        return read(LogicalDatastoreType.OPERATIONAL, NODES).map(nodes -> nodes.nonnullNode().values().stream()
                .filter(node -> node.getStatus() != null)
                .collect(Collectors.toMap(node -> node.getName().getValue(), Node::getStatus)))
            .orElse(Map.of());
    }

    Collection<Filter> filters() throws V1Error {
        return read(LogicalDatastoreType.CONFIGURATION, FILTERS).map(f -> f.nonnullFilter().values())
            .orElse(List.of());
    }

    /** The packet count of a filter's flows, 0 before the first reading. */
    long packets(final String filter) throws V1Error {
        return read(LogicalDatastoreType.OPERATIONAL, filterPath(filter))
            .map(Filter::getStatus).map(status -> status.getStatistics())
            .map(statistics -> statistics.getPackets())
            .map(packets -> packets.getValue().longValue())
            .orElse(0L);
    }

    /**
     * Creates a filter named by {@code naming} from the names in use, in one transaction: two concurrent
     * creations cannot take the same name (the second commit fails and is answered 409).
     */
    Filter createFilter(final FilterFactory factory) throws V1Error {
        final var tx = broker.newReadWriteTransaction();
        final var names = get(tx.read(LogicalDatastoreType.CONFIGURATION, FILTERS), tx)
            .map(f -> f.nonnullFilter().keySet().stream().map(key -> key.getName().getValue()).toList())
            .orElse(List.of());
        final Filter filter;
        try {
            filter = factory.create(FilterJson.nextId(names));
        } catch (V1Error e) {
            tx.cancel();
            throw e;
        }
        tx.merge(LogicalDatastoreType.CONFIGURATION, FILTERS, new TrafficFiltersBuilder().build());
        tx.put(LogicalDatastoreType.CONFIGURATION, filterPath(filter.getName().getValue()), filter);
        commit(tx);
        return filter;
    }

    void deleteFilter(final String name) throws V1Error {
        final var tx = broker.newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, filterPath(name));
        commit(tx);
    }

    Collection<Rule> rules() throws V1Error {
        return read(LogicalDatastoreType.CONFIGURATION, FIREWALL).map(f -> f.nonnullRule().values())
            .orElse(List.of());
    }

    /** Creates a firewall rule named by {@code factory} from the names in use, in one transaction. */
    Rule createRule(final RuleFactory factory) throws V1Error {
        final var tx = broker.newReadWriteTransaction();
        final var names = get(tx.read(LogicalDatastoreType.CONFIGURATION, FIREWALL), tx)
            .map(f -> f.nonnullRule().keySet().stream().map(key -> key.getName().getValue()).toList())
            .orElse(List.of());
        final Rule rule;
        try {
            rule = factory.create(FirewallJson.nextName(names));
        } catch (V1Error e) {
            tx.cancel();
            throw e;
        }
        tx.merge(LogicalDatastoreType.CONFIGURATION, FIREWALL, new FirewallBuilder().build());
        tx.put(LogicalDatastoreType.CONFIGURATION, FIREWALL.toBuilder().child(Rule.class, rule.key()).build(),
            rule);
        commit(tx);
        return rule;
    }

    Collection<Record> records() throws V1Error {
        return read(LogicalDatastoreType.CONFIGURATION, DNS).map(dns -> dns.nonnullRecord().values())
            .orElse(List.of());
    }

    /** Adds (or replaces, by name) DNS records, all in one transaction. */
    void putRecords(final List<Record> records) throws V1Error {
        final var tx = broker.newWriteOnlyTransaction();
        tx.merge(LogicalDatastoreType.CONFIGURATION, DNS, new DnsBuilder().build());
        for (var record : records) {
            tx.put(LogicalDatastoreType.CONFIGURATION, DNS.toBuilder().child(Record.class, record.key()).build(),
                record);
        }
        commit(tx);
    }

    /** Issues a VPN client through the VPN service's generate-client-bundle RPC. */
    GenerateClientBundleOutput generateBundle(final String name) throws V1Error {
        final var input = new GenerateClientBundleInputBuilder().setName(Names.node(name, "name")).build();
        final var result = await(rpcs.getRpc(GenerateClientBundle.class).invoke(input), Function.identity());
        if (result.isSuccessful() && result.getResult() != null) {
            return result.getResult();
        }
        final var error = result.getErrors().stream().findFirst();
        final var message = error.map(e -> e.getMessage()).orElse("The VPN service refused the request");
        final var tag = error.map(e -> e.getTag()).orElse(ErrorTag.OPERATION_FAILED);
        if (ErrorTag.DATA_EXISTS.equals(tag) || ErrorTag.IN_USE.equals(tag)
                || ErrorTag.RESOURCE_DENIED.equals(tag)) {
            throw V1Error.message(409, message);
        }
        if (ErrorTag.INVALID_VALUE.equals(tag) || ErrorTag.MISSING_ELEMENT.equals(tag)
                || ErrorTag.BAD_ELEMENT.equals(tag) || ErrorTag.DATA_MISSING.equals(tag)) {
            throw V1Error.message(400, message);
        }
        throw V1Error.message(500, message);
    }

    /** Makes a filter once its name is known. */
    @FunctionalInterface
    interface FilterFactory {
        Filter create(String name) throws V1Error;
    }

    /** Makes a rule once its name is known. */
    @FunctionalInterface
    interface RuleFactory {
        Rule create(String name) throws V1Error;
    }

    private static DataObjectIdentifier<Filter> filterPath(final String name) {
        return FILTERS.toBuilder().child(Filter.class, new FilterKey(new ObjectName(name))).build();
    }

    private <T extends DataObject> Optional<T> read(final LogicalDatastoreType store,
            final DataObjectIdentifier<T> path) throws V1Error {
        try (var tx = broker.newReadOnlyTransaction()) {
            return await(tx.read(store, path), Function.identity());
        }
    }

    private static <T extends DataObject> Optional<T> get(final ListenableFuture<Optional<T>> read,
            final ReadWriteTransaction tx) throws V1Error {
        try {
            return await(read, Function.identity());
        } catch (V1Error e) {
            tx.cancel();
            throw e;
        }
    }

    private static void commit(final WriteTransaction tx) throws V1Error {
        await(tx.commit(), Function.identity());
    }

    private static <T, R> R await(final ListenableFuture<T> future, final Function<T, R> then) throws V1Error {
        try {
            return then.apply(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw V1Error.message(503, "Interrupted; nothing was changed", e);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw V1Error.message(503, "The datastore did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DataValidationFailedException invalid) {
                    throw V1Error.message(400, invalid.getMessage(), e);
                }
                if (cause instanceof OptimisticLockFailedException) {
                    throw V1Error.message(409, "The configuration changed while this request was being handled;"
                        + " nothing was written. Try again.", e);
                }
                if (cause instanceof IllegalArgumentException invalid) {
                    throw V1Error.message(400, invalid.getMessage(), e);
                }
            }
            throw V1Error.message(500, "The datastore failed: " + e.getCause().getMessage(), e);
        }
    }
}
