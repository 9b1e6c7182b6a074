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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenflowKeystoreTest {
    private static final Pattern PASSWORD = Pattern.compile("<keystore-password>([^<]+)</keystore-password>");

    @TempDir
    Path home;

    @Test
    void writesPrivateStoresAndTlsProvidersByDefault() throws IOException, GeneralSecurityException {
        OpenflowKeystore.main(new String[] { home.toString(), "off" });

        final var configs = home.resolve(OpenflowKeystore.CONFIG_DIR);
        final var main = Files.readString(configs.resolve(OpenflowKeystore.DEFAULT_CONFIG), StandardCharsets.UTF_8);
        final var legacy = Files.readString(configs.resolve(OpenflowKeystore.LEGACY_CONFIG), StandardCharsets.UTF_8);
        assertTrue(main.contains("<port>6653</port>") && main.contains("<transport-protocol>TLS</transport-protocol>"));
        assertTrue(legacy.contains("<port>6633</port>")
            && legacy.contains("<transport-protocol>TLS</transport-protocol>"), "no plain TCP unless asked for");
        final var matcher = PASSWORD.matcher(main);
        assertTrue(matcher.find());
        final var password = matcher.group(1).toCharArray();
        for (var file : new Path[] { home.resolve(OpenflowKeystore.KEYSTORE), home.resolve(OpenflowKeystore.TRUSTSTORE),
                configs.resolve(OpenflowKeystore.DEFAULT_CONFIG), configs.resolve(OpenflowKeystore.LEGACY_CONFIG) }) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                file.toString());
        }
        assertEquals(PosixFilePermissions.fromString("rwx------"),
            Files.getPosixFilePermissions(home.resolve(OpenflowKeystore.KEYSTORE).getParent()));

        final var ca = PkiStore.open(home.resolve("cnsmo/pki"), Clock.systemUTC()).caCertificate();
        final var keys = load(home.resolve(OpenflowKeystore.KEYSTORE), password);
        final var chain = keys.getCertificateChain(OpenflowKeystore.ALIAS);
        final var own = (X509Certificate) chain[0];
        own.verify(ca.getPublicKey());
        assertTrue(own.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        final var trust = load(home.resolve(OpenflowKeystore.TRUSTSTORE), password);
        assertEquals(1, trust.size());
        assertEquals(ca, trust.getCertificate(OpenflowKeystore.CA_ALIAS));
        assertFalse(trust.isKeyEntry(OpenflowKeystore.CA_ALIAS));
    }

    @Test
    void opensPlainTcpOnlyWhereTheOperatorSays() throws IOException {
        OpenflowKeystore.main(new String[] { home.toString(), "127.0.0.1:6633" });

        final var legacy = Files.readString(home.resolve(OpenflowKeystore.CONFIG_DIR)
            .resolve(OpenflowKeystore.LEGACY_CONFIG), StandardCharsets.UTF_8);
        assertTrue(legacy.contains("<address>127.0.0.1</address>"));
        assertTrue(legacy.contains("<transport-protocol>TCP</transport-protocol>"));
        assertFalse(legacy.contains("password"), "a plain provider carries no secret");
    }

    @Test
    void parsesThePlainTcpSetting() {
        assertNull(OpenflowKeystore.PlainTcp.parse(" off "));
        assertNull(OpenflowKeystore.PlainTcp.parse(""));
        assertEquals(new OpenflowKeystore.PlainTcp("10.0.0.1", 6633), OpenflowKeystore.PlainTcp.parse("10.0.0.1:6633"));
        for (var bad : new String[] { "on", "6633", "10.0.0.1:6653", "10.0.0.1:0", "300.0.0.1:6633", "host:6633" }) {
            assertThrows(IllegalArgumentException.class, () -> OpenflowKeystore.PlainTcp.parse(bad), bad);
        }
    }

    private static KeyStore load(final Path file, final char[] password) throws IOException, GeneralSecurityException {
        final var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
