/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.vpn.issue.ClientBundle;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
import org.cnsmo.vpn.openvpn.PortSecurity;
import org.cnsmo.vpn.pki.CertificateRequests;
import org.cnsmo.vpn.pki.PkiStore;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * What the node agent asks of the controller: to join with an enrollment token, and to leave with a request
 * signed by its own key. Answers are {@code key=value} lines, with files in base64, so that a shell script
 * reads them without a JSON parser.
 */
public final class NodeEnrollment {
    /** TCP port the OpenFlow plugin listens on for switches. */
    static final int OPENFLOW_PORT = 6653;
    private static final Pattern DATAPATH_ID = Pattern.compile("[0-9a-fA-F]{1,16}");
    /** The YANG node-name type. */
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    /** Signatures of accepted leave requests, until they are too old to be accepted anyway. */
    private final Map<String, Instant> usedSignatures = new ConcurrentHashMap<>();

    private final EnrollmentTokens tokens;
    private final ClientIssuer issuer;
    private final PkiStore pki;
    private final Clock clock;
    private final Runnable tokensChanged;

    public NodeEnrollment(final EnrollmentTokens tokens, final ClientIssuer issuer, final PkiStore pki,
            final Clock clock, final Runnable tokensChanged) {
        this.tokens = requireNonNull(tokens);
        this.issuer = requireNonNull(issuer);
        this.pki = requireNonNull(pki);
        this.clock = requireNonNull(clock);
        this.tokensChanged = requireNonNull(tokensChanged);
    }

    /**
     * Enrolls a node: spends its token, registers the node with its switch and returns its VPN bundle.
     *
     * @param token the enrollment token
     * @param datapathId the datapath id of the node's bridge, in hex
     * @return the answer for the agent
     * @throws IssueException if the token or the request is refused
     */
    public String enroll(final String token, final String datapathId, final String certificateRequest)
            throws IssueException {
        if (datapathId == null || !DATAPATH_ID.matcher(datapathId).matches()
                || new BigInteger(datapathId, 16).signum() == 0) {
            throw new IssueException(ErrorTag.INVALID_VALUE,
                "datapath-id must be 1 to 16 hexadecimal digits and not zero, not '" + datapathId + "'");
        }
        if (token == null || token.isBlank()) {
            throw new IssueException(ErrorTag.INVALID_VALUE, "An enrollment token is required");
        }
        // Checked before the token is spent: a bad request costs the node nothing but a retry.
        if (certificateRequest == null || certificateRequest.isBlank()) {
            throw new IssueException(ErrorTag.INVALID_VALUE, "A certificate request (csr) is required: the node "
                + "generates its key itself and sends only the request. This agent is too old; fetch it again "
                + "from the controller.");
        }
        final PublicKey nodeKey;
        try {
            nodeKey = CertificateRequests.publicKey(certificateRequest.strip());
        } catch (IllegalArgumentException e) {
            throw new IssueException(ErrorTag.INVALID_VALUE, "Refusing the certificate request: " + e.getMessage(),
                e);
        }
        final EnrollmentTokens.Token redeemed;
        try {
            redeemed = tokens.redeem(token.strip());
        } catch (EnrollmentTokens.RefusedException e) {
            throw new IssueException(ErrorTag.ACCESS_DENIED, e.getMessage(), e);
        } catch (IOException e) {
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot record the use of the enrollment token; "
                + "it was not spent. Try again.", e);
        }
        final ClientBundle bundle;
        try {
            bundle = issuer.issue(redeemed.node(), redeemed.staticAddress(),
                Optional.of(Uint64.valueOf(new BigInteger(datapathId, 16))), Optional.of(nodeKey));
        } catch (IssueException e) {
            tokens.giveBack(redeemed.id());
            throw e;
        } finally {
            tokensChanged.run();
        }
        return answer(bundle);
    }

    /**
     * Removes a node and its VPN client, at the node's own signed request.
     *
     * @param name the node's name
     * @param epochSecond the time in the signed text
     * @param signature the signature
     * @throws IssueException if the request is not genuine
     */
    public void leave(final String name, final long epochSecond, final String signature) throws IssueException {
        final var now = clock.instant();
        // The time first: a stale request is refused before anything tells whether the name exists.
        if (!LeaveSignature.withinTolerance(epochSecond, now)) {
            throw new IssueException(ErrorTag.ACCESS_DENIED, "Refusing the leave request: its time is more than "
                + LeaveSignature.TOLERANCE.toMinutes() + " minutes away from the controller's clock");
        }
        // An unknown name, a bad signature and a replay get the same answer, so that the endpoint, which
        // anybody can reach, does not tell which node names exist.
        final var refused = new IssueException(ErrorTag.ACCESS_DENIED, "Refusing the leave request: it is not "
            + "signed by the current certificate of a node of that name, or it was used before");
        if (!NODE_NAME.matcher(name).matches()) {
            throw refused;
        }
        final Optional<X509Certificate> certificate;
        try {
            certificate = pki.clientCertificate(name);
        } catch (IOException e) {
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot read the certificate of " + name, e);
        }
        if (certificate.isEmpty()
                || LeaveSignature.problem(certificate.orElseThrow(), name, epochSecond, signature, now) != null) {
            throw refused;
        }
        usedSignatures.values().removeIf(expiry -> expiry.isBefore(now));
        if (usedSignatures.putIfAbsent(signature.strip(), now.plus(LeaveSignature.TOLERANCE.multipliedBy(2)))
                != null) {
            throw refused;
        }
        issuer.remove(name);
    }

    static String answer(final ClientBundle bundle) {
        // The node's key stays on the node: the answer carries a private key only for a bundle made here.
        return "name=" + bundle.name() + "\n"
            + "overlay-address=" + bundle.overlayAddress() + "\n"
            // The only MAC address the server takes the node's frames from: the agent gives it to the bridge.
            + "overlay-mac=" + PortSecurity.macOf(Ipv4Network.parseAddress(bundle.overlayAddress())) + "\n"
            + "overlay-prefix=" + bundle.prefixLength() + "\n"
            + "controller-address=" + bundle.serverAddress() + "\n"
            + "openflow-port=" + OPENFLOW_PORT + "\n"
            + "ca.crt=" + base64(bundle.caCrt()) + "\n"
            + "client.crt=" + base64(bundle.clientCrt()) + "\n"
            + (bundle.clientKey() == null ? "" : "client.key=" + base64(bundle.clientKey()) + "\n")
            + "client.conf=" + base64(bundle.clientConf()) + "\n";
    }

    private static String base64(final String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
