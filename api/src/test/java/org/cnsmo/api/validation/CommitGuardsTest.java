/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yangtools.concepts.AbstractRegistration;

class CommitGuardsTest {
    /**
     * Records the cohorts registered, as the broker would hold them.
     */
    private static final class FakeRegistrar implements CommitGuards.Registrar {
        final List<Cohort> cohorts = new ArrayList<>();

        @Override
        public Cohort register(final ContainerCheck<?> check) {
            final var cohort = new Cohort(check);
            cohorts.add(cohort);
            return cohort;
        }

        List<ContainerCheck<?>> open() {
            return cohorts.stream().filter(cohort -> !cohort.isClosed()).<ContainerCheck<?>>map(cohort -> cohort.check)
                .toList();
        }
    }

    private static final class Cohort extends AbstractRegistration {
        final ContainerCheck<?> check;

        Cohort(final ContainerCheck<?> check) {
            this.check = check;
        }

        @Override
        protected void removeRegistration() {
            // nothing to release
        }
    }

    private static final class NodesCheck implements ContainerCheck<Nodes> {
        @Override
        public Class<Nodes> container() {
            return Nodes.class;
        }

        @Override
        public ListenableFuture<List<Violation>> check(final Nodes before, final Nodes after) {
            return Futures.immediateFuture(List.of());
        }
    }

    private final FakeRegistrar registrar = new FakeRegistrar();
    private final CommitGuards guards = new CommitGuards(registrar);

    @Test
    void aCheckThatBindsGetsACohortThatClosesWhenItUnbinds() {
        final var check = new NodesCheck();

        guards.bindCheck(check);
        assertEquals(List.of(check), registrar.open());

        guards.unbindCheck(check);
        assertEquals(List.of(), registrar.open());
        assertEquals(1, registrar.cohorts.size());
    }

    @Test
    void unbindingOneCheckKeepsTheOthersGuarded() {
        final var first = new NodesCheck();
        final var second = new NodesCheck();
        guards.bindCheck(first);
        guards.bindCheck(second);

        guards.unbindCheck(first);
        assertEquals(List.of(second), registrar.open());
    }

    @Test
    void deactivatingClosesEveryCohortAndLaterUnbindsAreHarmless() {
        final var first = new NodesCheck();
        final var second = new NodesCheck();
        guards.bindCheck(first);
        guards.bindCheck(second);

        guards.close();
        assertEquals(List.of(), registrar.open());

        guards.unbindCheck(first);
        guards.unbindCheck(second);
        assertEquals(2, registrar.cohorts.size());
    }
}
