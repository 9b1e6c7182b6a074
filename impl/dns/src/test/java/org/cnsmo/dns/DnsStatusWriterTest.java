/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.dns;

import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;

@ExtendWith(MockitoExtension.class)
class DnsStatusWriterTest {
    @Mock
    private DataBroker broker;
    @Mock
    private WriteTransaction tx;

    @Test
    void statusWhoseCommitFailedIsSentAgainAtTheNextPoll() {
        doReturn(tx).when(broker).newWriteOnlyTransaction();
        doReturn(FluentFutures.immediateFailedFluentFuture(new TransactionCommitFailedException("shard down")),
            CommitInfo.emptyFluentFuture()).when(tx).commit();
        final var writer = new DnsStatusWriter(broker,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

        writer.publish(Optional.empty(), 3);
        writer.publish(Optional.empty(), 3);
        // Landed now: an unchanged status is not sent a third time.
        writer.publish(Optional.empty(), 3);
        verify(tx, times(2)).commit();
    }
}
