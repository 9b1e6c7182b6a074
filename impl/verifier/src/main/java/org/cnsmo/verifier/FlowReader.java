/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import java.util.Locale;
import java.util.function.LongFunction;
import org.cnsmo.api.net.Ipv4Network;
import org.cnsmo.verifier.FlowRule.Action;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ConntrackGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateGrouping;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtState;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.DropActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.action.types.rev131112.action.action.OutputActionCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.OutputPortValues;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.ApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.instruction.instruction.GoToTableCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._3.match.Ipv4MatchArbitraryBitMask;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralExtensionListGrouping;
import org.opendaylight.yangtools.binding.Augmentable;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * Reads an OpenFlow flow of the flow model (as the SDN pipeline builds it, or as a switch reports it) into a
 * {@link FlowRule}. It understands what CNSMO flows use: EtherType, IP protocol, IPv4 prefixes, TCP/UDP
 * destination port and mask, input port, TCP flags and ICMP type (refusals), the ct_state extension, and the
 * goto, drop, output, ct and ct_clear instructions. A flow without actions drops, as in OpenFlow.
 */
public final class FlowReader {
    private static final int PORT_BITS = 16;

    private FlowReader() {
        // utility
    }

    /**
     * Reads a flow.
     *
     * @param flow the flow
     * @param uplink the switch's uplink port id
     * @param elements the intent a cookie names
     * @return the flow as the verifier evaluates it
     */
    public static FlowRule read(final Flow flow, final NodeConnectorId uplink, final LongFunction<Element> elements) {
        final var match = flow.getMatch();
        var space = Space.ALL;
        Boolean fromUplink = null;
        long ctState = 0;
        long ctMask = 0;
        boolean refusal = false;
        if (match != null) {
            space = space(match);
            final var inPort = match.getInPort();
            if (inPort != null) {
                fromUplink = port(inPort.getValue()).equals(port(uplink.getValue()));
            }
            refusal = match.getTcpFlagsMatch() != null || match.getIcmpv4Match() != null
                && match.getIcmpv4Match().getIcmpv4Type() != null;
            final var ct = ctState(match);
            if (ct != null) {
                ctState = ct.getState().toJava();
                ctMask = ct.getMask().toJava();
            }
        }
        var action = Action.DROP;
        int next = -1;
        final var instructions = flow.getInstructions();
        if (instructions != null) {
            for (var instruction : instructions.nonnullInstruction().values()) {
                final var choice = instruction.getInstruction();
                if (choice instanceof GoToTableCase goTo) {
                    if (action == Action.DROP) {
                        action = Action.GOTO;
                    }
                    next = goTo.getGoToTable().getTableId().toJava();
                } else if (choice instanceof ApplyActionsCase apply) {
                    for (var item : apply.getApplyActions().nonnullAction().values()) {
                        final var act = item.getAction();
                        if (act instanceof DropActionCase) {
                            return rule(flow, space, fromUplink, ctState, ctMask, refusal, Action.DROP, -1, elements);
                        } else if (act instanceof OutputActionCase output) {
                            final var port = output.getOutputAction().getOutputNodeConnector().getValue();
                            action = OutputPortValues.CONTROLLER.getName().equals(port(port)) ? Action.REJECT
                                : Action.FORWARD;
                        } else if (act instanceof ConntrackGrouping conntrack && conntrack.getConntrack() != null
                                && !Boolean.TRUE.equals(conntrack.getConntrack().getCommit())) {
                            action = Action.TRACK;
                            next = conntrack.getConntrack().getRecircTable().toJava();
                        }
                    }
                }
            }
        }
        return rule(flow, space, fromUplink, ctState, ctMask, refusal, action, next, elements);
    }

    /**
     * A port without the switch's id: CNSMO writes {@code openflow:<dpid>:1}, a switch's read-back flows say
     * {@code 1}; reserved ports such as CONTROLLER alike.
     */
    private static String port(final String value) {
        return value.substring(value.lastIndexOf(':') + 1).toUpperCase(Locale.ROOT);
    }

