/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn.openvpn;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Talks to the OpenVPN server's management interface over its unix socket, one short connection per
 * command, with a deadline so that a stuck server never blocks the caller.
 */
public final class ManagementConsole {
    private final Path socket;
    private final Duration timeout;

    public ManagementConsole(final Path socket, final Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * Disconnects every session of a client at once.
     *
     * @param name the client's common name
     * @return whether a session was found
     * @throws IOException if the server does not answer in time
     */
    public boolean kill(final String name) throws IOException {
        final var answer = command("kill " + name, line -> line.startsWith("SUCCESS:") || line.startsWith("ERROR:"));
        return answer.getLast().startsWith("SUCCESS:");
    }

    /**
     * Sends one command once the server has greeted us, and collects its answer up to the last line.
     */
    private List<String> command(final String command, final Predicate<String> isLast) throws IOException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             var selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            final var reader = new LineReader(channel, selector, deadline);
            // Commands sent before the greeting are not answered.
            reader.until(line -> line.startsWith(">INFO:"));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            return reader.until(isLast);
        }
    }

    /** Reads lines from a non-blocking channel until a predicate matches or the deadline passes. */
    private static final class LineReader {
        private final SocketChannel channel;
        private final Selector selector;
        private final long deadline;
        private final ByteBuffer buffer = ByteBuffer.allocate(16384);
        private final StringBuilder pending = new StringBuilder();

        LineReader(final SocketChannel channel, final Selector selector, final long deadline) {
            this.channel = channel;
            this.selector = selector;
            this.deadline = deadline;
        }

        List<String> until(final Predicate<String> isLast) throws IOException {
            final var lines = new ArrayList<String>();
            while (true) {
                int newline;
                while ((newline = pending.indexOf("\n")) >= 0) {
                    final var line = pending.substring(0, newline).replace("\r", "");
                    pending.delete(0, newline + 1);
                    // Real-time notifications (">STATE:", ">LOG:" ...) may interleave with an answer.
                    if (line.startsWith(">") && !line.startsWith(">INFO:")) {
                        continue;
                    }
                    lines.add(line);
                    if (isLast.test(line)) {
                        return lines;
                    }
                }
                fill();
            }
        }

        private void fill() throws IOException {
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("The OpenVPN management interface did not answer in time");
            }
            selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
            selector.selectedKeys().clear();
            buffer.clear();
            final int read = channel.read(buffer);
            if (read < 0) {
                throw new IOException("The OpenVPN management interface closed the connection");
            }
            pending.append(StandardCharsets.UTF_8.decode(buffer.flip()));
        }
    }
}
