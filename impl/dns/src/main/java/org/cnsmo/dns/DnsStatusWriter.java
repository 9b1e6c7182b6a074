/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.DnsBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.Status;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.dns.StatusBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ServiceState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the DNS server's state and record count when they change. Confined to the DNS service's thread.
 */
final class DnsStatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DnsStatusWriter.class);
    private static final DataObjectIdentifier<Dns> DNS = DataObjectIdentifier.builder(Dns.class).build();

    private final DataBroker broker;
    private final Clock clock;
    private Optional<String> lastProblem;
    private Instant since;
    /** What was last sent, or null when nothing was or its commit failed: the next poll then sends again. */
    private final AtomicReference<Status> last = new AtomicReference<>();

    DnsStatusWriter(final DataBroker broker, final Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    void publish(final Optional<String> problem, final int recordCount) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            since = clock.instant();
        }
        final var status = new StatusBuilder()
            .setState(problem.isEmpty() ? ServiceState.Up : ServiceState.Down)
            .setReason(problem.orElse(null))
            .setSince(new DateAndTime(since.truncatedTo(ChronoUnit.SECONDS).toString()))
            .setRecordCount(Uint32.valueOf(recordCount))
            .build();
        if (Objects.equals(status, last.get())) {
            return;
        }
        last.set(status);
        final var tx = broker.newWriteOnlyTransaction();
        tx.merge(LogicalDatastoreType.OPERATIONAL, DNS, new DnsBuilder().build());
        tx.put(LogicalDatastoreType.OPERATIONAL, DNS.toBuilder().child(Status.class).build(), status);
        Futures.addCallback(tx.commit(), new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                // published
            }

            @Override
            public void onFailure(final Throwable cause) {
                last.compareAndSet(status, null);
                LOG.warn("Cannot publish the DNS status; trying again at the next poll", cause);
            }
        }, MoreExecutors.directExecutor());
    }
}
