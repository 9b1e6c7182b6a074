/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.lb.haproxy;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * HAProxy's runtime API on its Unix socket: one command per connection, answered until HAProxy closes it.
 */
public final class RuntimeApi {
    private static final int MAX_ANSWER = 16 * 1024 * 1024;

    private final Path socket;

    public RuntimeApi(final Path socket) {
        this.socket = requireNonNull(socket);
    }

    /**
     * Runs one command.
     *
     * @param command the command, for example {@code show stat}
     * @return HAProxy's answer
     * @throws IOException when HAProxy does not answer
     */
    public String run(final String command) throws IOException {
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            final var request = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            final var answer = new ByteArrayOutputStream();
            final var buffer = ByteBuffer.allocate(65_536);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
                if (answer.size() > MAX_ANSWER) {
                    throw new IOException("HAProxy's answer to '" + command + "' exceeds " + MAX_ANSWER + " bytes");
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
