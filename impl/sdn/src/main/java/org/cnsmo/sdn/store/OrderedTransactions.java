/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.store;

import com.google.common.util.concurrent.FutureCallback;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.yangtools.yang.common.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write transactions that commit in the order they were created: a transaction chain, replaced by
 * a fresh one when it fails so that later writes still go through.
 */
public final class OrderedTransactions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedTransactions.class);

    private final DataBroker dataBroker;
    private final String purpose;
    private final Runnable onLoss;
    private TransactionChain chain;

    public OrderedTransactions(final DataBroker dataBroker, final String purpose) {
        this(dataBroker, purpose, () -> { });
    }

    /**
     * Transactions whose failure is reported.
     *
     * @param dataBroker the data broker
     * @param purpose what they write, for messages
     * @param onLoss called when the chain failed: what its transactions wrote may not have landed
     */
    public OrderedTransactions(final DataBroker dataBroker, final String purpose, final Runnable onLoss) {
        this.dataBroker = dataBroker;
        this.purpose = purpose;
        this.onLoss = onLoss;
        chain = newChain();
    }

    public synchronized WriteTransaction newWriteOnlyTransaction() {
        return chain.newWriteOnlyTransaction();
    }

    @Override
    public synchronized void close() {
        chain.close();
    }

    private TransactionChain newChain() {
        final var created = dataBroker.createMergingTransactionChain();
        created.addCallback(new FutureCallback<Empty>() {
            @Override
            public void onSuccess(final Empty result) {
                LOG.debug("Transaction chain for {} closed", purpose);
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.error("Transaction chain for {} failed; continuing on a new chain", purpose, cause);
                replace(created);
                onLoss.run();
            }
        });
        return created;
    }

    private synchronized void replace(final TransactionChain failed) {
        if (chain == failed) {
            chain = newChain();
        }
    }
}
