/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cnsmo.api.net.Ipv4Network;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ConntrackGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtClearGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateGrouping;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DropActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.list.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Instructions;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ClearActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.MeterCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.WriteActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.list.Instruction;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4MatchArbitraryBitMask;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralExtensionListGrouping;
import org.opendaylight.yangtools.binding.Augmentation;

/**
 * A flow reduced to what decides what it does on the switch - table, priority, match and instructions - in one
 * normal text form, the same whether the flow is one CNSMO sends or one the OpenFlow plugin read back from the
 * switch. The two differ in form only: the plugin reads an input port back as {@code 1} where CNSMO writes
 * {@code openflow:<dpid>:1}, a drop action back as no instruction at all (OpenFlow 1.3 has no drop action), an
 * exact port match without a mask, instructions in the switch's order and the conntrack extension in the
 * augmentations of the statistics model instead of those of add-flow. The form reads both the same way.
 * Timeouts, flags and flow ids are not part of it (CNSMO sets none and the switch does not keep ids); the
 * cookie is compared apart, per owner.
 *
 * @param key table, priority and match: the flow's identity on the switch, where an added flow with the same
 *            key replaces the old one
 * @param instructions what the flow does
 */
public record FlowForm(String key, String instructions) {
    private static final int ALL_BITS_16 = 0xFFFF;
    private static final int NO_TABLE = 0xFF;
    private static final String CONTROLLER = "CONTROLLER";

    public FlowForm {
        requireNonNull(key);
        requireNonNull(instructions);
    }

    /** The form of a flow, planned or read back. */
    public static FlowForm of(final Flow flow) {
        final var key = "table=" + number(flow.getTableId()) + ",priority=" + number(flow.getPriority())
            + match(flow.getMatch());
        return new FlowForm(key, instructions(flow.getInstructions()));
    }

    @Override
    public String toString() {
        return key + " actions:" + instructions;
    }

