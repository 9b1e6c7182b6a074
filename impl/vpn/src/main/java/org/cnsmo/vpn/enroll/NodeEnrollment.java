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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cnsmo.vpn.issue.ClientBundle;
import org.cnsmo.vpn.issue.ClientIssuer;
import org.cnsmo.vpn.issue.IssueException;
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
    public String enroll(final String token, final String datapathId) throws IssueException {
        if (datapathId == null || !DATAPATH_ID.matcher(datapathId).matches()
                || new BigInteger(datapathId, 16).signum() == 0) {
            throw new IssueException(ErrorTag.INVALID_VALUE,
                "datapath-id must be 1 to 16 hexadecimal digits and not zero, not '" + datapathId + "'");
        }
        if (token == null || token.isBlank()) {
            throw new IssueException(ErrorTag.INVALID_VALUE, "An enrollment token is required");
        }
        final EnrollmentTokens.Token redeemed;
        try {
            redeemed = tokens.redeem(token.strip());
        } catch (EnrollmentTokens.RefusedException e) {
            throw new IssueException(ErrorTag.ACCESS_DENIED, e.getMessage(), e);
        }
        final ClientBundle bundle;
        try {
            bundle = issuer.issue(redeemed.node(), redeemed.staticAddress(),
                Optional.of(Uint64.valueOf(new BigInteger(datapathId, 16))));
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
        final var certificate = certificate(name);
        final var problem = LeaveSignature.problem(certificate, name, epochSecond, signature, clock.instant());
        if (problem != null) {
            throw new IssueException(ErrorTag.ACCESS_DENIED, "Refusing to remove node '" + name + "': " + problem);
        }
        issuer.remove(name);
    }

    private X509Certificate certificate(final String name) throws IssueException {
        try {
            return pki.clientCertificate(name).orElseThrow(() -> new IssueException(ErrorTag.DATA_MISSING,
                "There is no node '" + name + "' with a valid certificate: it has left or been revoked"));
        } catch (IOException e) {
            throw new IssueException(ErrorTag.OPERATION_FAILED, "Cannot read the certificate of " + name, e);
        }
    }

    static String answer(final ClientBundle bundle) {
        return "name=" + bundle.name() + "\n"
            + "overlay-address=" + bundle.overlayAddress() + "\n"
            + "overlay-prefix=" + bundle.prefixLength() + "\n"
            + "controller-address=" + bundle.serverAddress() + "\n"
            + "openflow-port=" + OPENFLOW_PORT + "\n"
            + "ca.crt=" + base64(bundle.caCrt()) + "\n"
            + "client.crt=" + base64(bundle.clientCrt()) + "\n"
            + "client.key=" + base64(bundle.clientKey()) + "\n"
            + "client.conf=" + base64(bundle.clientConf()) + "\n";
    }

    private static String base64(final String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
