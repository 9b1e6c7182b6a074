/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerKeystoreTest {
    private static final String CONFIG = """
        org.osgi.service.http.port = 8181
        org.ops4j.pax.web.ssl.keystore = ${karaf.home}/cnsmo/https/keystore.p12
        #org.ops4j.pax.web.ssl.keystore.password = changeit
        """;

    @TempDir
    Path home;

    @Test
    void issuesAPrivateKeystoreSignedByTheCaAndWritesItsPassword() throws IOException, GeneralSecurityException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), CONFIG, StandardCharsets.UTF_8);

        WebServerKeystore.main(new String[] { home.toString(), "controller.example", "127.0.0.1" });

        final var config = Files.readAllLines(home.resolve("etc/org.ops4j.pax.web.cfg"));
        final var password = config.stream().filter(line -> line.startsWith("org.ops4j.pax.web.ssl.key.password"))
            .map(line -> line.substring(line.indexOf('=') + 1).strip()).findFirst().orElseThrow();
        assertTrue(config.contains("org.ops4j.pax.web.ssl.keystore.password = " + password));
        assertTrue(config.contains("org.osgi.service.http.port = 8181"));

        final var file = home.resolve(WebServerKeystore.KEYSTORE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        final var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        final var chain = store.getCertificateChain(WebServerKeystore.ALIAS);
        final var server = (X509Certificate) chain[0];
        final var ca = (X509Certificate) chain[1];
        server.verify(ca.getPublicKey());
        assertEquals(PkiStore.open(home.resolve("cnsmo/pki"), java.time.Clock.systemUTC()).caCertificate(), ca);
        final Set<String> names = server.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1))
            .collect(Collectors.toSet());
        assertEquals(Set.of("controller.example", "127.0.0.1"), names);
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    }

    @Test
    void replacesCommentedPasswordLinesAndAppendsMissingOnes() {
        final var lines = WebServerKeystore.withPasswords(CONFIG, "s3cret").lines().toList();
        assertEquals(List.of(
            "org.osgi.service.http.port = 8181",
            "org.ops4j.pax.web.ssl.keystore = ${karaf.home}/cnsmo/https/keystore.p12",
            "org.ops4j.pax.web.ssl.keystore.password = s3cret",
            "org.ops4j.pax.web.ssl.key.password = s3cret"), lines);
    }
}
