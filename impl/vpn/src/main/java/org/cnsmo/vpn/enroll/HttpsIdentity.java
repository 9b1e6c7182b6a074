/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Dictionary;

/**
 * What a node needs to reach the controller's web server safely before it trusts anything: the HTTPS port and
 * the pin of the public key the server presents, in curl's {@code --pinnedpubkey} form
 * ({@code sha256//<base64 of the SHA-256 of the SubjectPublicKeyInfo>}). The join command carries both, so a
 * man in the middle with any other key, whatever CA signed it, is refused before a byte is sent.
 *
 * <p>Read from pax-web's own configuration (PID {@code org.ops4j.pax.web}): the keystore it serves HTTPS
 * from, so a certificate an operator installed instead of CNSMO's is pinned just the same.
 *
 * @param port the HTTPS port
 * @param pin the key's pin
 */
public record HttpsIdentity(int port, String pin) {
    static final String PORT = "org.osgi.service.http.port.secure";
    static final String ENABLED = "org.osgi.service.http.secure.enabled";
    static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
    static final String KEYSTORE_TYPE = "org.ops4j.pax.web.ssl.keystore.type";
    static final String KEYSTORE_PASSWORD = "org.ops4j.pax.web.ssl.keystore.password";
    static final String KEY_ALIAS = "org.ops4j.pax.web.ssl.key.alias";

    /**
     * The identity pax-web's configuration describes.
     *
     * @param properties pax-web's configuration
     * @param karafHome the controller's home, for a keystore path that still names {@code ${karaf.home}}
     * @return the identity
     * @throws IOException if HTTPS is off or its keystore cannot be read, with the reason
     */
    public static HttpsIdentity of(final Dictionary<String, ?> properties, final String karafHome)
            throws IOException {
        if (!Boolean.parseBoolean(text(properties, ENABLED, "false"))) {
            throw new IOException("HTTPS is off (" + ENABLED + " in etc/org.ops4j.pax.web.cfg): nodes join over "
                + "pinned HTTPS only");
        }
        final int port;
        try {
            port = Integer.parseInt(text(properties, PORT, ""));
        } catch (NumberFormatException e) {
            throw new IOException("no HTTPS port in " + PORT, e);
        }
        final var path = Path.of(text(properties, KEYSTORE, "").replace("${karaf.home}", karafHome));
        final var password = text(properties, KEYSTORE_PASSWORD, "").toCharArray();
        try (var in = Files.newInputStream(path)) {
            final var store = KeyStore.getInstance(text(properties, KEYSTORE_TYPE, "PKCS12"));
            store.load(in, password);
            final var alias = properties.get(KEY_ALIAS) != null ? properties.get(KEY_ALIAS).toString()
                : Collections.list(store.aliases()).stream().filter(name -> isKey(store, name)).findFirst()
                    .orElseThrow(() -> new IOException("no key in the HTTPS keystore " + path));
            final var certificate = store.getCertificate(alias);
            if (certificate == null) {
                throw new IOException("no certificate for " + alias + " in the HTTPS keystore " + path);
            }
            return new HttpsIdentity(port, pin(certificate));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the HTTPS keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pin of a certificate's public key.
     *
     * @param certificate the certificate
     * @return {@code sha256//...}
     */
    public static String pin(final Certificate certificate) {
        try {
            return "sha256//" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static boolean isKey(final KeyStore store, final String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(final Dictionary<String, ?> properties, final String key, final String absent) {
        final var value = properties.get(key);
        return value == null ? absent : value.toString().strip();
    }
}
