/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DropActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.drop.action._case.DropActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.output.action._case.OutputActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowCookie;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.FlowModFlags;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.InstructionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.MeterCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.apply.actions._case.ApplyActionsBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.go.to.table._case.GoToTableBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.meter._case.MeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.InstructionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.l2.types.rev130827.EtherType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.ethernet.match.fields.EthernetTypeBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.EthernetMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.Icmpv4MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.IpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.TcpFlagsMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatchBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The building blocks of CNSMO flows: matches with their OpenFlow prerequisites (EtherType before
 * IP fields, IP protocol before L4 ports) and the instructions the pipeline uses.
 */
final class FlowParts {
    static final short PROTOCOL_ICMP = 1;
    static final short PROTOCOL_TCP = 6;
    static final short PROTOCOL_UDP = 17;

    private static final long ETHERTYPE_IPV4 = 0x0800;
    private static final FlowModFlags NO_FLAGS = new FlowModFlags(false, false, false, false, false);
    private static final Uint16 NO_TIMEOUT = Uint16.ZERO;

    private FlowParts() {
        // utility
    }

    /** A flow with everything but its match and instructions. */
    static FlowBuilder flow(final String id, final Uint8 table, final int priority, final Uint64 cookie) {
        return new FlowBuilder()
            .setId(new FlowId(id))
            .setFlowName(id)
            .setTableId(table)
            .setPriority(Uint16.valueOf(priority))
            .setCookie(new FlowCookie(cookie))
            .setIdleTimeout(NO_TIMEOUT)
            .setHardTimeout(NO_TIMEOUT)
            .setFlags(NO_FLAGS)
            .setStrict(Boolean.FALSE)
            .setBarrier(Boolean.FALSE);
    }

    /** A match on IPv4 packets with their prerequisite EtherType. */
    static MatchBuilder ipv4() {
        return new MatchBuilder().setEthernetMatch(new EthernetMatchBuilder()
            .setEthernetType(new EthernetTypeBuilder().setType(new EtherType(Uint32.valueOf(ETHERTYPE_IPV4))).build())
            .build());
    }

    /** Adds an IP protocol to an IPv4 match. */
    static MatchBuilder protocol(final MatchBuilder match, final short protocol) {
        return match.setIpMatch(new IpMatchBuilder().setIpProtocol(Uint8.valueOf(protocol)).build());
    }

    static MatchBuilder source(final MatchBuilder match, final Ipv4Network network) {
        return match.setLayer3Match(new Ipv4MatchBuilder().setIpv4Source(prefix(network)).build());
    }

    static MatchBuilder destination(final MatchBuilder match, final Ipv4Network network) {
        return match.setLayer3Match(new Ipv4MatchBuilder().setIpv4Destination(prefix(network)).build());
    }

    /** Adds a match on TCP flags that must be set; the match must already name protocol TCP. */
    static MatchBuilder tcpFlags(final MatchBuilder match, final int flags) {
        return match.setTcpFlagsMatch(new TcpFlagsMatchBuilder()
            .setTcpFlags(Uint16.valueOf(flags))
            .setTcpFlagsMask(Uint16.valueOf(flags))
            .build());
    }

    /** Adds an ICMP type match; the match must already name protocol ICMP. */
    static MatchBuilder icmpType(final MatchBuilder match, final short type) {
        return match.setIcmpv4Match(new Icmpv4MatchBuilder().setIcmpv4Type(Uint8.valueOf(type)).build());
    }

    /** Adds a TCP destination port match; the match must already name protocol TCP. */
    static MatchBuilder tcpDestination(final MatchBuilder match, final PortMask port) {
        final var tcp = new TcpMatchBuilder().setTcpDestinationPort(new PortNumber(Uint16.valueOf(port.value())));
        if (!port.isExact()) {
            tcp.setTcpDestinationPortMask(new PortNumber(Uint16.valueOf(port.mask())));
        }
        return match.setLayer4Match(tcp.build());
    }

    /** Adds a UDP destination port match; the match must already name protocol UDP. */
    static MatchBuilder udpDestination(final MatchBuilder match, final PortMask port) {
        final var udp = new UdpMatchBuilder().setUdpDestinationPort(new PortNumber(Uint16.valueOf(port.value())));
        if (!port.isExact()) {
            udp.setUdpDestinationPortMask(new PortNumber(Uint16.valueOf(port.mask())));
        }
        return match.setLayer4Match(udp.build());
    }

    static Instructions goTo(final Uint8 table) {
        return new InstructionsBuilder().setInstruction(BindingMap.of(goToInstruction(0, table))).build();
    }

    static Instructions drop() {
        return apply(new ActionBuilder().setOrder(0)
            .setAction(new DropActionCaseBuilder().setDropAction(new DropActionBuilder().build()).build())
            .build());
    }

    /** Output to a reserved port such as NORMAL or CONTROLLER. */
    static Instructions output(final String reservedPort, final int maxLength) {
        return apply(outputAction(0, reservedPort, maxLength));
    }

    /**
     * Output to a reserved port through a meter first: packets over the meter's rate are dropped by the switch.
     * OpenFlow 1.3 runs the meter instruction before apply-actions. The actions in {@code before} run
     * ahead of the output.
     */
    static Instructions meteredOutput(final long meterId, final String reservedPort, final int maxLength,
            final Action... before) {
        final var actions = new ArrayList<Action>(before.length + 1);
        actions.addAll(List.of(before));
        actions.add(outputAction(before.length, reservedPort, maxLength));
        return new InstructionsBuilder().setInstruction(BindingMap.of(
            new InstructionBuilder().setOrder(0).setInstruction(new MeterCaseBuilder()
                .setMeter(new MeterBuilder().setMeterId(new MeterId(Uint32.valueOf(meterId))).build())
                .build()).build(),
            new InstructionBuilder().setOrder(1).setInstruction(new ApplyActionsCaseBuilder()
                .setApplyActions(new ApplyActionsBuilder().setAction(BindingMap.ordered(actions)).build())
                .build()).build())).build();
    }

    /** Apply-actions with one action. */
    static Instructions apply(final Action action) {
        return new InstructionsBuilder().setInstruction(BindingMap.of(applyInstruction(0, action))).build();
    }

    /** Apply-actions with one action, then go to a table. */
    static Instructions applyThenGoTo(final Action action, final Uint8 table) {
        return new InstructionsBuilder().setInstruction(BindingMap.of(applyInstruction(0, action),
            goToInstruction(1, table))).build();
    }

    private static Action outputAction(final int order, final String reservedPort, final int maxLength) {
        return new ActionBuilder().setOrder(order)
            .setAction(new OutputActionCaseBuilder().setOutputAction(new OutputActionBuilder()
                .setOutputNodeConnector(new Uri(reservedPort))
                .setMaxLength(Uint16.valueOf(maxLength))
                .build()).build())
            .build();
    }

    private static Instruction applyInstruction(final int order, final Action action) {
        return new InstructionBuilder()
            .setOrder(order)
            .setInstruction(new ApplyActionsCaseBuilder()
                .setApplyActions(new ApplyActionsBuilder().setAction(BindingMap.of(action)).build())
                .build())
            .build();
    }

    private static Instruction goToInstruction(final int order, final Uint8 table) {
        return new InstructionBuilder()
            .setOrder(order)
            .setInstruction(new GoToTableCaseBuilder()
                .setGoToTable(new GoToTableBuilder().setTableId(table).build())
                .build())
            .build();
    }

    private static Ipv4Prefix prefix(final Ipv4Network network) {
        return new Ipv4Prefix(network.toString());
    }
}
