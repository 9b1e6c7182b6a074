/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.nio.file.Path;

/**
 * Where the OpenVPN server's files live.
 *
 * @param caCertificate the CA certificate
 * @param certificate the server certificate
 * @param key the server key
 * @param crl the certificate revocation list
 * @param clientConfigDir the directory of per-client files ({@code client-config-dir})
 * @param managementSocket the management interface's unix socket
 * @param status the status file OpenVPN rewrites every second
 * @param portSecurityScript the script of OpenVPN's up, down and learn-address hooks ({@link PortSecurity})
 */
public record ServerFiles(Path caCertificate, Path certificate, Path key, Path crl, Path clientConfigDir,
        Path managementSocket, Path status, Path portSecurityScript) {
}
