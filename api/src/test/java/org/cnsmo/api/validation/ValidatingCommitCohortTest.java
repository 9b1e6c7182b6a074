/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataRoot;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;

class ValidatingCommitCohortTest {
    @Test
    void rejectionListsEveryViolationAsInvalidValue() {
        final var treeId = DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, YangInstanceIdentifier.of());
        final var ex = ValidatingCommitCohort.rejection(treeId, List.of(
            new Violation("traffic-filters/filter=a/node", "node 'X' does not exist"),
            new Violation("traffic-filters/filter=b", "duplicates filter 'c'")));

        final var message = "traffic-filters/filter=a/node: node 'X' does not exist; "
            + "traffic-filters/filter=b: duplicates filter 'c'";
        assertEquals(message, ex.getMessage());
        final var cause = assertInstanceOf(NetconfDocumentedException.class, ex.getCause());
        assertEquals(ErrorTag.INVALID_VALUE, cause.getErrorTag());
        assertEquals(ErrorType.APPLICATION, cause.getErrorType());
        assertEquals(message, cause.getMessage());
    }

    private static final QName FILTER = QName.create("urn:test", "filter");
    private static final QName NAME = QName.create(FILTER, "name");

    @Test
    void writtenEntriesAreTheListEntriesCreatedOrChanged() {
        final var root = candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(FILTER), null,
            candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(FILTER), mock(SystemMapNode.class),
                entry(ModificationType.WRITE, "new"),
                entry(ModificationType.SUBTREE_MODIFIED, "changed"),
                entry(ModificationType.DELETE, "gone"),
                entry(ModificationType.UNMODIFIED, "same")));
        assertEquals(Set.of("new", "changed"), ValidatingCommitCohort.writtenEntries(root));
    }

    @Test
    void aDeletedListIsNothingWritten() {
        final var root = candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(FILTER), null,
            candidate(ModificationType.DELETE, new NodeIdentifier(FILTER), null));
        assertEquals(Set.of(), ValidatingCommitCohort.writtenEntries(root));
    }

    @Test
    void writingMoreThanListEntriesMeansCheckEverything() {
        assertNull(ValidatingCommitCohort.writtenEntries(candidate(ModificationType.WRITE,
            new NodeIdentifier(FILTER), null)), "the container itself was written");
        assertNull(ValidatingCommitCohort.writtenEntries(candidate(ModificationType.SUBTREE_MODIFIED,
            new NodeIdentifier(FILTER), null, candidate(ModificationType.WRITE, new NodeIdentifier(FILTER),
                mock(SystemMapNode.class)))), "a whole list was replaced");
        assertNull(ValidatingCommitCohort.writtenEntries(candidate(ModificationType.SUBTREE_MODIFIED,
            new NodeIdentifier(FILTER), null, candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(NAME),
                mock(LeafNode.class)))), "a leaf of the container changed");
    }

    @Test
    void aNormalizedCheckGetsTheContainersAsTheyAreAndNoBindingIsDecoded() throws Exception {
        final var codec = mock(BindingNormalizedNodeSerializer.class);
        final var before = mock(ContainerNode.class);
        final var after = mock(ContainerNode.class);
        final var seen = new ArrayList<Object>();
        final var cohort = new ValidatingCommitCohort<>(codec, TestContainer.class, new NormalizedTestCheck(
            (old, now, written) -> {
                seen.addAll(Arrays.asList(old, now, written));
                return List.of(new Violation("test", "refused"));
            }));
        final var root = candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(FILTER), after,
            candidate(ModificationType.SUBTREE_MODIFIED, new NodeIdentifier(FILTER), mock(SystemMapNode.class),
                entry(ModificationType.WRITE, "new")));
        when(root.dataBefore()).thenReturn(before);
        final var candidate = mock(DOMDataTreeCandidate.class);
        when(candidate.getRootNode()).thenReturn(root);
        when(candidate.getRootPath()).thenReturn(
            DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, YangInstanceIdentifier.of(FILTER)));

        final var failure = assertThrows(ExecutionException.class,
            () -> cohort.canCommit("tx", null, List.of(candidate)).get());
        assertEquals("test: refused", failure.getCause().getMessage());
        assertEquals(List.of(before, after, Set.of("new")), seen);
        verifyNoInteractions(codec);

        // A deleted container leaves nothing to check.
        when(root.dataAfter()).thenReturn(null);
        assertEquals(PostCanCommitStep.NOOP, cohort.canCommit("tx", null, List.of(candidate)).get());
        assertEquals(3, seen.size());
    }

    /** A container type for the cohort's generic signature; the normalized check never sees it. */
    private interface TestContainer extends ChildOf<DataRoot<?>> {
        // a type only
    }

    /** What a normalized check does with its three arguments. */
    @FunctionalInterface
    private interface NormalizedBody {
        List<Violation> check(ContainerNode before, ContainerNode after, Set<String> written);
    }

    private record NormalizedTestCheck(NormalizedBody body) implements IntentCheck<TestContainer>, NormalizedCheck {
        @Override
        public ListenableFuture<List<Violation>> check(final TestContainer before, final TestContainer after) {
            throw new AssertionError("the binding check was called");
        }

        @Override
        public ListenableFuture<List<Violation>> check(final ContainerNode before, final ContainerNode after,
                final Set<String> written) {
            return Futures.immediateFuture(body.check(before, after, written));
        }
    }

    private static DataTreeCandidateNode entry(final ModificationType type, final String name) {
        return candidate(type, NodeIdentifierWithPredicates.of(FILTER, NAME, name), null);
    }

    private static DataTreeCandidateNode candidate(final ModificationType type, final PathArgument name,
            final NormalizedNode after, final DataTreeCandidateNode... children) {
        final var node = mock(DataTreeCandidateNode.class);
        when(node.modificationType()).thenReturn(type);
        when(node.name()).thenReturn(name);
        when(node.dataAfter()).thenReturn(after);
        when(node.childNodes()).thenReturn(List.of(children));
        return node;
    }
}
