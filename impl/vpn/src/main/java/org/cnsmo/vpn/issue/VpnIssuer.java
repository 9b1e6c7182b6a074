/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

/**
 * The one client issuer, as a service: it handles one request at a time.
 */
public interface VpnIssuer {
    /**
     * The issuer.
     *
     * @return the issuer
     */
    ClientIssuer issuer();
}
