/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnsmo.api.nodes.NodeStatusReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Status.Installed;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.Verification;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.VerificationBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/** A rule's observed entry carries what the renderer saw and what the verifier found, whoever wrote last. */
class StatusWriterRulesTest {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** The operational rule entries, by name, as the writes left them. */
    private final Map<String, Rule> entries = new HashMap<>();
    private StatusWriter writer;

    @BeforeEach
    void setUp() {
        final var broker = mock(DataBroker.class);
        final var chain = mock(TransactionChain.class);
        doReturn(chain).when(broker).createMergingTransactionChain();
        doAnswer(invocation -> transaction()).when(chain).newWriteOnlyTransaction();
        writer = new StatusWriter(broker, tasks::add, tasks::add, mock(NodeStatusReports.class));
    }

    private WriteTransaction transaction() {
        final var tx = mock(WriteTransaction.class);
        doAnswer(invocation -> {
            if (invocation.getArgument(2) instanceof Rule rule) {
                entries.put(rule.requireName().getValue(), rule);
            }
            return null;
        }).when(tx).put(any(), any(DataObjectIdentifier.class), any());
        doAnswer(invocation -> {
            final DataObjectIdentifier<?> path = invocation.getArgument(1);
            entries.keySet().removeIf(name -> path.equals(DataObjectIdentifier.builder(Firewall.class)
                .child(Rule.class, new RuleKey(new ObjectName(name))).build()));
            return null;
        }).when(tx).delete(any(), any(DataObjectIdentifier.class));
        doReturn(CommitInfo.emptyFluentFuture()).when(tx).commit();
        return tx;
    }

    private void commit() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private static Rule rule(final String name) {
        return new RuleBuilder().setName(new ObjectName(name)).setPriority(Uint16.valueOf(100)).build();
    }

    private static Rule found(final String name, final String... shadowedBy) {
        return new RuleBuilder(rule(name)).setVerification(verification(shadowedBy)).build();
    }

    private static Verification verification(final String... shadowedBy) {
        return new VerificationBuilder()
            .setInstalledNodes(Uint32.ONE)
            .setShadowedBy(shadowedBy.length == 0 ? null : Set.of(new ObjectName(shadowedBy[0])))
            .setRedundant(shadowedBy.length > 0)
            .build();
    }

    @Test
    void findingsAndStateShareTheEntry() {
        writer.rule(rule("web"), null, Installed.Pending, "on its way");
        writer.ruleVerification(List.of(found("web", "all")));
        commit();
        assertEquals(Installed.Pending, entries.get("web").getStatus().getInstalled());
        assertEquals(Set.of(new ObjectName("all")), entries.get("web").getVerification().getShadowedBy());

        writer.rule(rule("web"), null, Installed.Installed, null);
        commit();
        assertEquals(Installed.Installed, entries.get("web").getStatus().getInstalled(), "the renderer's news");
        assertEquals(Set.of(new ObjectName("all")), entries.get("web").getVerification().getShadowedBy(),
            "the verifier's finding survives the renderer's write");
    }

    @Test
    void findingsWithdrawnKeepTheRenderersState() {
        writer.rule(rule("web"), null, Installed.Installed, null);
        writer.ruleVerification(List.of(found("web", "all")));
        writer.ruleVerification(List.of());
        commit();
        assertNull(entries.get("web").getVerification(), "a rule the verifier no longer reports has no finding");
        assertEquals(Installed.Installed, entries.get("web").getStatus().getInstalled());
    }

    @Test
    void aFindingOfARuleTheRendererDoesNotKnowGoesWithIt() {
        writer.ruleVerification(List.of(found("late")));
        commit();
        assertEquals(verification(), entries.get("late").getVerification());
        writer.ruleVerification(List.of());
        commit();
        assertNull(entries.get("late"), "nothing else owned the entry");
    }

    @Test
    void aRemovedRuleForgetsItsFindings() {
        writer.rule(rule("web"), null, Installed.Installed, null);
        writer.ruleVerification(List.of(found("web", "all")));
        writer.removeRule("web");
        writer.rule(rule("web"), null, Installed.Pending, null);
        commit();
        assertNull(entries.get("web").getVerification(), "a rule created again starts without the old finding");
    }
}
