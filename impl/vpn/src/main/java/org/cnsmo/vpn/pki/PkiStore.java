/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cnsmo.api.files.PrivateFiles;
import org.cnsmo.vpn.pki.CertificateAuthority.Role;

/**
 * The controller's PKI on disk, in a directory only the controller's user can read:
 * <pre>
 *   ca.key ca.crt          the authority (created at first start; the key never leaves this directory)
 *   server.key server.crt  the OpenVPN server's identity
 *   issued/NAME.crt        the current certificate of each client (client keys are never kept)
 *   held/NAME.crt          certificates on hold: the CRL lists them as certificateHold until released
 *   revoked/SERIAL.crt     certificates revoked for good; the CRL lists them
 *   crl.pem                the CRL OpenVPN checks on every handshake
 *   serial                 the next serial number
 * </pre>
 * Thread-safe: every operation is synchronized, and they are all short.
 */
public final class PkiStore {
    /** Common name of the VPN server certificate; clients check it with {@code verify-x509-name}. */
    public static final String SERVER_NAME = "cnsmo-vpn-server";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration SERVER_VALIDITY = Duration.ofDays(1825);
    static final Duration CLIENT_VALIDITY = Duration.ofDays(730);
    /** OpenSSL refuses an expired CRL, so it is signed again well before it expires. */
    static final Duration CRL_VALIDITY = Duration.ofDays(30);
    static final Duration CRL_REFRESH = Duration.ofDays(1);
    /** The YANG node-name type: 1 to 63 letters, digits, '.', '_' and '-', starting and ending alphanumeric. */
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");

    /** A new certificate with its private key, which the caller hands over or stores and then forgets. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private final Path dir;
    private final Clock clock;
    private final CertificateAuthority authority;
    private Instant crlSigned = Instant.MIN;

    private PkiStore(final Path dir, final Clock clock, final CertificateAuthority authority) {
        this.dir = dir;
        this.clock = clock;
        this.authority = authority;
    }

    /**
     * Opens the PKI in a directory, creating the authority and the server identity on first use, and signs
     * a fresh CRL.
     *
     * @param dir the directory
     * @param clock the clock for validity periods
     * @return the store
     * @throws IOException if the directory cannot be read or written
     */
    public static PkiStore open(final Path dir, final Clock clock) throws IOException {
        PrivateFiles.directory(dir);
        PrivateFiles.directory(dir.resolve("issued"));
        PrivateFiles.directory(dir.resolve("held"));
        PrivateFiles.directory(dir.resolve("revoked"));
        final var store = new PkiStore(dir, clock, loadOrCreateAuthority(dir, clock));
        store.ensureServerIdentity();
        store.signCrl();
        return store;
    }

    public X509Certificate caCertificate() {
        return authority.certificate();
    }

    public Path caCertificateFile() {
        return dir.resolve("ca.crt");
    }

    public Path serverCertificateFile() {
        return dir.resolve("server.crt");
    }

    public Path serverKeyFile() {
        return dir.resolve("server.key");
    }

    public Path crlFile() {
        return dir.resolve("crl.pem");
    }

    /**
     * Issues a certificate for a client name, revoking the name's earlier certificate if it still has one.
     *
     * @param name the client's common name
     * @return the certificate and its private key
     * @throws IOException if the certificate cannot be recorded
     */
    public synchronized Issued issueClient(final String name) throws IOException {
        final var keys = CertificateAuthority.newKeyPair();
        return new Issued(issueClient(name, keys.getPublic()), keys.getPrivate());
    }

    /**
     * Issues a certificate for a client's own public key (the client keeps the private key), revoking the name's
     * earlier certificate if it still has one.
     *
     * @param name the client's common name
     * @param key the client's public key
     * @return the certificate
     * @throws IOException if the certificate cannot be recorded
     */
    public synchronized X509Certificate issueClient(final String name, final PublicKey key) throws IOException {
        // A name holds one valid certificate at most: an earlier one is revoked, never just forgotten.
        revoke(name);
        final var certificate = authority.issue(Role.CLIENT, name, key, nextSerial(), clock.instant(),
            CLIENT_VALIDITY);
        PrivateFiles.write(issuedFile(name), Pem.certificate(certificate));
        return certificate;
    }