    private static String match(final Match match) {
        if (match == null) {
            return "";
        }
        final var out = new StringBuilder();
        final var rest = new MatchBuilder(match);
        if (match.getInPort() != null) {
            out.append(",in_port=").append(port(match.getInPort().getValue()));
            rest.setInPort(null);
        }
        final var ethernet = match.getEthernetMatch();
        if (ethernet != null) {
            final var type = ethernet.getEthernetType();
            if (type != null && type.getType() != null) {
                out.append(",dl_type=0x").append(Long.toHexString(type.getType().getValue().longValue()));
            }
            if (ethernet.getEthernetSource() != null || ethernet.getEthernetDestination() != null) {
                out.append(",eth=").append(ethernet.getEthernetSource()).append('>')
                    .append(ethernet.getEthernetDestination());
            }
            rest.setEthernetMatch(null);
        }
        final var ip = match.getIpMatch();
        if (ip != null) {
            if (ip.getIpProtocol() != null) {
                out.append(",nw_proto=").append(ip.getIpProtocol());
            }
            if (ip.getIpDscp() != null || ip.getIpEcn() != null) {
                out.append(",tos=").append(ip.getIpDscp()).append('/').append(ip.getIpEcn());
            }
            rest.setIpMatch(null);
        }
        if (match.getLayer3Match() instanceof Ipv4Match ipv4) {
            if (ipv4.getIpv4Source() != null) {
                out.append(",nw_src=").append(prefix(ipv4.getIpv4Source().getValue()));
            }
            if (ipv4.getIpv4Destination() != null) {
                out.append(",nw_dst=").append(prefix(ipv4.getIpv4Destination().getValue()));
            }
            rest.setLayer3Match(null);
        } else if (match.getLayer3Match() instanceof Ipv4MatchArbitraryBitMask ipv4) {
            // the plugin's form of a masked address; a contiguous mask is a prefix
            if (ipv4.getIpv4SourceAddressNoMask() != null) {
                final var mask = ipv4.getIpv4SourceArbitraryBitmask();
                out.append(",nw_src=").append(masked(ipv4.getIpv4SourceAddressNoMask().getValue(),
                    mask == null ? null : mask.getValue()));
            }
            if (ipv4.getIpv4DestinationAddressNoMask() != null) {
                out.append(",nw_dst=").append(masked(ipv4.getIpv4DestinationAddressNoMask().getValue(),
                    ipv4.getIpv4DestinationArbitraryBitmask() == null ? null
                        : ipv4.getIpv4DestinationArbitraryBitmask().getValue()));
            }
            rest.setLayer3Match(null);
        }
        if (match.getLayer4Match() instanceof TcpMatch tcp) {
            layer4(out, "tcp", tcp.getTcpSourcePort() == null ? null : tcp.getTcpSourcePort().getValue().toJava(),
                tcp.getTcpDestinationPort() == null ? null : tcp.getTcpDestinationPort().getValue().toJava(),
                tcp.getTcpDestinationPortMask() == null ? null : tcp.getTcpDestinationPortMask().getValue().toJava());
            rest.setLayer4Match(null);
        } else if (match.getLayer4Match() instanceof UdpMatch udp) {
            layer4(out, "udp", udp.getUdpSourcePort() == null ? null : udp.getUdpSourcePort().getValue().toJava(),
                udp.getUdpDestinationPort() == null ? null : udp.getUdpDestinationPort().getValue().toJava(),
                udp.getUdpDestinationPortMask() == null ? null : udp.getUdpDestinationPortMask().getValue().toJava());
            rest.setLayer4Match(null);
        }
        final var flags = match.getTcpFlagsMatch();
        if (flags != null) {
            final int value = flags.getTcpFlags() == null ? 0 : flags.getTcpFlags().toJava();
            final int mask = flags.getTcpFlagsMask() == null ? ALL_BITS_16 : flags.getTcpFlagsMask().toJava();
            out.append(",tcp_flags=0x").append(Integer.toHexString(value & mask))
                .append("/0x").append(Integer.toHexString(mask));
            rest.setTcpFlagsMatch(null);
        }
        final var icmp = match.getIcmpv4Match();
        if (icmp != null) {
            out.append(",icmp_type=").append(icmp.getIcmpv4Type()).append(",icmp_code=").append(icmp.getIcmpv4Code());
            rest.setIcmpv4Match(null);
        }
        extensions(out, match);
        match.augmentations().keySet().forEach(rest::removeAugmentation);
        final var left = rest.build();
        if (!left.equals(new MatchBuilder().build())) {
            // a field CNSMO never writes (someone else's flow, or tampering): kept, so that it differs
            out.append(",other=").append(left);
        }
        return out.toString();
    }

    private static void layer4(final StringBuilder out, final String protocol, final Integer source,
            final Integer destination, final Integer mask) {
        if (source != null) {
            out.append(',').append(protocol).append("_src=").append(source);
        }
        if (destination != null) {
            out.append(',').append(protocol).append("_dst=").append(destination);
            final int bits = mask == null ? ALL_BITS_16 : mask;
            if (bits != ALL_BITS_16) {
                out.append("/0x").append(Integer.toHexString(bits));
            }
        }
    }

    /** The conntrack match entries, whichever model (add-flow, inventory, statistics) carries them. */
    private static void extensions(final StringBuilder out, final Match match) {
        final var entries = new ArrayList<String>();
        for (Augmentation<Match> augmentation : match.augmentations().values()) {
            if (augmentation instanceof GeneralExtensionListGrouping list) {
                for (var entry : list.nonnullExtensionList().values()) {
                    final var extension = entry.getExtension();
                    boolean known = false;
                    if (extension != null) {
                        for (var value : extension.augmentations().values()) {
                            if (value instanceof CtStateGrouping grouping && grouping.getCtState() != null) {
                                final var ctState = grouping.getCtState();
                                final long mask = ctState.getMask() == null ? 0 : ctState.getMask().toJava();
                                final long state = ctState.getState() == null ? 0 : ctState.getState().toJava();
                                entries.add("ct_state=0x" + Long.toHexString(state & mask) + "/0x"
                                    + Long.toHexString(mask));
                                known = true;
                            }
                        }
                    }
                    if (!known) {
                        entries.add("extension=" + entry);
                    }
                }
            }
        }
        entries.sort(Comparator.naturalOrder());
        entries.forEach(entry -> out.append(',').append(entry));
    }

