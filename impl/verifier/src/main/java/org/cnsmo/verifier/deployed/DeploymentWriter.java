/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier.deployed;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cnsmo.sdn.store.OrderedTransactions;
import org.cnsmo.verifier.Query;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Deployment;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.DeploymentBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Outcome;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.NodeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.NodeKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.node.FirstDifference;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.node.FirstDifferenceBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.verification.rev261203.deployment.node.LastDifferenceBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of {@code deployment} (operational): each node's entry as the last comparison found it, written
 * whole, in the order the comparisons were made.
 */
final class DeploymentWriter implements DeploymentMonitor.Sink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentWriter.class);
    private static final DataObjectIdentifier<Deployment> DEPLOYMENT = DataObjectIdentifier.builder(Deployment.class)
        .build();

    private final OrderedTransactions transactions;

    /**
     * A writer.
     *
     * @param dataBroker the data broker
     * @param onLoss called when what was written may not have landed
     */
    DeploymentWriter(final DataBroker dataBroker, final Runnable onLoss) {
        transactions = new OrderedTransactions(dataBroker, "deployment vs intent", onLoss);
    }

    @Override
    public void publish(final NodeDeployment deployment) {
        final var tx = transactions.newWriteOnlyTransaction();
        tx.merge(LogicalDatastoreType.OPERATIONAL, DEPLOYMENT, new DeploymentBuilder().build());
        tx.put(LogicalDatastoreType.OPERATIONAL, path(deployment.node()), entry(deployment));
        commit(tx, "the deployment of node " + deployment.node());
    }

    @Override
    public void withdraw(final String node) {
        final var tx = transactions.newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.OPERATIONAL, path(node));
        commit(tx, "the withdrawal of node " + node + "'s deployment");
    }

    /** Withdraws every entry: nobody refreshes them any more. */
    @Override
    public void close() {
        final var tx = transactions.newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.OPERATIONAL, DEPLOYMENT);
        commit(tx, "the withdrawal of every node's deployment");
        transactions.close();
    }

    /** A node's entry. */
    static Node entry(final NodeDeployment deployment) {
        final var builder = new NodeBuilder()
            .setName(new NodeName(deployment.node()))
            .setMatchesIntent(deployment.matchesIntent())
            .setDeployedFlows(Uint32.valueOf(deployment.deployedFlows()))
            .setCheckedAt(time(deployment.checkedAt()));
        final var first = deployment.firstDifference();
        if (first != null) {
            builder.setFirstDifference(difference(first));
        }
        final var last = deployment.lastDifference();
        if (last != null) {
            // the same leaves (the class-difference grouping), and when
            builder.setLastDifference(new LastDifferenceBuilder(difference(last))
                .setSeenAt(time(deployment.lastDifferenceAt())).build());
        }
        return builder.build();
    }

    private static FirstDifference difference(final Difference difference) {
        return new FirstDifferenceBuilder()
            .setSource(difference.source())
            .setDestination(difference.destination())
            .setProtocol(protocol(difference.protocol()))
            .setPortLower(Uint16.valueOf(difference.ports().lower()))
            .setPortUpper(Uint16.valueOf(difference.ports().upper()))
            .setIntended(outcome(difference.intended()))
            .setDeployed(outcome(difference.deployed()))
            .setIntendedBy(difference.intendedBy().toString())
            .setDeployedBy(difference.deployedBy().toString())
            .setSummary(difference.summary())
            .build();
    }

    private static Protocol protocol(final int number) {
        return number == Query.UDP ? Protocol.Udp : number == Query.ICMP ? Protocol.Icmp : Protocol.Tcp;
    }

    private static Outcome outcome(final org.cnsmo.verifier.Outcome outcome) {
        return switch (outcome) {
            case ACCEPT -> Outcome.Accept;
            case DROP -> Outcome.Drop;
            case REJECT -> Outcome.Reject;
        };
    }

    private static @Nullable DateAndTime time(final @Nullable Instant instant) {
        return instant == null ? null : new DateAndTime(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static DataObjectIdentifier<Node> path(final String node) {
        return DataObjectIdentifier.builder(Deployment.class).child(Node.class, new NodeKey(new NodeName(node)))
            .build();
    }

    private static void commit(final WriteTransaction tx, final String what) {
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                // landed
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Could not write {}", what, cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
