/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.v1api;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The v1 token key: 32 random bytes, made at the first start in a file only the controller's user can read
 * (created with mode 0600 in a 0700 directory, never widened afterwards) and read at every later start, so
 * tokens survive a restart. Deleting the file and restarting makes every token invalid.
 */
final class TokenKey {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenKey() {
        // utility class
    }

    static byte[] loadOrCreate(final Path file) throws IOException {
        final var dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            final var key = new byte[BYTES];
            RANDOM.nextBytes(key);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
                Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                return key;
            } catch (FileAlreadyExistsException e) {
                // Another start made it first: use that one.
            }
        }
        final var key = Files.readAllBytes(file);
        if (key.length < BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes, not a v1 token key; remove it to make a"
                + " new one");
        }
        return key;
    }
}
