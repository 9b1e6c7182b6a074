/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataBroker.CommitCohortExtension;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.DataRoot;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vetoes configuration commits that an {@link IntentCheck} finds invalid, before anything is written.
 *
 * <p>mdsal 14 no longer publishes a binding commit-cohort registry, so this cohort registers with the DOM
 * broker and decodes the candidate into binding objects, or hands it over as it is to a check that is also a
 * {@link NormalizedCheck}. A rejection carries a
 * {@link NetconfDocumentedException} with {@code invalid-value}: RESTCONF passes that error through, so the
 * client gets a 400 whose message lists every violation, and the transaction leaves the datastore unchanged.
 *
 * @param <T> type of the top-level container this cohort guards
 */
public final class ValidatingCommitCohort<T extends ChildOf<? extends DataRoot<?>>>
        implements DOMDataTreeCommitCohort {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatingCommitCohort.class);

    private final BindingNormalizedNodeSerializer codec;
    private final Class<T> container;
    private final IntentCheck<T> check;

    ValidatingCommitCohort(final BindingNormalizedNodeSerializer codec, final Class<T> container,
            final IntentCheck<T> check) {
        this.codec = requireNonNull(codec);
        this.container = requireNonNull(container);
        this.check = requireNonNull(check);
    }

    /**
     * Registers a check on the configuration of a top-level container.
     *
     * @param broker the DOM data broker
     * @param codec the binding codec
     * @param container the container class
     * @param check the check to run on each commit that touches the container
     * @param <T> type of the container
     * @return the registration; close it to stop checking
     */
    public static <T extends ChildOf<? extends DataRoot<?>>> @NonNull Registration register(
            final DOMDataBroker broker, final BindingNormalizedNodeSerializer codec, final Class<T> container,
            final IntentCheck<T> check) {
        final var cohorts = broker.extension(CommitCohortExtension.class);
        if (cohorts == null) {
            throw new IllegalStateException("The data broker does not support commit cohorts");
        }
        final var path = codec.toYangInstanceIdentifier(DataObjectReference.builder(container).build());
        final var registration = cohorts.registerCommitCohort(
            DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, path),
            new ValidatingCommitCohort<>(codec, container, check));
        // Tests and operators wait for this line: writes before it are not validated.
        LOG.info("CNSMO validating {} configuration", container.getSimpleName());
        return registration;
    }

    @Override
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        final var checks = candidates.stream().map(this::checkCandidate).toList();
        return FluentFuture.from(Futures.allAsList(checks)).transformAsync(results -> {
            final var violations = results.stream().flatMap(List::stream).toList();
            if (violations.isEmpty()) {
                return FluentFuture.from(Futures.immediateFuture(PostCanCommitStep.NOOP));
            }
            final var treeId = candidates.iterator().next().getRootPath();
            return FluentFuture.from(Futures.immediateFailedFuture(rejection(treeId, violations)));
        }, MoreExecutors.directExecutor());
    }

    private ListenableFuture<List<Violation>> checkCandidate(final DOMDataTreeCandidate candidate) {
        final var root = candidate.getRootNode();
        if (check instanceof NormalizedCheck normalized) {
            return root.dataAfter() instanceof ContainerNode after
                ? normalized.check(root.dataBefore() instanceof ContainerNode before ? before : null, after,
                    writtenEntries(root))
                // The whole container is deleted: nothing can be inconsistent.
                : Futures.immediateFuture(List.of());
        }
        final var path = candidate.getRootPath().path();
        final T after = decode(path, root.dataAfter());
        if (after == null) {
            // The whole container is deleted: nothing can be inconsistent.
            return Futures.immediateFuture(List.of());
        }
        return check.check(decode(path, root.dataBefore()), after, writtenEntries(root));
    }

    /**
     * The key values of the list entries under the container that a change created or changed, or null when it
     * did more than that (wrote the container itself, a whole list, or something that is not a list entry with
     * a single key) and the whole container must be checked.
     */
    static @Nullable Set<String> writtenEntries(final DataTreeCandidateNode root) {
        if (root.modificationType() != ModificationType.SUBTREE_MODIFIED) {
            return null;
        }
        final var written = new HashSet<String>();
        for (var child : root.childNodes()) {
            switch (child.modificationType()) {
                case UNMODIFIED, DELETE, DISAPPEARED:
                    continue;
                case SUBTREE_MODIFIED:
                    if (!(child.dataAfter() instanceof MapNode) || !addWrittenEntries(child, written)) {
                        return null;
                    }
                    break;
                default:
                    return null;
            }
        }
        return written;
    }

    private static boolean addWrittenEntries(final DataTreeCandidateNode list, final Set<String> written) {
        for (var entry : list.childNodes()) {
            switch (entry.modificationType()) {
                case UNMODIFIED, DELETE, DISAPPEARED:
                    continue;
                default:
                    if (!(entry.name() instanceof NodeIdentifierWithPredicates key) || key.size() != 1) {
                        return false;
                    }
                    written.add(String.valueOf(key.values().iterator().next()));
            }
        }
        return true;
    }

    private @Nullable T decode(final YangInstanceIdentifier path, final @Nullable NormalizedNode data) {
        if (data == null) {
            return null;
        }
        final var entry = codec.fromNormalizedNode(path, data);
        return entry == null ? null : container.cast(entry.getValue());
    }

    static DataValidationFailedException rejection(final DOMDataTreeIdentifier treeId,
            final List<Violation> violations) {
        final var message = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        return new DataValidationFailedException(DOMDataTreeIdentifier.class, treeId, message,
            new NetconfDocumentedException(message, ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                ErrorSeverity.ERROR));
    }
}