    private static String instructions(final Instructions instructions) {
        if (instructions == null) {
            return "";
        }
        final var parts = new ArrayList<String>();
        final var sorted = new ArrayList<>(instructions.nonnullInstruction().values());
        // the switch answers in its own order (OpenFlow's: meter, apply, clear, write, metadata, goto)
        sorted.sort(Comparator.comparingInt(FlowForm::rank));
        for (var instruction : sorted) {
            final var text = instruction(instruction);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(",", parts);
    }

    private static int rank(final Instruction instruction) {
        final var choice = instruction.getInstruction();
        if (choice instanceof MeterCase) {
            return 0;
        }
        if (choice instanceof ApplyActionsCase) {
            return 1;
        }
        if (choice instanceof ClearActionsCase) {
            return 2;
        }
        if (choice instanceof WriteActionsCase) {
            return 3;
        }
        if (choice instanceof GoToTableCase) {
            return 5;
        }
        return 4;
    }

    private static String instruction(final Instruction instruction) {
        final var choice = instruction.getInstruction();
        if (choice instanceof MeterCase meter) {
            return "meter:" + (meter.getMeter() == null ? null : meter.getMeter().getMeterId().getValue());
        }
        if (choice instanceof GoToTableCase goTo) {
            return "goto_table:" + (goTo.getGoToTable() == null ? null : goTo.getGoToTable().getTableId());
        }
        if (choice instanceof ApplyActionsCase apply) {
            // OpenFlow 1.3 has no drop action: no actions at all is the switch's form of drop
            final var actions = apply.getApplyActions() == null ? List.<Action>of()
                : List.copyOf(apply.getApplyActions().nonnullAction().values());
            return actions(actions);
        }
        if (choice instanceof WriteActionsCase write) {
            return "write_actions(" + (write.getWriteActions() == null ? ""
                : actions(List.copyOf(write.getWriteActions().nonnullAction().values()))) + ")";
        }
        return String.valueOf(choice);
    }

    private static String actions(final List<Action> actions) {
        final var sorted = new ArrayList<>(actions);
        sorted.sort(Comparator.comparingInt(action -> action.getOrder() == null ? 0 : action.getOrder().intValue()));
        final var parts = new ArrayList<String>();
        for (var action : sorted) {
            final var choice = action.getAction();
            if (choice instanceof DropActionCase) {
                continue;
            }
            if (choice instanceof OutputActionCase output && output.getOutputAction() != null) {
                final var out = output.getOutputAction();
                final var connector = out.getOutputNodeConnector();
                final var port = connector == null ? "" : port(connector.getValue());
                // only a packet-in keeps the length; the switch need not echo it for other ports
                parts.add(CONTROLLER.equals(port) && out.getMaxLength() != null
                    ? "output:" + port + ":" + out.getMaxLength() : "output:" + port);
            } else if (choice instanceof ConntrackGrouping ct && ct.getConntrack() != null) {
                final var conntrack = ct.getConntrack();
                final var table = conntrack.getRecircTable();
                parts.add("ct(" + (Boolean.TRUE.equals(conntrack.getCommit()) ? "commit," : "")
                    + "zone=" + number(conntrack.getZone())
                    + (table == null || table.toJava() == NO_TABLE ? "" : ",table=" + table) + ")");
            } else if (choice instanceof CtClearGrouping) {
                parts.add("ct_clear");
            } else {
                parts.add(String.valueOf(choice));
            }
        }
        return String.join(",", parts);
    }

    /** A port as the switch names it: its number or a reserved name such as NORMAL, without the switch's id. */
    private static String port(final String value) {
        return value.substring(value.lastIndexOf(':') + 1).toUpperCase(Locale.ROOT);
    }

    private static String prefix(final String value) {
        return Ipv4Network.parse(value.indexOf('/') < 0 ? value + "/32" : value).canonical().toString();
    }

    private static String masked(final String address, final String mask) {
        if (mask == null) {
            return prefix(address);
        }
        final int bits = Ipv4Network.parseAddress(mask);
        final int length = Integer.bitCount(bits);
        return length == Integer.numberOfLeadingZeros(~bits) ? prefix(address + "/" + length) : address + "&" + mask;
    }

    private static String number(final Number value) {
        return value == null ? "0" : value.toString();
    }
}
