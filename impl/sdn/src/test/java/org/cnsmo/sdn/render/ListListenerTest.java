/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.DataObjectModification;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.Filter;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.traffic.filters.FilterKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

class ListListenerTest {
    @Test
    void failingEntryDoesNotStopTheRestOfItsBatch() {
        final var applied = new ArrayList<String>();
        final var listener = ListListener.<Filter>of(path -> path.getFirstKeyOf(Filter.class).getName().getValue(),
            (name, filter) -> {
                if ("bad".equals(name)) {
                    throw new IllegalStateException("a defect in the renderer");
                }
                applied.add(name);
            }, MoreExecutors.directExecutor());

        listener.onDataTreeChanged(List.of(change("a"), change("bad"), change("c")));
        assertEquals(List.of("a", "c"), applied);
    }

    @Test
    void aLargeBatchIsPreparedInTwoHalvesAndAppliedInOneTask() {
        final var tasks = new ArrayList<Runnable>();
        final var preparedOn = ConcurrentHashMap.<String>newKeySet();
        final var applied = new ArrayList<String>();
        final var listener = new ListListener<Filter, String>(
            path -> path.getFirstKeyOf(Filter.class).getName().getValue(),
            filter -> {
                final var name = filter.requireName().getValue();
                if (!preparedOn.add(name)) {
                    throw new AssertionError(name + " prepared twice");
                }
                if ("f7".equals(name)) {
                    throw new IllegalArgumentException("not a filter the renderer can plan");
                }
                return "prepared " + name;
            },
            (name, prepared) -> applied.add(name + "=" + prepared), tasks::add);
        final int size = ListListener.SHARED_PREPARATION;
        final var changes = new ArrayList<DataTreeModification<Filter>>();
        for (int i = 0; i < size; i++) {
            changes.add(change("f" + i));
        }

        listener.onDataTreeChanged(changes);
        // the listener's thread prepared the first half; the renderer's thread is handed the second, then the batch
        assertEquals(2, tasks.size());
        assertEquals(size / 2, preparedOn.size());
        tasks.get(0).run();
        assertEquals(size, preparedOn.size());
        assertEquals(List.of(), applied);
        tasks.get(1).run();
        final var expected = new ArrayList<String>();
        for (int i = 0; i < size; i++) {
            if (i != 7) {
                expected.add("f" + i + "=prepared f" + i);
            }
        }
        assertEquals(expected, applied);
    }

    @Test
    void aSmallBatchIsPreparedByTheListenerAndADeletionIsNotPrepared() {
        final var tasks = new ArrayList<Runnable>();
        final var applied = new ArrayList<String>();
        final var listener = new ListListener<Filter, String>(
            path -> path.getFirstKeyOf(Filter.class).getName().getValue(),
            filter -> "prepared " + filter.requireName().getValue(),
            (name, prepared) -> applied.add(name + "=" + prepared), tasks::add);
        final var deleted = change("gone");
        final var gone = deleted.getRootNode();
        doReturn(null).when(gone).dataAfter();

        listener.onDataTreeChanged(List.of(change("a"), deleted));
        assertEquals(1, tasks.size());
        tasks.get(0).run();
        assertEquals(List.of("a=prepared a", "gone=null"), applied);
    }

    @SuppressWarnings("unchecked")
    private static DataTreeModification<Filter> change(final String name) {
        final var modification = (DataTreeModification<Filter>) mock(DataTreeModification.class);
        final var node = (DataObjectModification<Filter>) mock(DataObjectModification.class);
        doReturn(DataObjectIdentifier.builder(TrafficFilters.class).child(Filter.class,
            new FilterKey(new ObjectName(name))).build()).when(modification).path();
        doReturn(node).when(modification).getRootNode();
        doReturn(new FilterBuilder().setName(new ObjectName(name)).build()).when(node).dataAfter();
        return modification;
    }
}
