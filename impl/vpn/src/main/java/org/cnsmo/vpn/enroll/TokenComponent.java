/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the enrollment tokens, recorded in the configuration datastore so that they survive a restart.
 */
@Component(service = TokenService.class, immediate = true)
public final class TokenComponent implements TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenComponent.class);
    private final EnrollmentTokens tokens;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public TokenComponent(final EnrollmentTokens tokens) {
        this.tokens = requireNonNull(tokens);
    }

    @Activate
    public TokenComponent(@Reference final DataBroker dataBroker) {
        this(recorded(new DatastoreTokenStore(dataBroker)));
    }

    /** Tokens in memory only. */
    public TokenComponent() {
        this(new EnrollmentTokens(new SecureRandom(), Clock.systemUTC()));
    }

    private static EnrollmentTokens recorded(final TokenStore store) {
        List<TokenStore.Entry> entries;
        try {
            entries = store.load();
        } catch (IOException e) {
            // Without the records, earlier tokens are unknown and so refused: nothing is let in by mistake.
            LOG.error("Cannot read the enrollment tokens issued before this start; they will be refused", e);
            entries = List.of();
        }
        return new EnrollmentTokens(new SecureRandom(), Clock.systemUTC(), store, entries);
    }

    @Override
    public EnrollmentTokens tokens() {
        return tokens;
    }

    @Override
    public void changed() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public Registration onChange(final Runnable listener) {
        final var wrapper = new Runnable() {
            @Override
            public void run() {
                listener.run();
            }
        };
        listeners.add(wrapper);
        return () -> listeners.remove(wrapper);
    }
}
