/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.pki;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The overlay's certificate authority: EC P-256 keys and ECDSA-SHA256 signatures, which OpenVPN 2.6 accepts
 * with {@code dh none}. Pure crypto; {@link PkiStore} keeps the results on disk.
 */
public final class CertificateAuthority {
    /** What an issued certificate may be used for; OpenVPN's {@code remote-cert-tls} checks it. */
    public enum Role {
        SERVER(KeyPurposeId.id_kp_serverAuth),
        CLIENT(KeyPurposeId.id_kp_clientAuth);

        private final KeyPurposeId purpose;

        Role(final KeyPurposeId purpose) {
            this.purpose = purpose;
        }
    }

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final PrivateKey key;
    private final X509Certificate certificate;

    public CertificateAuthority(final PrivateKey key, final X509Certificate certificate) {
        this.key = requireNonNull(key);
        this.certificate = requireNonNull(certificate);
    }

    /**
     * Creates a new self-signed authority.
     *
     * @param commonName common name of the CA
     * @param now start of validity
     * @param validity how long the CA is valid
     * @return the authority
     */
    public static CertificateAuthority create(final String commonName, final Instant now, final Duration validity) {
        final var keys = newKeyPair();
        final var name = name(commonName);
        final var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
            Date.from(now.plus(validity)), name, keys.getPublic());
        try {
            final var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the CA certificate", e);
        }
        return new CertificateAuthority(keys.getPrivate(), sign(builder, keys.getPrivate()));
    }

    /**
     * A fresh EC P-256 key pair.
     *
     * @return the key pair
     */
    public static KeyPair newKeyPair() {
        try {
            final var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make EC P-256 keys", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey key() {
        return key;
    }

    /**
     * Issues an end-entity certificate.
     *
     * @param role server or client
     * @param commonName the subject's common name
     * @param subjectKey the subject's public key
     * @param serial a serial number unique for this CA
     * @param now start of validity
     * @param validity how long the certificate is valid
     * @return the certificate
     */
    public X509Certificate issue(final Role role, final String commonName, final PublicKey subjectKey,
            final BigInteger serial, final Instant now, final Duration validity) {
        return issue(role, commonName, List.of(), subjectKey, serial, now, validity);
    }

    /**
     * Issues an end-entity certificate valid for host names and addresses, as TLS clients such as browsers
     * check the subject alternative names, not the common name.
     *
     * @param role server or client
     * @param commonName the subject's common name
     * @param hostNames DNS names and IP addresses for the subject alternative name extension; none to omit it
     * @param subjectKey the subject's public key
     * @param serial a serial number unique for this CA
     * @param now start of validity
     * @param validity how long the certificate is valid
     * @return the certificate
     */
    public X509Certificate issue(final Role role, final String commonName, final List<String> hostNames,
            final PublicKey subjectKey, final BigInteger serial, final Instant now, final Duration validity) {
        final var builder = new JcaX509v3CertificateBuilder(issuer(), serial, Date.from(now),
            Date.from(now.plus(validity)), name(commonName), subjectKey);
        try {
            final var extensions = new JcaX509ExtensionUtils();
            if (!hostNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    hostNames.stream().map(CertificateAuthority::generalName).toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(role.purpose))
                .addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a certificate for " + commonName, e);
        }
        return sign(builder, key);
    }

    /**
     * Signs a certificate revocation list.
     *
     * @param revoked revoked serial numbers and when they were revoked, for good
     * @param held serial numbers on hold (RFC 5280 {@code certificateHold}, which a later CRL may drop) and
     *     since when
     * @param crlNumber increasing number of this CRL
     * @param now this update
     * @param validity time until the next update
     * @return the DER encoding of the CRL
     */
    public byte[] crl(final Map<BigInteger, Instant> revoked, final Map<BigInteger, Instant> held,
            final BigInteger crlNumber, final Instant now, final Duration validity) {
        final var builder = new JcaX509v2CRLBuilder(certificate, Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(validity)));
        revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.unspecified));
        held.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.certificateHold));
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            return builder.build(signer(key)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the CRL", e);
        }
    }

    private X500Name issuer() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static GeneralName generalName(final String hostName) {
        // An IPv4 or IPv6 literal is an iPAddress entry; anything else is a DNS name.
        final boolean address = hostName.contains(":") || hostName.matches("[0-9.]+");
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, hostName);
    }

    private static X500Name name(final String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a certificate", e);
        }
    }

    private static ContentSigner signer(final PrivateKey signingKey) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("This JVM cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
