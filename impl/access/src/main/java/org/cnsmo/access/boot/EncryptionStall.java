/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access.boot;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides when AAA's encryption-service configurator has stalled: the configurator component is active, but
 * no encryption service has appeared for a whole grace period since that activation.
 *
 * <p>Why this happens (aaa 0.21.2, {@code OSGiEncryptionServiceConfigurator}): its constructor registers a data
 * listener and only then stores the registration, while the listener's first call drops its notification when
 * the registration is not stored yet. On a restart the configuration exists, so that first notification is the
 * only one and may be lost; the service then never starts and neither do Shiro nor RESTCONF. Deactivating and
 * activating the component registers the listener again, which reads the stored configuration again, so the
 * stored key and salt are kept.
 *
 * <p>Pure and not thread-safe: feed it observations from one thread.
 */
final class EncryptionStall {
    private final Duration grace;
    /** The activation being timed: the component id SCR gave it, or -1. */
    private long watchedId = -1;
    private Instant watchedSince = Instant.MIN;

    EncryptionStall(final Duration grace) {
        this.grace = requireNonNull(grace);
    }

    /**
     * Takes one observation and says whether the configurator must be restarted now.
     *
     * @param activeConfigurator the component id of the active configurator, empty when it is not active
     * @param serviceRegistered whether an encryption service is registered
     * @param now when the observation was made
     * @return how long the activation has waited for its service, when that is a whole grace period and the
     *     configurator must be restarted; empty otherwise
     */
    Optional<Duration> restartNeeded(final OptionalLong activeConfigurator, final boolean serviceRegistered,
            final Instant now) {
        if (activeConfigurator.isEmpty() || serviceRegistered) {
            watchedId = -1;
            return Optional.empty();
        }
        final long id = activeConfigurator.getAsLong();
        if (id != watchedId) {
            watchedId = id;
            watchedSince = now;
            return Optional.empty();
        }
        final var waited = Duration.between(watchedSince, now);
        if (waited.compareTo(grace) < 0) {
            return Optional.empty();
        }
        // The restart gives the configurator a new id; that activation is timed afresh.
        watchedId = -1;
        return Optional.of(waited);
    }
}