    /**
     * Issues a TLS server certificate for the controller's web server (RESTCONF and the dashboard over HTTPS).
     *
     * @param hostNames the DNS names and IP addresses clients use to reach the controller
     * @return the certificate and its private key
     * @throws IOException if the serial number cannot be recorded
     */
    public synchronized Issued issueWebServer(final List<String> hostNames) throws IOException {
        final var keys = CertificateAuthority.newKeyPair();
        final var certificate = authority.issue(Role.SERVER, hostNames.get(0), hostNames, keys.getPublic(),
            nextSerial(), clock.instant(), SERVER_VALIDITY);
        return new Issued(certificate, keys.getPrivate());
    }

    /**
     * The current certificate of a client, if it has one that is not revoked.
     *
     * @param name the client's common name
     * @return its certificate
     * @throws IOException if the certificate cannot be read
     */
    public synchronized Optional<X509Certificate> clientCertificate(final String name) throws IOException {
        final var file = issuedFile(name);
        return Files.isRegularFile(file) ? Optional.of(readCertificate(file)) : Optional.empty();
    }

    /**
     * The names of the clients that hold a certificate not revoked.
     *
     * @return the names
     * @throws IOException if the directory cannot be read
     */
    public synchronized Set<String> issuedNames() throws IOException {
        return namesIn(dir.resolve("issued"));
    }

    /**
     * The names of the clients whose certificate is on hold.
     *
     * @return the names
     * @throws IOException if the directory cannot be read
     */
    public synchronized Set<String> heldNames() throws IOException {
        return namesIn(dir.resolve("held"));
    }

    /**
     * Puts the current certificate of a client on hold: the CRL lists it, so the client cannot connect, until
     * {@link #release(String)} takes it off again.
     *
     * @param name the client's common name
     * @return whether there was a valid certificate to hold
     * @throws IOException if the PKI cannot be updated
     */
    public synchronized boolean hold(final String name) throws IOException {
        if (!Files.isRegularFile(issuedFile(name))) {
            return false;
        }
        final var heldFile = heldFile(name);
        Files.move(issuedFile(name), heldFile);
        // The file's time is the time the CRL states.
        Files.setLastModifiedTime(heldFile, FileTime.from(clock.instant()));
        signCrl();
        return true;
    }

    /**
     * Takes a client's certificate off hold, so that it is valid again.
     *
     * @param name the client's common name
     * @return whether its certificate was on hold
     * @throws IOException if the PKI cannot be updated
     */
    public synchronized boolean release(final String name) throws IOException {
        if (!Files.isRegularFile(heldFile(name))) {
            return false;
        }
        Files.move(heldFile(name), issuedFile(name));
        signCrl();
        return true;
    }

    /**
     * Revokes the current certificate of a client for good, whether it is valid or on hold, and signs a new CRL.
     *
     * @param name the client's common name
     * @return whether there was a certificate to revoke
     * @throws IOException if the PKI cannot be updated
     */
    public synchronized boolean revoke(final String name) throws IOException {
        final var current = Files.isRegularFile(issuedFile(name)) ? issuedFile(name) : heldFile(name);
        if (!Files.isRegularFile(current)) {
            return false;
        }
        final var serial = readCertificate(current).getSerialNumber();
        final var revokedFile = dir.resolve("revoked").resolve(serial.toString(16) + ".crt");
        Files.move(current, revokedFile);
        // The file's time is the revocation time the CRL states.
        Files.setLastModifiedTime(revokedFile, FileTime.from(clock.instant()));
        signCrl();
        return true;
    }