    private static FlowRule rule(final Flow flow, final Space space, final Boolean fromUplink, final long ctState,
            final long ctMask, final boolean refusal, final Action action, final int next,
            final LongFunction<Element> elements) {
        final var cookie = flow.getCookie();
        final var name = flow.getFlowName() == null ? "" : flow.getFlowName();
        var element = elements.apply(cookie == null ? 0 : cookie.getValue().longValue());
        if (element == null || element.kind() == Element.Kind.PIPELINE) {
            element = new Element(Element.Kind.PIPELINE, name);
        }
        final Uint16 priority = flow.getPriority();
        return new FlowRule(name, flow.getTableId() == null ? 0 : flow.getTableId().toJava(),
            priority == null ? 0 : priority.toJava(), space, fromUplink, ctState, ctMask, refusal, action, next,
            element);
    }

    private static Space space(final Match match) {
        var source = Range.ANY_ADDRESS;
        var destination = Range.ANY_ADDRESS;
        var protocol = Range.ANY_PROTOCOL;
        var port = Range.ANY_PORT;
        final var ip = match.getIpMatch();
        if (ip != null && ip.getIpProtocol() != null) {
            protocol = Range.of(ip.getIpProtocol().toJava());
        }
        if (match.getLayer3Match() instanceof Ipv4Match ipv4) {
            if (ipv4.getIpv4Source() != null) {
                source = Range.of(Ipv4Network.parse(ipv4.getIpv4Source().getValue()));
            }
            if (ipv4.getIpv4Destination() != null) {
                destination = Range.of(Ipv4Network.parse(ipv4.getIpv4Destination().getValue()));
            }
        } else if (match.getLayer3Match() instanceof Ipv4MatchArbitraryBitMask ipv4) {
            // the form in which the OpenFlow plugin may read a masked address back
            if (ipv4.getIpv4SourceAddressNoMask() != null) {
                source = masked(ipv4.getIpv4SourceAddressNoMask().getValue(),
                    ipv4.getIpv4SourceArbitraryBitmask() == null ? null
                        : ipv4.getIpv4SourceArbitraryBitmask().getValue());
            }
            if (ipv4.getIpv4DestinationAddressNoMask() != null) {
                destination = masked(ipv4.getIpv4DestinationAddressNoMask().getValue(),
                    ipv4.getIpv4DestinationArbitraryBitmask() == null ? null
                        : ipv4.getIpv4DestinationArbitraryBitmask().getValue());
            }
        }
        if (match.getLayer4Match() instanceof TcpMatch tcp && tcp.getTcpDestinationPort() != null) {
            port = ports(tcp.getTcpDestinationPort().getValue(), tcp.getTcpDestinationPortMask() == null ? null
                : tcp.getTcpDestinationPortMask().getValue());
        } else if (match.getLayer4Match() instanceof UdpMatch udp && udp.getUdpDestinationPort() != null) {
            port = ports(udp.getUdpDestinationPort().getValue(), udp.getUdpDestinationPortMask() == null ? null
                : udp.getUdpDestinationPortMask().getValue());
        }
        return new Space(source, destination, protocol, port);
    }

    /**
     * The addresses an address/mask matches: a prefix for a contiguous mask (the only kind CNSMO writes), else
     * the smallest range holding them all.
     */
    private static Range masked(final String address, final String mask) {
        final long value = Integer.toUnsignedLong(Ipv4Network.parseAddress(address));
        return mask == null ? Range.of(value)
            : Range.ofMask(value, Integer.toUnsignedLong(Ipv4Network.parseAddress(mask)), Integer.SIZE);
    }

    private static Range ports(final Uint16 value, final Uint16 mask) {
        return mask == null ? Range.of(value.toJava())
            : Range.ofMask(value.toJava(), mask.toJava(), PORT_BITS);
    }

    /** The ct_state match of a CNSMO flow, in whichever flow model's augmentation it comes. */
    private static CtState ctState(final Match match) {
        for (var augmentation : ((Augmentable<?>) match).augmentations().values()) {
            if (augmentation instanceof GeneralExtensionListGrouping list) {
                for (var entry : list.nonnullExtensionList().values()) {
                    final var extension = entry.getExtension();
                    if (extension == null) {
                        continue;
                    }
                    for (var extAugmentation : extension.augmentations().values()) {
                        if (extAugmentation instanceof CtStateGrouping ct && ct.getCtState() != null) {
                            return ct.getCtState();
                        }
                    }
                }
            }
        }
        return null;
    }
}
