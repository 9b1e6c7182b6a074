/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.cnsmo.vpn.pki.PkiStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaveSignatureTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void signatureByTheNodesKeyIsAcceptedAndAnyOtherIsNot() throws Exception {
        final var store = PkiStore.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        final var node = store.issueClient("Agent.1");
        final var other = store.issueClient("Agent.2");
        final long time = NOW.getEpochSecond();

        assertNull(LeaveSignature.problem(node.certificate(), "Agent.1", time, sign(node.key(), "Agent.1", time),
            NOW));
        assertEquals("the signature does not match the node's certificate", LeaveSignature.problem(
            node.certificate(), "Agent.1", time, sign(other.key(), "Agent.1", time), NOW));
        assertEquals("the signature does not match the node's certificate", LeaveSignature.problem(
            node.certificate(), "Agent.1", time, sign(node.key(), "Agent.2", time), NOW));
        assertEquals("the request's time is more than 5 minutes away from the controller's clock",
            LeaveSignature.problem(node.certificate(), "Agent.1", time - 301, sign(node.key(), "Agent.1", time - 301),
                NOW));
    }

    private static String sign(final PrivateKey key, final String name, final long time)
            throws Exception {
        final var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(LeaveSignature.message(name, time).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
