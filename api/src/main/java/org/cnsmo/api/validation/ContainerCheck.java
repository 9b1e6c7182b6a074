/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.validation;

import org.eclipse.jdt.annotation.NonNull;
import org.opendaylight.yangtools.binding.ChildOf;
import org.opendaylight.yangtools.binding.DataRoot;

/**
 * An {@link IntentCheck} that names the top-level container it checks. Each service bundle publishes its checks
 * as OSGi services of this type and {@link CommitGuards} vetoes, for each, the commits the check finds invalid.
 *
 * @param <T> the container type
 */
public interface ContainerCheck<T extends ChildOf<? extends DataRoot<?>>> extends IntentCheck<T> {
    /**
     * The container this check applies to.
     *
     * @return the container class
     */
    @NonNull Class<T> container();
}