    /**
     * Signs the CRL again when the last one is older than a day, so that it never expires.
     *
     * @throws IOException if the CRL cannot be written
     */
    public synchronized void refreshCrl() throws IOException {
        if (crlSigned.plus(CRL_REFRESH).isBefore(clock.instant())) {
            signCrl();
        }
    }

    private synchronized void signCrl() throws IOException {
        final var revoked = new TreeMap<BigInteger, Instant>();
        try (var files = Files.newDirectoryStream(dir.resolve("revoked"), "*.crt")) {
            for (var file : files) {
                final var name = file.getFileName().toString();
                revoked.put(new BigInteger(name.substring(0, name.length() - ".crt".length()), 16),
                    Files.getLastModifiedTime(file).toInstant());
            }
        }
        final var held = new TreeMap<BigInteger, Instant>();
        try (var files = Files.newDirectoryStream(dir.resolve("held"), "*.crt")) {
            for (var file : files) {
                held.put(readCertificate(file).getSerialNumber(), Files.getLastModifiedTime(file).toInstant());
            }
        }
        final var now = clock.instant();
        PrivateFiles.write(crlFile(), Pem.crl(authority.crl(revoked, held, BigInteger.valueOf(now.getEpochSecond()),
            now, CRL_VALIDITY)));
        crlSigned = now;
    }

    private static X509Certificate readCertificate(final Path file) throws IOException {
        try {
            return Pem.parseCertificate(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IOException("Corrupt certificate " + file, e);
        }
    }

    private static Set<String> namesIn(final Path directory) throws IOException {
        final var names = new TreeSet<String>();
        try (var files = Files.newDirectoryStream(directory, "*.crt")) {
            for (var file : files) {
                final var name = file.getFileName().toString();
                names.add(name.substring(0, name.length() - ".crt".length()));
            }
        }
        return names;
    }

    private void ensureServerIdentity() throws IOException {
        if (Files.isRegularFile(serverKeyFile()) && Files.isRegularFile(serverCertificateFile())) {
            return;
        }
        final var keys = CertificateAuthority.newKeyPair();
        final var certificate = authority.issue(Role.SERVER, SERVER_NAME, keys.getPublic(), nextSerial(),
            clock.instant(), SERVER_VALIDITY);
        PrivateFiles.write(serverKeyFile(), Pem.privateKey(keys.getPrivate()));
        PrivateFiles.write(serverCertificateFile(), Pem.certificate(certificate));
    }

    private BigInteger nextSerial() throws IOException {
        final var file = dir.resolve("serial");
        final var serial = Files.isRegularFile(file)
            ? new BigInteger(Files.readString(file, StandardCharsets.US_ASCII).strip(), 16) : BigInteger.TWO;
        PrivateFiles.write(file, serial.add(BigInteger.ONE).toString(16) + "\n");
        return serial;
    }

    private Path issuedFile(final String name) {
        return dir.resolve("issued").resolve(fileName(name));
    }

    private Path heldFile(final String name) {
        return dir.resolve("held").resolve(fileName(name));
    }

    /**
     * The file name of a client's certificate. Names come from the network (the enrollment endpoint among
     * others): one that is not a node name never reaches the file system, whatever the caller checked.
     */
    private static String fileName(final String name) {
        if (!CLIENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a client name: " + name.length() + " characters");
        }
        return name + ".crt";
    }

    private static CertificateAuthority loadOrCreateAuthority(final Path dir, final Clock clock) throws IOException {
        final var keyFile = dir.resolve("ca.key");
        final var certificateFile = dir.resolve("ca.crt");
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(certificateFile)) {
            try {
                return new CertificateAuthority(
                    Pem.parseEcPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII)),
                    Pem.parseCertificate(Files.readString(certificateFile, StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot read the CA in " + dir, e);
            }
        }
        final var authority = CertificateAuthority.create("CNSMO overlay CA", clock.instant(), CA_VALIDITY);
        PrivateFiles.write(keyFile, Pem.privateKey(authority.key()));
        PrivateFiles.write(certificateFile, Pem.certificate(authority.certificate()));
        return authority;
    }
}
