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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.cnsmo.api.files.PrivateFiles;

/**
 * The OpenFlow identity of the controller, issued by the CNSMO CA, and the OpenFlow plugin's switch connection
 * providers that use it. The plugin reads its providers from {@code etc/opendaylight/datastore/initial/config}
 * when its configuration datastore holds none (the first start), so {@code bin/cnsmo-first-start} runs
 * {@link #main(String[])} before Karaf boots. It writes, each mode 0600:
 * <ul>
 *   <li>{@code cnsmo/openflow/keystore.p12}: the controller's OpenFlow key and certificate (serverAuth) with the CA,
 *   <li>{@code cnsmo/openflow/truststore.p12}: the CA certificate alone, so only switches presenting a certificate
 *       from the CNSMO CA complete the handshake (the plugin requires a client certificate),
 *   <li>{@code default-openflow-connection-config.xml}: TLS on port 6653,
 *   <li>{@code legacy-openflow-connection-config.xml}: TLS on port 6633, or plain TCP on the address and port the
 *       operator asked for (a lab with hand-attached switches).
 * </ul>
 * Both stores share one random password; it lives only in the two provider files (mode 0600) and, from them, in
 * the configuration datastore under {@code data/} (mode 0700), where RESTCONF shows it to administrators only.
 */
public final class OpenflowKeystore {
    /** The keystore path, relative to Karaf's home. */
    public static final String KEYSTORE = "cnsmo/openflow/keystore.p12";
    /** The truststore path, relative to Karaf's home. */
    public static final String TRUSTSTORE = "cnsmo/openflow/truststore.p12";
    static final String ALIAS = "cnsmo-openflow";
    static final String CA_ALIAS = "cnsmo-ca";
    static final String CONFIG_DIR = "etc/opendaylight/datastore/initial/config";
    static final String DEFAULT_CONFIG = "default-openflow-connection-config.xml";
    static final String LEGACY_CONFIG = "legacy-openflow-connection-config.xml";
    static final String DEFAULT_INSTANCE = "openflow-switch-connection-provider-default-impl";
    static final String LEGACY_INSTANCE = "openflow-switch-connection-provider-legacy-impl";
    static final int TLS_PORT = 6653;
    static final int LEGACY_PORT = 6633;
    /** The value that keeps plain TCP closed. */
    public static final String OFF = "off";
    private static final Pattern PLAIN_TCP = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Where the lab's plain TCP provider listens.
     *
     * @param address the IPv4 address it binds to
     * @param port its port
     */
    record PlainTcp(String address, int port) {
        /**
         * Parses the operator's setting: {@code off} or {@code <IPv4 address>:<port>}.
         *
         * @param value the setting
         * @return the listener, or null for off
         */
        static PlainTcp parse(final String value) {
            final var trimmed = value.strip();
            if (trimmed.isEmpty() || OFF.equals(trimmed)) {
                return null;
            }
            final var matcher = PLAIN_TCP.matcher(trimmed);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("openflow plain-tcp: expected 'off' or <IPv4 address>:<port>, got '"
                    + trimmed + "'");
            }
            final int port = Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65535 || port == TLS_PORT) {
                throw new IllegalArgumentException("openflow plain-tcp: port " + port
                    + " must be between 1 and 65535 and not the TLS port " + TLS_PORT);
            }
            for (var part : matcher.group(1).split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("openflow plain-tcp: bad address " + matcher.group(1));
                }
            }
            return new PlainTcp(matcher.group(1), port);
        }
    }

    private OpenflowKeystore() {
        // static tool
    }

    /**
     * Issues the controller's OpenFlow certificate and writes the stores and the switch connection providers.
     *
     * @param args Karaf's home, then the plain TCP setting ({@code off} or {@code <IPv4 address>:<port>})
     * @throws IOException if a file cannot be written
     */
    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenflowKeystore <karaf home> off|<address>:<port>");
        }
        final var home = Path.of(args[0]);
        final var plainTcp = PlainTcp.parse(args[1]);
        final var pki = PkiStore.open(home.resolve("cnsmo/pki"), Clock.systemUTC());
        final var password = newPassword();
        try {
            final var keystore = home.resolve(KEYSTORE);
            PrivateFiles.directory(keystore.getParent());
            PrivateFiles.write(keystore, keystore(pki.issueWebServer(List.of(ALIAS)), pki.caCertificate(), password));
            PrivateFiles.write(home.resolve(TRUSTSTORE), truststore(pki.caCertificate(), password));
            final var configs = Files.createDirectories(home.resolve(CONFIG_DIR));
            final var text = new String(password);
            PrivateFiles.write(configs.resolve(DEFAULT_CONFIG),
                providerXml(DEFAULT_INSTANCE, null, TLS_PORT, home, text));
            PrivateFiles.write(configs.resolve(LEGACY_CONFIG), plainTcp == null
                ? providerXml(LEGACY_INSTANCE, null, LEGACY_PORT, home, text)
                : providerXml(LEGACY_INSTANCE, plainTcp.address(), plainTcp.port(), null, null));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * One switch connection provider of the OpenFlow plugin.
     *
     * @param instance the provider's instance name
     * @param address the address to bind to, or null for every address
     * @param port the port
     * @param home Karaf's home for a TLS provider, or null for plain TCP
     * @param password the stores' password (TLS only)
     * @return the provider's XML, as the plugin reads it
     */
    static String providerXml(final String instance, final String address, final int port, final Path home,
            final String password) {
        final var xml = new StringBuilder(1024)
            .append("<switch-connection-config xmlns=\"urn:opendaylight:params:xml:ns:yang:openflow:switch:connection:"
                + "config\">\n")
            .append("  <instance-name>").append(instance).append("</instance-name>\n");
        if (address != null) {
            xml.append("  <address>").append(address).append("</address>\n");
        }
        xml.append("  <port>").append(port).append("</port>\n")
            .append("  <transport-protocol>").append(home == null ? "TCP" : "TLS").append("</transport-protocol>\n")
            .append("  <group-add-mod-enabled>false</group-add-mod-enabled>\n")
            .append("  <channel-outbound-queue-size>1024</channel-outbound-queue-size>\n");
        if (home != null) {
            xml.append("  <tls>\n")
                .append("    <keystore>").append(home.resolve(KEYSTORE)).append("</keystore>\n")
                .append("    <keystore-type>PKCS12</keystore-type>\n")
                .append("    <keystore-path-type>PATH</keystore-path-type>\n")
                .append("    <keystore-password>").append(password).append("</keystore-password>\n")
                .append("    <certificate-password>").append(password).append("</certificate-password>\n")
                .append("    <truststore>").append(home.resolve(TRUSTSTORE)).append("</truststore>\n")
                .append("    <truststore-type>PKCS12</truststore-type>\n")
                .append("    <truststore-path-type>PATH</truststore-path-type>\n")
                .append("    <truststore-password>").append(password).append("</truststore-password>\n")
                .append("  </tls>\n");
        }
        return xml.append("</switch-connection-config>\n").toString();
    }

    static byte[] keystore(final PkiStore.Issued issued, final Certificate authority, final char[] password) {
        try {
            final var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.key(), password, new Certificate[] { issued.certificate(), authority });
            return encode(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the OpenFlow keystore", e);
        }
    }

    static byte[] truststore(final Certificate authority, final char[] password) {
        try {
            final var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(CA_ALIAS, authority);
            return encode(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the OpenFlow truststore", e);
        }
    }

    private static byte[] encode(final KeyStore store, final char[] password)
            throws GeneralSecurityException, IOException {
        final var out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    private static char[] newPassword() {
        final var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        final var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return password;
    }
}
