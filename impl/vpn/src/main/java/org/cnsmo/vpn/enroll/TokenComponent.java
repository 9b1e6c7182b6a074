/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Owns the enrollment tokens. They live in memory: a restart invalidates the unused ones.
 */
@Component(service = TokenService.class, immediate = true)
public final class TokenComponent implements TokenService {
    private final EnrollmentTokens tokens;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public TokenComponent(final EnrollmentTokens tokens) {
        this.tokens = requireNonNull(tokens);
    }

    @Activate
    public TokenComponent() {
        this(new EnrollmentTokens(new SecureRandom(), Clock.systemUTC()));
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
