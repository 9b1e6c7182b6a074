/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one controller for all RESTCONF tests of the run and stops it at the end; test methods receive a
 * {@link RestconfClient} for it, or the {@link Controller} itself.
 */
public final class ControllerExtension implements BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(ControllerExtension.class);

    /** Lets JUnit close the controller when the whole run ends. */
    private record Running(Controller controller) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws InterruptedException {
            controller.close();
        }
    }

    @Override
    public void beforeAll(final ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        final var type = parameter.getParameter().getType();
        return type == RestconfClient.class || type == Controller.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        final var controller = running(context).controller();
        return parameter.getParameter().getType() == Controller.class ? controller : controller.client();
    }

    private static Running running(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> {
            try {
                final var assembly = Path.of(System.getProperty("cnsmo.assembly",
                    "../karaf-distribution/target/assembly")).toAbsolutePath();
                return new Running(Controller.start(assembly, Path.of("target/controller").toAbsolutePath()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the controller", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the controller", e);
            }
        }, Running.class);
    }
}
