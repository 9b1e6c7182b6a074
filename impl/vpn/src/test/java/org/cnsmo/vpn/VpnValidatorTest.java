/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.VpnBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.Client;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ClientBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.vpn.ServerBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;

class VpnValidatorTest {
    @Test
    void acceptsEmptyVpn() {
        assertEquals(List.of(), VpnValidator.validate(new VpnBuilder().build()));
    }

    @Test
    void appliesDefaultSubnetWhenNoneIsConfigured() {
        assertEquals(List.of(), VpnValidator.validate(vpn(null, client("Agent.1", "10.8.0.2"),
            client("Agent.2", "10.8.0.254"))));
        assertEquals(List.of(new Violation("vpn/client=Agent.1/static-address",
                "10.9.0.5 is outside the VPN subnet 10.8.0.0/24")),
            VpnValidator.validate(vpn(null, client("Agent.1", "10.9.0.5"))));
    }

    @Test
    void acceptsConfiguredSubnetAndAddressesInside() {
        assertEquals(List.of(), VpnValidator.validate(vpn("172.16.0.0/16", client("Agent.1", "172.16.3.7"),
            client("Agent.2", null))));
    }

    @Test
    void refusesSubnetWithHostBits() {
        assertEquals(List.of(new Violation("vpn/server/subnet",
                "10.8.0.5/24 is not a network address; did you mean 10.8.0.0/24?")),
            VpnValidator.validate(vpn("10.8.0.5/24")));
    }

    @Test
    void acceptsPrefixLengthsFrom8To30() {
        assertEquals(List.of(), VpnValidator.validate(vpn("10.0.0.0/8")));
        assertEquals(List.of(), VpnValidator.validate(vpn("10.8.0.0/30", client("Agent.1", "10.8.0.2"))));
    }

    @Test
    void refusesPrefixLengthOutside8To30() {
        assertEquals(List.of(new Violation("vpn/server/subnet",
                "prefix length 7 of the VPN subnet 10.0.0.0/7 is not between 8 and 30")),
            VpnValidator.validate(vpn("10.0.0.0/7")));
        assertEquals(List.of(new Violation("vpn/server/subnet",
                "prefix length 31 of the VPN subnet 10.8.0.0/31 is not between 8 and 30")),
            VpnValidator.validate(vpn("10.8.0.0/31")));
    }

    @Test
    void checksClientsOnlyAgainstEachOtherWhileSubnetIsInvalid() {
        assertEquals(List.of(
                new Violation("vpn/server/subnet", "10.8.0.5/24 is not a network address; did you mean 10.8.0.0/24?"),
                new Violation("vpn/client=Agent.2/static-address",
                    "10.9.0.5 is already the static address of client 'Agent.1'")),
            VpnValidator.validate(vpn("10.8.0.5/24", client("Agent.2", "10.9.0.5"), client("Agent.1", "10.9.0.5"))));
    }

    @Test
    void refusesAddressOutsideSubnet() {
        assertEquals(List.of(new Violation("vpn/client=Agent.1/static-address",
                "10.9.0.5 is outside the VPN subnet 10.8.0.0/24")),
            VpnValidator.validate(vpn("10.8.0.0/24", client("Agent.1", "10.9.0.5"))));
    }

    @Test
    void refusesNetworkAddress() {
        assertEquals(List.of(new Violation("vpn/client=Agent.1/static-address",
                "10.8.0.0 is the network address of the VPN subnet 10.8.0.0/24")),
            VpnValidator.validate(vpn("10.8.0.0/24", client("Agent.1", "10.8.0.0"))));
    }

    @Test
    void refusesBroadcastAddress() {
        assertEquals(List.of(new Violation("vpn/client=Agent.1/static-address",
                "10.8.3.255 is the broadcast address of the VPN subnet 10.8.0.0/22")),
            VpnValidator.validate(vpn("10.8.0.0/22", client("Agent.1", "10.8.3.255"))));
    }

    @Test
    void refusesServerAddress() {
        assertEquals(List.of(new Violation("vpn/client=Agent.1/static-address",
                "10.8.0.1 is reserved for the VPN server")),
            VpnValidator.validate(vpn(null, client("Agent.1", "10.8.0.1"))));
    }

    @Test
    void refusesAddressOfAnotherClientOnLaterClientInNameOrder() {
        assertEquals(List.of(new Violation("vpn/client=Agent.2/static-address",
                "10.8.0.50 is already the static address of client 'Agent.1'")),
            VpnValidator.validate(vpn(null, client("Agent.2", "10.8.0.50"), client("Agent.1", "10.8.0.50"),
                client("Agent.3", "10.8.0.51"))));
    }

    @Test
    void reportsEveryInvalidClient() {
        assertEquals(List.of(
                new Violation("vpn/client=Agent.1/static-address", "10.8.0.1 is reserved for the VPN server"),
                new Violation("vpn/client=Agent.2/static-address", "10.8.1.1 is outside the VPN subnet 10.8.0.0/24")),
            VpnValidator.validate(vpn(null, client("Agent.2", "10.8.1.1"), client("Agent.1", "10.8.0.1"))));
    }

    private static Vpn vpn(final String subnet, final Client... clients) {
        final var builder = new VpnBuilder().setClient(BindingMap.of(clients));
        if (subnet != null) {
            builder.setServer(new ServerBuilder().setSubnet(new Ipv4Prefix(subnet)).build());
        }
        return builder.build();
    }

    private static Client client(final String name, final String staticAddress) {
        return new ClientBuilder().setName(new NodeName(name))
            .setStaticAddress(staticAddress == null ? null : new Ipv4Address(staticAddress))
            .build();
    }
}
