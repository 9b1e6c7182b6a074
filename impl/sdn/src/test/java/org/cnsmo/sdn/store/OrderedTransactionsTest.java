/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.google.common.util.concurrent.FutureCallback;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.yangtools.yang.common.Empty;

@ExtendWith(MockitoExtension.class)
class OrderedTransactionsTest {
    @Mock
    private DataBroker broker;
    @Mock
    private TransactionChain first;
    @Mock
    private TransactionChain second;

    @Test
    @SuppressWarnings("unchecked")
    void failedChainIsReplacedAndTheLossReported() {
        doReturn(first, second).when(broker).createMergingTransactionChain();
        final var losses = new AtomicInteger();
        new OrderedTransactions(broker, "observed state", losses::incrementAndGet);
        final ArgumentCaptor<FutureCallback<Empty>> callback = ArgumentCaptor.forClass(FutureCallback.class);
        verify(first).addCallback(callback.capture());

        callback.getValue().onFailure(new IllegalStateException("shard leader moved"));
        assertEquals(1, losses.get(), "what the failed chain carried may be lost: the writer must publish again");
        verify(broker, times(2)).createMergingTransactionChain();
    }
}
