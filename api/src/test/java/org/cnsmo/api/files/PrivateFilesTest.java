/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.api.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void directoryIsMadePrivateEvenWhenItExisted() throws Exception {
        final var open = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
            PrivateFiles.directory(open))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
            PrivateFiles.directory(tmp.resolve("a/b")))));
    }

    @Test
    void updateWritesOnlyChangesAndLeavesNoStagedFile() throws Exception {
        final var file = tmp.resolve("haproxy.cfg");
        assertTrue(PrivateFiles.update(file, "one"));
        assertFalse(PrivateFiles.update(file, "one"));
        assertTrue(PrivateFiles.update(file, "two"));
        assertEquals("two", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var entries = Files.list(tmp)) {
            assertEquals(List.of(file), entries.toList());
        }
    }
}
