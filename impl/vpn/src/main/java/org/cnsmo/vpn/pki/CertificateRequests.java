/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Certificate signing requests from nodes, which generate their private key themselves and send only this: the
 * key never crosses the network. A request is accepted only when it is signed by the key it carries (proof of
 * possession) and that key is an EC P-256 key, as every other key of the overlay.
 */
public final class CertificateRequests {
    /** Far larger than any P-256 request in PEM, small enough that a hostile body costs nothing. */
    static final int MAX_PEM_LENGTH = 4096;

    private CertificateRequests() {
        // utility
    }

    /**
     * The public key of a PEM certificate signing request.
     *
     * @param pem the request, {@code -----BEGIN CERTIFICATE REQUEST-----} ...
     * @return its key
     * @throws IllegalArgumentException if it is not a well-formed request for a P-256 key signed by that key
     */
    public static PublicKey publicKey(final String pem) {
        if (pem.length() > MAX_PEM_LENGTH) {
            throw new IllegalArgumentException("the certificate request is longer than " + MAX_PEM_LENGTH
                + " characters");
        }
        final Object parsed;
        try (var parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("the certificate request is not valid PEM", e);
        }
        if (!(parsed instanceof PKCS10CertificationRequest request)) {
            throw new IllegalArgumentException("the text is not a PEM certificate request");
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("the certificate request is not signed by its own key");
            }
            final var key = new JcaPKCS10CertificationRequest(request).getPublicKey();
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("the certificate request must be for an EC P-256 key");
            }
            return key;
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate request cannot be verified: " + e.getMessage(), e);
        }
    }
}
