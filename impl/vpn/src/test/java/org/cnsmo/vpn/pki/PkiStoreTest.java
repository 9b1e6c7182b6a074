/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesAuthorityAndServerReadableOnlyByOwner() throws Exception {
        final var store = PkiStore.open(dir.resolve("pki"), CLOCK);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki"))));
        for (var file : Set.of("ca.key", "ca.crt", "server.key", "server.crt", "crl.pem", "serial")) {
            assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki").resolve(file))), file);
        }
        final var server = Pem.parseCertificate(Files.readString(store.serverCertificateFile()));
        server.verify(store.caCertificate().getPublicKey());
        assertEquals("CN=" + PkiStore.SERVER_NAME, server.getSubjectX500Principal().getName());
        assertEquals("1.3.6.1.5.5.7.3.1", server.getExtendedKeyUsage().getFirst());
        assertTrue(store.caCertificate().getBasicConstraints() >= 0);
    }

    @Test
    void reopeningKeepsTheAuthority() throws Exception {
        final var first = PkiStore.open(dir, CLOCK).caCertificate();
        assertEquals(first, PkiStore.open(dir, CLOCK).caCertificate());
    }

    @Test
    void clientCertificateIsSignedByTheAuthorityAndMatchesItsKey() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        final var issued = store.issueClient("Agent.1");

        issued.certificate().verify(store.caCertificate().getPublicKey());
        assertEquals("CN=Agent.1", issued.certificate().getSubjectX500Principal().getName());
        assertEquals("1.3.6.1.5.5.7.3.2", issued.certificate().getExtendedKeyUsage().getFirst());
        final var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(issued.key());
        signer.update(new byte[] { 1, 2, 3 });
        final var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(issued.certificate().getPublicKey());
        verifier.update(new byte[] { 1, 2, 3 });
        assertTrue(verifier.verify(signer.sign()));
        assertEquals(Set.of("Agent.1"), store.issuedNames());
        // Client keys are handed out, never kept.
        assertFalse(Files.readString(dir.resolve("issued").resolve("Agent.1.crt")).contains("PRIVATE KEY"));
    }

    @Test
    void reissuingANameRevokesItsEarlierCertificate() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        final var first = store.issueClient("Agent.1").certificate();
        final var second = store.issueClient("Agent.1").certificate();

        final var crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
            Files.readString(store.crlFile()).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(crl.isRevoked(first));
        assertFalse(crl.isRevoked(second));
        assertEquals(second, store.clientCertificate("Agent.1").orElseThrow());
    }

    @Test
    void revokedCertificateIsOnTheCrlAndTheNameIsFree() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        final var first = store.issueClient("Agent.1").certificate();
        final var other = store.issueClient("Agent.2").certificate();

        assertTrue(store.revoke("Agent.1"));
        assertFalse(store.revoke("Agent.1"));

        final var crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
            Files.readString(store.crlFile()).getBytes(StandardCharsets.US_ASCII)));
        crl.verify(store.caCertificate().getPublicKey());
        assertTrue(crl.isRevoked(first));
        assertFalse(crl.isRevoked(other));
        assertTrue(store.clientCertificate("Agent.1").isEmpty());
        assertEquals(Set.of("Agent.2"), store.issuedNames());
        final var again = store.issueClient("Agent.1").certificate();
        assertFalse(crl.isRevoked(again));
    }

    @Test
    void heldCertificateIsOnTheCrlAsHoldAndReleasingItTakesItOff() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        final var held = store.issueClient("Agent.1").certificate();

        assertTrue(store.hold("Agent.1"));
        assertFalse(store.hold("Agent.1"));
        var crl = crl(store);
        crl.verify(store.caCertificate().getPublicKey());
        assertEquals(java.security.cert.CRLReason.CERTIFICATE_HOLD,
            crl.getRevokedCertificate(held).getRevocationReason());
        assertTrue(store.clientCertificate("Agent.1").isEmpty());
        assertEquals(Set.of("Agent.1"), store.heldNames());

        assertTrue(store.release("Agent.1"));
        assertFalse(store.release("Agent.1"));
        crl = crl(store);
        assertFalse(crl.isRevoked(held));
        assertEquals(held, store.clientCertificate("Agent.1").orElseThrow());
    }

    @Test
    void heldCertificateIsRevokedForGoodWhenTheNameGetsANewOne() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        final var held = store.issueClient("Agent.1").certificate();
        store.hold("Agent.1");

        final var second = store.issueClient("Agent.1").certificate();
        assertFalse(store.release("Agent.1"));
        final var crl = crl(store);
        assertTrue(crl.isRevoked(held));
        // For good: listed without the hold reason (unspecified is left out of the entry).
        assertNotEquals(java.security.cert.CRLReason.CERTIFICATE_HOLD,
            crl.getRevokedCertificate(held).getRevocationReason());
        assertFalse(crl.isRevoked(second));
        assertEquals(Set.of(), store.heldNames());
    }

    @Test
    void nameThatIsNotANodeNameNeverReachesTheFileSystem() throws Exception {
        final var store = PkiStore.open(dir, CLOCK);
        assertThrows(IllegalArgumentException.class, () -> store.clientCertificate("../ca"));
        assertThrows(IllegalArgumentException.class, () -> store.hold("a/b"));
    }

    private static X509CRL crl(final PkiStore store) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
            Files.readString(store.crlFile()).getBytes(StandardCharsets.US_ASCII)));
    }
}
