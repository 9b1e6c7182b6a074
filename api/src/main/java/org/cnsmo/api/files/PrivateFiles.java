/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files readable only by the controller's user, atomically: a reader sees the old or the new
 * content, never a mix, and a secret is never readable by others, not even for a moment.
 */
public final class PrivateFiles {
    private PrivateFiles() {
        // utility class
    }

    /**
     * Creates a directory (and its parents) with mode 0700 where it does not exist yet.
     *
     * @param dir the directory
     * @return the directory
     * @throws IOException if it cannot be created
     */
    public static Path directory(final Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /**
     * Replaces a file's content; the file ends with mode 0600.
     *
     * @param file the file
     * @param content its new content
     * @throws IOException if it cannot be written
     */
    public static void write(final Path file, final String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces a file's content; the file ends with mode 0600.
     *
     * @param file the file
     * @param content its new content
     * @throws IOException if it cannot be written
     */
    public static void write(final Path file, final byte[] content) throws IOException {
        final var temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes a file only when its content differs.
     *
     * @param file the file
     * @param content its new content
     * @return whether the file changed
     * @throws IOException if it cannot be read or written
     */
    public static boolean update(final Path file, final String content) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return false;
        }
        write(file, content);
        return true;
    }
}
