/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * PEM text for certificates, CRLs and PKCS#8 private keys, as OpenSSL (and so OpenVPN) reads them.
 */
public final class Pem {
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String CRL = "X509 CRL";

    private Pem() {
        // utility class
    }

    public static String certificate(final X509Certificate certificate) {
        try {
            return encode(CERTIFICATE, certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    public static String privateKey(final PrivateKey key) {
        return encode(PRIVATE_KEY, key.getEncoded());
    }

    public static String crl(final byte[] der) {
        return encode(CRL, der);
    }

    public static X509Certificate parseCertificate(final String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(decode(CERTIFICATE, pem)));
    }

    public static PrivateKey parseEcPrivateKey(final String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(PRIVATE_KEY, pem)));
    }

    static String encode(final String type, final byte[] der) {
        final var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] decode(final String type, final String pem) throws GeneralSecurityException {
        final var begin = "-----BEGIN " + type + "-----";
        final var end = "-----END " + type + "-----";
        final int from = pem.indexOf(begin);
        final int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("no " + type + " block in PEM text");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
