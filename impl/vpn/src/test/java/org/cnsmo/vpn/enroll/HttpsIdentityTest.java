/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cnsmo.vpn.pki.Pem;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

class HttpsIdentityTest {
    @TempDir
    Path dir;

    @Test
    void pinIsTheOneCurlComputesForTheServedKey() throws Exception {
        final var issued = PkiStore.open(dir.resolve("pki"), Clock.systemUTC()).issueWebServer(List.of("localhost"));
        final var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("web", issued.key(), "secret".toCharArray(), new Certificate[] {issued.certificate()});
        Files.createDirectories(dir.resolve("cnsmo/https"));
        try (var out = Files.newOutputStream(dir.resolve("cnsmo/https/keystore.p12"))) {
            store.store(out, "secret".toCharArray());
        }
        final var properties = FrameworkUtil.asDictionary(Map.of(HttpsIdentity.ENABLED, "true",
            HttpsIdentity.PORT, "8443", HttpsIdentity.KEYSTORE, "${karaf.home}/cnsmo/https/keystore.p12",
            HttpsIdentity.KEYSTORE_PASSWORD, "secret"));

        final var identity = HttpsIdentity.of(properties, dir.toString());
        assertEquals(8443, identity.port());
        // The pin as curl's documentation computes it, with openssl, from the certificate alone.
        Files.writeString(dir.resolve("web.crt"), Pem.certificate(issued.certificate()));
        final var openssl = new ProcessBuilder("sh", "-c", "openssl x509 -in " + dir.resolve("web.crt")
            + " -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64")
            .redirectErrorStream(true).start();
        final var expected = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertEquals(0, openssl.waitFor());
        assertEquals("sha256//" + expected, identity.pin());
    }

    @Test
    void httpsOffIsRefusedWithTheReason() {
        final var properties = FrameworkUtil.asDictionary(Map.of(HttpsIdentity.ENABLED, "false"));
        final var refused = assertThrows(IOException.class, () -> HttpsIdentity.of(properties, dir.toString()));
        assertTrue(refused.getMessage().contains("HTTPS is off"), refused.getMessage());
    }
}
