/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks that a request to leave comes from the node itself: the node agent signs
 * {@code cnsmo-leave <name> <unix time>} with the node's VPN key ({@code openssl dgst -sha256 -sign}), and the
 * controller verifies it with the certificate it issued. A signature is accepted for five minutes around its
 * time. Pure.
 */
public final class LeaveSignature {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private LeaveSignature() {
        // utility class
    }

    /**
     * The text a node signs.
     *
     * @param name the node's name
     * @param epochSecond the time of the request
     * @return the text
     */
    public static String message(final String name, final long epochSecond) {
        return "cnsmo-leave " + name + " " + epochSecond;
    }

    /**
     * Whether a request's time is close enough to the controller's clock. Any long is accepted as input: one
     * too large for an {@link Instant} is simply too far away.
     *
     * @param epochSecond the time of the request
     * @param now the controller's time
     * @return whether it is within {@link #TOLERANCE}
     */
    public static boolean withinTolerance(final long epochSecond, final Instant now) {
        final long current = now.getEpochSecond();
        return epochSecond >= current - TOLERANCE.toSeconds() && epochSecond <= current + TOLERANCE.toSeconds();
    }

    /**
     * Why a signed leave request is not acceptable, if it is not.
     *
     * @param certificate the node's current certificate
     * @param name the node's name
     * @param epochSecond the time the node signed
     * @param signature the base64 DER ECDSA signature
     * @param now the controller's time
     * @return the problem, or {@code null} when the request is genuine
     */
    public static String problem(final X509Certificate certificate, final String name, final long epochSecond,
            final String signature, final Instant now) {
        if (!withinTolerance(epochSecond, now)) {
            return "the request's time is more than " + TOLERANCE.toMinutes()
                + " minutes away from the controller's clock";
        }
        try {
            final var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message(name, epochSecond).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getMimeDecoder().decode(signature)) ? null
                : "the signature does not match the node's certificate";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "the signature cannot be read: " + e.getMessage();
        }
    }
}
