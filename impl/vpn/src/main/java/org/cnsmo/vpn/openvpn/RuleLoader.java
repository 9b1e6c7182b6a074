/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a file of nftables rules into the controller host's kernel.
 */
@FunctionalInterface
public interface RuleLoader {
    /**
     * Loads the rules; the file replaces what it names at once, or changes nothing.
     *
     * @param rules the rules file
     * @throws IOException if they cannot be loaded
     */
    void load(Path rules) throws IOException;
}
