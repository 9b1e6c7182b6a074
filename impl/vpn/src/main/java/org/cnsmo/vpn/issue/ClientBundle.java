/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.issue;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Everything a stock OpenVPN client needs, handed out once.
 *
 * @param name the client's name
 * @param overlayAddress its overlay address
 * @param prefixLength prefix length of the overlay subnet
 * @param serverAddress the VPN server's overlay address, where the controller listens for switches
 * @param caCrt PEM certificate of the CA
 * @param clientCrt PEM certificate of the client
 * @param clientKey PEM private key of the client, or null when the client generated its key itself and sent
 *     only a certificate request
 * @param clientConf the OpenVPN client configuration
 */
public record ClientBundle(String name, String overlayAddress, int prefixLength, String serverAddress,
        String caCrt, String clientCrt, @Nullable String clientKey,
        String clientConf) {
}
