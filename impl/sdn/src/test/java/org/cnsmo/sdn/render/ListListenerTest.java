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
        final var listener = new ListListener<Filter>(path -> path.getFirstKeyOf(Filter.class).getName().getValue(),
            (name, filter) -> {
                if ("bad".equals(name)) {
                    throw new IllegalStateException("a defect in the renderer");
                }
                applied.add(name);
            }, MoreExecutors.directExecutor());

        listener.onDataTreeChanged(List.of(change("a"), change("bad"), change("c")));
        assertEquals(List.of("a", "c"), applied);
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
