/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.cnsmo.api.validation.Violation;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.FirewallBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Protocol;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.AddressMatch;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.Rule.Direction;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.RuleBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRangeBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.NodeName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.ObjectName;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.PortNumber;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;

class FirewallValidatorTest {
    private static final Set<String> NODES = Set.of("Agent.1", "Agent.2");

    @Test
    void acceptsDistinctRules() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(
            tcp("ssh", 22).build(),
            tcp("web", 80).setNode(new NodeName("Agent.1")).build(),
            rule("all").setAddressRange(new Ipv4Prefix("10.8.0.0/24")).build()), NODES));
    }

    @Test
    void refusesNameWhoseCookieCollidesNamingBoth() {
        // r24077609 and r30453225 share the 48 bits of their SHA-256 that flow cookies carry.
        final var old = tcp("r24077609", 22).build();
        assertEquals(List.of(new Violation("firewall/rule=r30453225", "rule name 'r30453225' cannot be told apart "
                + "from rule 'r24077609' on the switches (the names hash to the same flow cookie e9d8cf514f33); "
                + "choose another name")),
            FirewallValidator.validate(firewall(old), firewall(old, tcp("r30453225", 80).build()), NODES));
    }

    @Test
    void refusesRuleOnUnknownNode() {
        assertEquals(List.of(new Violation("firewall/rule=web/node", "node 'Agent.9' does not exist")),
            FirewallValidator.validate(null, firewall(tcp("web", 80).setNode(new NodeName("Agent.9")).build()),
                NODES));
    }

    @Test
    void keepsUnchangedRuleOfNodeThatLeft() {
        final var dormant = tcp("web", 80).setNode(new NodeName("Agent.9")).build();
        assertEquals(List.of(), FirewallValidator.validate(firewall(dormant),
            firewall(dormant, tcp("ssh", 22).build()), NODES));
    }

    @Test
    void refusesChangedRuleOfNodeThatLeft() {
        final var dormant = tcp("web", 80).setNode(new NodeName("Agent.9"));
        assertEquals(List.of(new Violation("firewall/rule=web/node", "node 'Agent.9' does not exist")),
            FirewallValidator.validate(firewall(dormant.build()),
                firewall(dormant.setAction(Action.Drop).build()), NODES));
    }

    @Test
    void refusesPortWithoutTcpOrUdp() {
        assertEquals(List.of(new Violation("firewall/rule=web/destination-port",
                "a destination-port needs protocol tcp or udp, not any")),
            FirewallValidator.validate(null, firewall(rule("web").setPort(port(80)).build()), NODES));
    }

    @Test
    void refusesPortRangeWithIcmp() {
        assertEquals(List.of(new Violation("firewall/rule=web/destination-port-range",
                "a destination-port-range needs protocol tcp or udp, not icmp")),
            FirewallValidator.validate(null, firewall(rule("web").setProtocol(Protocol.Icmp)
                .setPort(ports(80, 90)).build()), NODES));
    }

    @Test
    void refusesReversedPortRange() {
        assertEquals(List.of(new Violation("firewall/rule=web/destination-port-range",
                "destination-port-range lower 90 is above upper 80")),
            FirewallValidator.validate(null, firewall(rule("web").setProtocol(Protocol.Udp)
                .setPort(ports(90, 80)).build()), NODES));
    }

    @Test
    void suggestsCanonicalAddressRange() {
        assertEquals(List.of(new Violation("firewall/rule=lan/address-range",
                "address-range 10.8.0.6/24 has host bits set; use 10.8.0.0/24")),
            FirewallValidator.validate(null, firewall(rule("lan").setAddressRange(new Ipv4Prefix("10.8.0.6/24"))
                .build()), NODES));
    }

    @Test
    void refusesDuplicateRuleWithDefaultsSpelledOut() {
        assertEquals(List.of(new Violation("firewall/rule=b",
                "has the same match and priority as rule 'a'")),
            FirewallValidator.validate(null, firewall(
                tcp("b", 80).setAddressMatch(AddressMatch.Destination).setAddressRange(new Ipv4Prefix("0.0.0.0/0"))
                    .setPriority(Uint16.valueOf(100)).build(),
                tcp("a", 80).build()), NODES));
    }

    @Test
    void refusesConflictingRules() {
        assertEquals(List.of(new Violation("firewall/rule=b",
                "conflicts with rule 'a', which has the same match and priority but action accept")),
            FirewallValidator.validate(null, firewall(tcp("a", 80).build(), tcp("b", 80).setAction(Action.Drop)
                .build()), NODES));
    }

    @Test
    void acceptsSameMatchAtOtherPriority() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(tcp("a", 80).build(),
            tcp("b", 80).setAction(Action.Drop).setPriority(Uint16.valueOf(200)).build()), NODES));
    }

    @Test
    void refusesSameMatchOnOneNodeAndOnAllNodes() {
        // On Agent.1's switch both rules would be one and the same OpenFlow flow.
        assertEquals(List.of(new Violation("firewall/rule=b", "has the same match and priority as rule 'a'")),
            FirewallValidator.validate(null, firewall(tcp("a", 80).build(),
                tcp("b", 80).setNode(new NodeName("Agent.1")).build()), NODES));
    }

    @Test
    void acceptsSameMatchOnTwoNodes() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(
            tcp("a", 80).setNode(new NodeName("Agent.2")).build(),
            tcp("b", 80).setNode(new NodeName("Agent.1")).build()), NODES));
    }

    @Test
    void refusesAnyAddressAsSourceWhenItIsAlsoTheDestination() {
        assertEquals(List.of(new Violation("firewall/rule=b", "has the same match and priority as rule 'a'")),
            FirewallValidator.validate(null, firewall(tcp("a", 80).build(),
                tcp("b", 80).setAddressMatch(AddressMatch.Source).build()), NODES));
    }

    @Test
    void acceptsSameMatchInOtherDirection() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(tcp("a", 80).build(),
            tcp("b", 80).setDirection(Direction.Out).build()), NODES));
    }

    @Test
    void refusesOverlappingRulesWithDifferentActionsNamingBothAndTheOverlap() {
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (drop): both match tcp port 7010 from 10.8.0.0/28; give one of them another priority")),
            FirewallValidator.validate(null, firewall(drop7000s().build(), allow7010().build()), NODES));
    }

    @Test
    void acceptsOverlappingRulesWithTheSameAction() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(drop7000s().build(),
            allow7010().setAction(Action.Drop).build()), NODES));
    }

    @Test
    void acceptsOverlappingRulesAtDifferentPriorities() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(drop7000s().build(),
            allow7010().setPriority(Uint16.valueOf(200)).build()), NODES));
    }

    @Test
    void acceptsOverlappingRulesInDifferentDirections() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(drop7000s().build(),
            allow7010().setDirection(Direction.Out).build()), NODES));
    }

    @Test
    void acceptsOverlappingRulesOnDifferentNodes() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(
            drop7000s().setNode(new NodeName("Agent.1")).build(),
            allow7010().setNode(new NodeName("Agent.2")).build()), NODES));
    }

    @Test
    void refusesOverlapOfRuleOnEveryNodeWithRuleOnOneNode() {
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (drop): both match tcp port 7010 from 10.8.0.0/28; give one of them another priority")),
            FirewallValidator.validate(null, firewall(drop7000s().build(),
                allow7010().setNode(new NodeName("Agent.1")).build()), NODES));
    }

    @Test
    void refusesIntersectingPortRangesNamingTheCommonPorts() {
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (drop): both match tcp ports 7005-7010 from 10.8.0.0/28; give one of them another "
                + "priority")),
            FirewallValidator.validate(null, firewall(drop7000s().build(),
                allow7010().setPort(ports(7005, 7020)).build()), NODES));
    }

    @Test
    void acceptsDisjointPortRanges() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(drop7000s().build(),
            allow7010().setPort(ports(7011, 7020)).build()), NODES));
    }

    @Test
    void refusesSourceAndDestinationRangesSinceTheyAlwaysOverlap() {
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (drop): both match tcp port 7010 from 10.8.0.0/28 to 192.168.1.0/24; give one of them "
                + "another priority")),
            FirewallValidator.validate(null, firewall(drop7000s().build(), allow7010()
                .setAddressMatch(AddressMatch.Destination).setAddressRange(new Ipv4Prefix("192.168.1.0/24"))
                .build()), NODES));
    }

    @Test
    void acceptsDisjointPrefixesOnTheSameSide() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(drop7000s().build(),
            allow7010().setAddressRange(new Ipv4Prefix("10.8.0.16/28")).build()), NODES));
    }

    @Test
    void refusesAnyProtocolOverlappingTcpWithDifferentAction() {
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (reject): both match tcp port 22 to 10.8.0.0/24; give one of them another priority")),
            FirewallValidator.validate(null, firewall(
                rule("a").setAction(Action.Reject).setAddressRange(new Ipv4Prefix("10.8.0.0/24")).build(),
                tcp("b", 22).build()), NODES));
    }

    @Test
    void acceptsIcmpAndTcpRulesOtherwiseOverlapping() {
        assertEquals(List.of(), FirewallValidator.validate(null, firewall(
            rule("a").setProtocol(Protocol.Icmp).setAction(Action.Drop).build(),
            rule("b").setProtocol(Protocol.Tcp).build()), NODES));
    }

    @Test
    void refusesNewRuleOverlappingCommittedOne() {
        // The pair is reported at the later rule by name, as for duplicates, whichever of them is new.
        final var committed = firewall(allow7010().build());
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (drop): both match tcp port 7010 from 10.8.0.0/28; give one of them another priority")),
            FirewallValidator.validate(committed, firewall(drop7000s().build(), allow7010().build()), NODES));
    }

    @Test
    void keepsCommittedOverlapOutOfUnrelatedCommit() {
        // Rules committed before overlaps were refused must not block commits that do not touch them.
        final var a = drop7000s().build();
        final var b = allow7010().build();
        assertEquals(List.of(), FirewallValidator.validate(firewall(a, b), firewall(a, b, tcp("ssh", 22).build()),
            NODES));
    }

    @Test
    void refusesChangedRuleOfCommittedOverlap() {
        final var b = allow7010().build();
        assertEquals(List.of(new Violation("firewall/rule=b", "overlaps rule 'a' at priority 100 with a different "
                + "action (reject): both match tcp port 7010 from 10.8.0.0/28; give one of them another priority")),
            FirewallValidator.validate(firewall(drop7000s().build(), b),
                firewall(drop7000s().setAction(Action.Reject).build(), b), NODES));
    }

    @Test
    void refusesRuleWithoutDirectionActionOrRangeEndNamingTheLeaf() {
        final var range = new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port
            .DestinationPortRangeBuilder().setDestinationPortRange(new org.opendaylight.yang.gen.v1.urn.cnsmo
                .firewall.rev261121.firewall.rule.port.destination.port.range.DestinationPortRangeBuilder()
                .setLower(portNumber(7000)).build()).build();
        assertEquals(List.of(
                new Violation("firewall/rule=a/direction", "is required"),
                new Violation("firewall/rule=a/action", "is required"),
                new Violation("firewall/rule=a/destination-port-range/upper", "is required")),
            FirewallValidator.validate(null, firewall(new RuleBuilder().setName(new ObjectName("a"))
                .setProtocol(Protocol.Tcp).setPort(range).build()), NODES));
    }

    private static Firewall firewall(final Rule... rules) {
        return new FirewallBuilder().setRule(BindingMap.of(rules)).build();
    }

    private static RuleBuilder rule(final String name) {
        return new RuleBuilder().setName(new ObjectName(name)).setDirection(Direction.In).setAction(Action.Accept);
    }

    /** Rule a: inbound tcp 7000-7010 from 10.8.0.0/28, drop. */
    private static RuleBuilder drop7000s() {
        return rule("a").setProtocol(Protocol.Tcp).setPort(ports(7000, 7010)).setAddressMatch(AddressMatch.Source)
            .setAddressRange(new Ipv4Prefix("10.8.0.0/28")).setAction(Action.Drop);
    }

    /** Rule b: inbound tcp 7010 from 10.8.0.0/24, accept; overlaps rule a on 7010 from 10.8.0.0/28. */
    private static RuleBuilder allow7010() {
        return tcp("b", 7010).setAddressMatch(AddressMatch.Source).setAddressRange(new Ipv4Prefix("10.8.0.0/24"));
    }

    private static RuleBuilder tcp(final String name, final int port) {
        return rule(name).setProtocol(Protocol.Tcp).setPort(port(port));
    }

    private static org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPort port(
            final int port) {
        return new DestinationPortBuilder().setDestinationPort(portNumber(port)).build();
    }

    private static org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.DestinationPortRange
            ports(final int lower, final int upper) {
        return new DestinationPortRangeBuilder().setDestinationPortRange(
            new org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.firewall.rule.port.destination.port.range
                .DestinationPortRangeBuilder().setLower(portNumber(lower)).setUpper(portNumber(upper)).build())
            .build();
    }

    private static PortNumber portNumber(final int port) {
        return new PortNumber(Uint16.valueOf(port));
    }
}
