/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.cnsmo.api.files.PrivateFiles;

/**
 * The HTTPS identity of the controller's web server, issued by the CNSMO CA. The web server reads its keystore
 * when it starts, so {@code bin/cnsmo-first-start} runs {@link #main(String[])} before Karaf boots: it writes
 * {@code <karaf home>/cnsmo/https/keystore.p12} (mode 0600) under a random password and puts that password into
 * {@code etc/org.ops4j.pax.web.cfg}.
 */
public final class WebServerKeystore {
    /** The keystore path, relative to Karaf's home. */
    public static final String KEYSTORE = "cnsmo/https/keystore.p12";
    static final String ALIAS = "cnsmo-https";
    private static final String PAX_WEB_CONFIG = "etc/org.ops4j.pax.web.cfg";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> PASSWORD_KEYS = List.of("org.ops4j.pax.web.ssl.keystore.password",
        "org.ops4j.pax.web.ssl.key.password");

    private WebServerKeystore() {
        // static tool
    }

    /**
     * Issues the web server's certificate and writes the keystore and the web server's configuration.
     *
     * @param args Karaf's home, then the host names and addresses clients use to reach the controller
     * @throws IOException if a file cannot be written
     */
    public static void main(final String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: WebServerKeystore <karaf home> <host name>...");
        }
        final var home = Path.of(args[0]);
        final var hostNames = List.of(args).subList(1, args.length);
        final var pki = PkiStore.open(home.resolve("cnsmo/pki"), Clock.systemUTC());
        final var password = newPassword();
        final var keystore = home.resolve(KEYSTORE);
        PrivateFiles.directory(keystore.getParent());
        PrivateFiles.write(keystore, pkcs12(pki.issueWebServer(hostNames), pki.caCertificate(), password));
        final var config = home.resolve(PAX_WEB_CONFIG);
        Files.writeString(config, withPasswords(Files.readString(config, StandardCharsets.UTF_8),
            new String(password)), StandardCharsets.UTF_8);
    }

    /**
     * A PKCS#12 keystore holding the key and its chain up to the CA.
     *
     * @param issued the certificate and key
     * @param authority the CA certificate
     * @param password the store and key password
     * @return the encoded keystore
     */
    static byte[] pkcs12(final PkiStore.Issued issued, final Certificate authority, final char[] password) {
        try {
            final var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.key(), password, new Certificate[] { issued.certificate(), authority });
            final var out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the HTTPS keystore", e);
        }
    }

    /**
     * A pax-web configuration with the keystore and key passwords set, other lines untouched.
     *
     * @param config the configuration file's content
     * @param password the password
     * @return the new content
     */
    static String withPasswords(final String config, final String password) {
        final var lines = new ArrayList<>(config.lines().toList());
        for (var key : PASSWORD_KEYS) {
            final var line = key + " = " + password;
            final var existing = Pattern.compile("^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
            final int index = indexOf(lines, existing);
            if (index >= 0) {
                lines.set(index, line);
            } else {
                lines.add(line);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static int indexOf(final List<String> lines, final Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static char[] newPassword() {
        final var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        final var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return password;
    }
}
