/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.readback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.statistics.rev130819.flow.and.statistics.map.list.FlowAndStatisticsMapList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every registered {@link ReadBackListener}, called as one: a listener that fails is logged and does not keep
 * the others, or the renderer, from their work.
 */
public final class ReadBackListeners implements ReadBackListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBackListeners.class);

    private final List<ReadBackListener> listeners = new CopyOnWriteArrayList<>();

    public void add(final ReadBackListener listener) {
        listeners.add(listener);
    }

    public void remove(final ReadBackListener listener) {
        listeners.remove(listener);
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    @Override
    public void readBack(final String node, final List<FlowAndStatisticsMapList> flows) {
        each(listener -> listener.readBack(node, flows));
    }

    @Override
    public void gone(final String node) {
        each(listener -> listener.gone(node));
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void each(final Consumer<ReadBackListener> call) {
        for (var listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Read-back listener {} failed", listener, e);
            }
        }
    }
}
