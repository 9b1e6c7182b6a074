/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.render;

import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs one piece of work on the renderer's thread so that an exception in it is logged with what it concerned
 * and goes no further: escaping, it would be swallowed by the executor (which keeps it in a future nobody reads),
 * and a periodic task would stop for good.
 */
public final class Guard {
    private Guard() {
        // utility
    }

    /**
     * Runs a task; an exception is logged as an error with the task's subject and the exception.
     *
     * @param log where to log
     * @param subject what the task concerned (an intent, a switch), computed only when it failed
     * @param task the task
     * @return whether the task completed
     */
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static boolean run(final Logger log, final Supplier<String> subject, final Runnable task) {
        try {
            task.run();
            return true;
        } catch (RuntimeException e) {
            log.error("{}; the next events are handled as usual", subject.get(), e);
            return false;
        }
    }
}
