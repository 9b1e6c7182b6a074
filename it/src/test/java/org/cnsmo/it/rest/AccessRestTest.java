/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.it.rest;

import static org.cnsmo.it.rest.RestAssertions.assertConfig;
import static org.cnsmo.it.rest.RestAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No default credentials, the read-only role and HTTPS, against the real distribution. */
@ExtendWith(ControllerExtension.class)
class AccessRestTest {
    private static final String NODE = "cnsmo-nodes:nodes/node=access-probe";
    private static final String NODE_JSON = """
        {"cnsmo-nodes:node":[{"name":"access-probe","service":["vpn"]}]}""";
    private static final String JSON = "application/json";

    @Test
    void aFreshControllerRefusesDefaultCredentialsAndAcceptsTheGeneratedPassword(final Controller controller,
            final RestconfClient admin) throws Exception {
        final var passwordFile = controller.home().resolve("cnsmo/admin-password");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile));
        assertTrue(controller.adminPassword().length() >= 20, "a long random password");

        assertEquals(401, admin.as("admin", "admin").get("cnsmo-nodes:nodes").status());
        assertEquals(401, admin.anonymous().get("cnsmo-nodes:nodes").status());
        assertEquals(401, admin.as("admin", controller.adminPassword() + "x").get("cnsmo-nodes:nodes").status());
        final int status = admin.get("cnsmo-nodes:nodes").status();
        assertTrue(status == 200 || status == 409, "admin reads, got " + status);
        assertEquals(401, admin.anonymous().invoke("cnsmo-vpn:create-enrollment-token",
            "{\"input\":{\"node\":\"x\"}}").status());

        // Nothing during the first start showed a password to other users of the machine (ps).
        final var lines = controller.firstStartCommandLines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("aaa-cli.args")),
            "the watch saw AAA's user tool run: " + lines.size() + " command lines");
        final var karafPassword = Files.readString(controller.home().resolve("cnsmo/karaf-password")).strip();
        for (var line : lines) {
            assertFalse(line.contains(controller.adminPassword()) || line.contains(karafPassword),
                "a password on a command line: " + line);
        }
    }

    @Test
    void aReadOnlyUserReadsEverythingAndChangesNothing(final RestconfClient admin) throws Exception {
        assertStatus(201, admin.request("POST", "auth/v1/users", JSON, """
            {"name":"viewer","password":"Viewer-pass-42","domainid":"sdn","enabled":1,"email":"",
             "description":"read-only"}"""));
        assertStatus(201, admin.request("POST", "auth/v1/domains/sdn/users/viewer@sdn/roles", JSON,
            "{\"roleid\":\"user@sdn\"}"));
        assertStatus(201, admin.put(NODE, NODE_JSON));
        final var viewer = admin.as("viewer", "Viewer-pass-42");

        assertStatus(200, viewer.get(NODE));
        assertStatus(200, viewer.get("cnsmo-nodes:nodes"));
        assertStatus(200, viewer.request("GET", "rests/operations", JSON, null));

        final var changed = NODE_JSON.replace("\"vpn\"", "\"dns\"");
        assertForbidden(viewer.put(NODE, changed));
        assertForbidden(viewer.patch(NODE, changed));
        assertForbidden(viewer.post("cnsmo-nodes:nodes", """
            {"cnsmo-nodes:node":[{"name":"access-probe-2"}]}"""));
        assertForbidden(viewer.delete(NODE));
        for (var rpc : Map.of(
                "cnsmo-vpn:generate-client-bundle", "{\"input\":{\"name\":\"viewer-laptop\"}}",
                "cnsmo-vpn:revoke-client", "{\"input\":{\"name\":\"viewer-laptop\"}}",
                "cnsmo-vpn:create-enrollment-token", "{\"input\":{\"node\":\"access-probe\"}}").entrySet()) {
            assertForbidden(viewer.invoke(rpc.getKey(), rpc.getValue()));
        }
        assertForbidden(viewer.request("GET", "auth/v1/users", JSON, null));
        assertConfig(admin, NODE, NODE_JSON);

        assertStatus(204, admin.delete(NODE));
    }

    @Test
    void onlyARequestWhoseCredentialsAaaAcceptsHasItsBodyRead(final Controller controller,
            final RestconfClient admin) throws Exception {
        // A body with a JSON null: read, it would get the 400 that names the null (as it did before).
        final var withNull = "{\"cnsmo-dns:record\":[{\"name\":\"x\",\"type\":\"A\",\"value\":null}]}";
        assertEquals(401, admin.as("admin", controller.adminPassword() + "x").put("cnsmo-dns:dns/record=x",
            withNull).status(), "wrong credentials: unread, Shiro answers");
        assertEquals(401, admin.as("nobody", "nothing").put("cnsmo-dns:dns/record=x", withNull).status());
        assertEquals(400, admin.put("cnsmo-dns:dns/record=x", withNull).status(), "the admin's body is read");
        // A body announced at 70 MB of which only its start is sent (Jetty dispatches a request once some of its
        // body came): the admin's write is checked for size before it is read.
        assertEquals("413", statusOfAnnouncedWrite("admin:" + controller.adminPassword(), 70_000_000L));
    }

    /** Sends the headers of a JSON write and the first bytes of its body, and reads the answer's status code. */
    private static String statusOfAnnouncedWrite(final String credentials, final long length)
            throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), 8181)) {
            socket.setSoTimeout(20_000);
            final var basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("PUT /rests/data/cnsmo-dns:dns HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Basic " + basic + "\r\nContent-Type: application/yang-data+json\r\n"
                + "Content-Length: " + length + "\r\n\r\n{\"cnsmo-dns:dns\":{").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final var line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)).readLine();
            return line == null ? "no answer" : line.split(" ")[1];
        }
    }

    @Test
    void restconfAnswersOverHttpsWithACertificateFromTheControllersCa(final Controller controller)
            throws Exception {
        final int status = controller.httpsClient().get("cnsmo-nodes:nodes").status();
        assertTrue(status == 200 || status == 409, "HTTPS read, got " + status);
    }

    @Test
    void plainHttpAndTheConsoleListenOnLoopbackOnlyAndHttpsEverywhere() throws Exception {
        // Read the kernel's socket table: what is bound, not what a configuration file says.
        assertEquals(Set.of("loopback"), listening(8181), "plain HTTP (Basic credentials in clear)");
        assertEquals(Set.of("loopback"), listening(8101), "Karaf's SSH console");
        assertEquals(Set.of("any"), listening(8443), "HTTPS");
    }

    /** The kinds of local address ("loopback", "any" or the hex address) of the sockets listening on a port. */
    private static Set<String> listening(final int port) throws Exception {
        final var kinds = new HashSet<String>();
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (var line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                final var fields = line.trim().split("\\s+");
                final var local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && "0A".equals(fields[3])) {
                    kinds.add(switch (local[0]) {
                        case "0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000" ->
                            "loopback";
                        case "00000000", "00000000000000000000000000000000" -> "any";
                        default -> local[0];
                    });
                }
            }
        }
        return kinds;
    }

    private static void assertForbidden(final RestconfClient.Response response) {
        assertEquals(403, response.status(), response.toString());
        assertTrue(response.body().contains("access-denied"), response.body());
    }
}
