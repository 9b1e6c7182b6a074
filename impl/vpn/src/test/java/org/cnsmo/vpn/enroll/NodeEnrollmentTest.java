/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cnsmo.vpn.issue.ClientBundle;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class NodeEnrollmentTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    @Mock
    private ClientIssuer issuer;

    private PkiStore pki;
    private NodeEnrollment enrollment;
    private PrivateKey key;

    @BeforeEach
    void setUp() throws Exception {
        pki = PkiStore.open(dir, CLOCK);
        key = pki.issueClient("web-1").key();
        enrollment = new NodeEnrollment(new EnrollmentTokens(new SecureRandom(), CLOCK), issuer, pki, CLOCK, () -> { });
    }

    @Test
    void unknownNameAndBadSignatureGetTheSameAnswer() throws Exception {
        final long time = NOW.getEpochSecond();
        final var unknown = assertThrows(IssueException.class,
            () -> enrollment.leave("nobody", time, sign("nobody", time)));
        final var forged = assertThrows(IssueException.class,
            () -> enrollment.leave("web-1", time, sign("web-2", time)));
        final var pathLike = assertThrows(IssueException.class,
            () -> enrollment.leave("../pki/ca", time, sign("web-1", time)));
        assertEquals(403, unknown.httpStatus());
        assertEquals(unknown.getMessage(), forged.getMessage());
        assertEquals(unknown.getMessage(), pathLike.getMessage());
        verify(issuer, never()).remove(any());
    }

    @Test
    void replayedLeaveIsRefused() throws Exception {
        final long time = NOW.getEpochSecond();
        final var signature = sign("web-1", time);
        enrollment.leave("web-1", time, signature);
        assertEquals(403, assertThrows(IssueException.class,
            () -> enrollment.leave("web-1", time, signature)).httpStatus());
        verify(issuer, times(1)).remove("web-1");
    }

    @Test
    void timeOutOfAnyRangeIsRefusedNotAnError() {
        final var refused = assertThrows(IssueException.class,
            () -> enrollment.leave("web-1", Long.MAX_VALUE, sign("web-1", Long.MAX_VALUE)));
        assertEquals(403, refused.httpStatus());
        assertEquals(403, assertThrows(IssueException.class,
            () -> enrollment.leave("web-1", Long.MIN_VALUE, "x")).httpStatus());
    }

    @Test
    void enrollmentWithoutACertificateRequestIsRefusedAndKeepsTheToken() throws Exception {
        final var tokens = new EnrollmentTokens(new SecureRandom(), CLOCK);
        final var enrolling = new NodeEnrollment(tokens, issuer, pki, CLOCK, () -> { });
        final var token = tokens.create("web-9", Optional.empty(), Duration.ofHours(1)).text();

        assertEquals(400, assertThrows(IssueException.class, () -> enrolling.enroll(token, "1a", null)).httpStatus());
        assertEquals(400, assertThrows(IssueException.class,
            () -> enrolling.enroll(token, "1a", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n")).httpStatus());

        // The token was not spent: the same token enrolls with a request for the node's own key.
        final var nodeKeys = KeyPairGenerator.getInstance("EC");
        nodeKeys.initialize(new ECGenParameterSpec("secp256r1"));
        final var keys = nodeKeys.generateKeyPair();
        final var csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=cnsmo-node"), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        final var pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(csr.getEncoded())
            + "\n-----END CERTIFICATE REQUEST-----\n";
        doReturn(new ClientBundle("web-9", "10.8.0.9", 24, "10.8.0.1", "ca", "crt", null, "conf")).when(issuer)
            .issue(eq("web-9"), any(), any(), eq(Optional.of(keys.getPublic())));
        final var answer = enrolling.enroll(token, "1a", pem);
        assertFalse(answer.contains("client.key="), "the node's key never crosses the network: " + answer);
        assertTrue(answer.contains("client.crt="), answer);
    }

    private String sign(final String name, final long time) throws Exception {
        final var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(LeaveSignature.message(name, time).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
