/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import static org.cnsmo.verifier.Intents.newRule;
import static org.cnsmo.verifier.Intents.ports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;

/**
 * The verifier's figures at 100 nodes and 1,000 rules (docs/benchmark.md). Prints, asserts no timing; runs only
 * when asked: {@code ./mvnw -o verify -pl yang,impl/verifier -Dtest=VerifierBenchmark -Dcnsmo.bench=true}.
 */
class VerifierBenchmark {
    private static final int QUERIES = 500;
    private static final int TABLES = 512;
    private static final int VERDICTS = 32_768;

    @Test
    @EnabledIfSystemProperty(named = "cnsmo.bench", matches = "true")
    @SuppressWarnings("checkstyle:RegexpSinglelineJava")
    void figuresAtHundredNodesAndThousandRules() {
        final var intent = RandomPolicy.of(18, 100, 1000, 20, 0.1).build();
        final var everyNode = RandomPolicy.of(18, 100, 1000, 20, 1.0).build();
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            final var overlay = Overlay.of(intent);
            final double build = (System.nanoTime() - start) / 1e6;
            final var verifier = new Verifier(overlay);
            start = System.nanoTime();
            int classes = 0;
            for (int i = 0; i < QUERIES; i++) {
                classes += verifier.check(new Query("n" + i % 100, "n" + (i * 7 + 1) % 100, Query.TCP,
                    new Range(1, 65_535))).classes().size();
            }
            final double check = (System.nanoTime() - start) / 1e6 / QUERIES;
            // worst case: a rule on every node changes every pair
            final var global = new Proposal(List.of(ports(newRule("new", null, Direction.In, Protocol.Tcp,
                Action.Drop, 500), 5000, 6000).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of());
            start = System.nanoTime();
            final var after = Overlay.of(global.applyTo(intent));
            final var result = WhatIf.compare(overlay, after);
            final double whatIf = (System.nanoTime() - start) / 1e6;
            // typical case: a rule on one node changes its pairs
            final var local = new Proposal(List.of(ports(newRule("new", "n5", Direction.In, Protocol.Tcp,
                Action.Drop, 500), 5000, 6000).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of());
            start = System.nanoTime();
            final var localResult = WhatIf.compare(overlay, Overlay.of(local.applyTo(intent)));
            final double localWhatIf = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            final var findings = RuleUsefulness.of(Overlay.of(intent));
            final double usefulness = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            final var globalOverlay = Overlay.of(everyNode);
            final double globalBuild = (System.nanoTime() - start) / 1e6;
            final var globalFindings = RuleUsefulness.of(globalOverlay);
            final double globalUsefulness = (System.nanoTime() - start) / 1e6;
            System.out.printf("round %d: overlay of 100 nodes, 1000 rules, 20 filters built in %.1f ms; "
                + "check-reachability (tcp 1-65535) %.2f ms each (%.1f classes avg); what-if of a rule on every node "
                + "%.0f ms (%d triples, %d changes); of a rule on one node %.0f ms (%d changes)%n", round, build,
                check, (double) classes / QUERIES, whatIf, result.compared(), result.changes().size(), localWhatIf,
                localResult.changes().size());
            System.out.printf("round %d: shadowed/redundant rules (overlay built included) %.0f ms, %d shadowed, "
                + "%d redundant; with all 1000 rules on every node %.0f ms (%.0f ms building the overlay), "
                + "%d shadowed, %d redundant%n", round,
                usefulness, count(findings, RuleUsefulness.Finding::shadowed),
                count(findings, RuleUsefulness.Finding::redundant), globalUsefulness, globalBuild,
                count(globalFindings, RuleUsefulness.Finding::shadowed),
                count(globalFindings, RuleUsefulness.Finding::redundant));
            // as the RPCs run: a tables cache and a verdicts cache live across calls; each round starts empty
            final var tables = new SwitchTablesCache(TABLES);
            final var verdicts = new PairVerdictCache(VERDICTS);
            start = System.nanoTime();
            Overlay.of(intent, tables);
            final double filled = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            Overlay.of(intent, tables);
            final double cached = (System.nanoTime() - start) / 1e6;
            final var firstGlobal = rpcWhatIf(intent, global, tables, verdicts);
            final var firstLocal = rpcWhatIf(intent, local, tables, verdicts);
            final var other = new Proposal(List.of(ports(newRule("other", null, Direction.Out, Protocol.Udp,
                Action.Reject, 700), 7000, 8000).build()), Set.of(), List.of(), Set.of(), Set.of(), Set.of());
            final var secondGlobal = rpcWhatIf(intent, other, tables, verdicts);
            System.out.printf("round %d: as the RPCs run, with the caches: overlay built %.1f ms, then from the cache "
                + "%.1f ms; what-if of a rule on every node %.0f ms (%d changes, intent and proposal overlays "
                + "included), then of a rule on one node %.0f ms (%d changes), then of another rule on every node "
                + "%.0f ms (%d changes); %d switches, %d triples cached%n", round, filled, cached, firstGlobal[0],
                (long) firstGlobal[1], firstLocal[0], (long) firstLocal[1], secondGlobal[0], (long) secondGlobal[1],
                tables.size(), verdicts.size());
        }
    }

    /** What the what-if RPC computes, with its caches: the time in ms and the number of changes. */
    private static double[] rpcWhatIf(final Intent intent, final Proposal proposal, final SwitchTablesCache tables,
            final PairVerdictCache verdicts) {
        final long start = System.nanoTime();
        final var result = WhatIf.compare(Overlay.of(intent, tables), Overlay.of(proposal.applyTo(intent), tables),
            verdicts);
        return new double[] {(System.nanoTime() - start) / 1e6, result.changes().size()};
    }

    private static long count(final Map<String, RuleUsefulness.Finding> findings,
            final Predicate<RuleUsefulness.Finding> test) {
        return findings.values().stream().filter(test).count();
    }
}
