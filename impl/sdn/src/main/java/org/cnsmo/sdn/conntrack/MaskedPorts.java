/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import java.util.HashMap;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoMaskedPortRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.MaskedPortKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.masked.port.grouping.MaskedPortBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatch;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.ExtensionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionList;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListKey;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The form of a flow that goes into an OpenFlow bundle. The plugin converts a bundled flow with its message
 * converters, which drop the mask of a TCP or UDP destination port match: {@code tp_dst=7000/0xfff8} would
 * reach the switch as {@code tp_dst=7000}, and a strict removal of the masked flow would match nothing. So a
 * masked destination port moves from the layer 4 match into a CNSMO match extension, written as Open vSwitch's
 * NXM_OF_TCP_DST_W or NXM_OF_UDP_DST_W ({@link MaskedPortCodec}). Exact ports and every other field stay as
 * they are; the switch ends up with the same flow as from the plugin's add-flow RPC.
 */
public final class MaskedPorts {
    static final int TCP = 6;
    static final int UDP = 17;
    private static final int ALL_BITS = 0xFFFF;

    private MaskedPorts() {
        // utility
    }

    /** The flow with a masked destination port as a match extension; the flow itself when it has none. */
    public static Flow forBundle(final Flow flow) {
        final var match = flow.getMatch();
        if (match == null) {
            return flow;
        }
        final var layer4 = match.getLayer4Match();
        final int protocol;
        final Integer port;
        final Integer mask;
        final MatchBuilder rest = new MatchBuilder(match);
        if (layer4 instanceof TcpMatch tcp && isMasked(tcp.getTcpDestinationPortMask())) {
            protocol = TCP;
            port = tcp.getTcpDestinationPort().getValue().toJava();
            mask = tcp.getTcpDestinationPortMask().getValue().toJava();
            rest.setLayer4Match(tcp.getTcpSourcePort() == null ? null
                : new TcpMatchBuilder().setTcpSourcePort(tcp.getTcpSourcePort()).build());
        } else if (layer4 instanceof UdpMatch udp && isMasked(udp.getUdpDestinationPortMask())) {
            protocol = UDP;
            port = udp.getUdpDestinationPort().getValue().toJava();
            mask = udp.getUdpDestinationPortMask().getValue().toJava();
            rest.setLayer4Match(udp.getUdpSourcePort() == null ? null
                : new UdpMatchBuilder().setUdpSourcePort(udp.getUdpSourcePort()).build());
        } else {
            return flow;
        }
        final var extensions = new HashMap<ExtensionListKey, ExtensionList>();
        final var general = match.augmentation(GeneralAugMatchRpcAddFlow.class);
        if (general != null) {
            extensions.putAll(general.nonnullExtensionList());
        }
        final var masked = new ExtensionListBuilder()
            .setExtensionKey(MaskedPortKey.VALUE)
            .setExtension(new ExtensionBuilder()
                .addAugmentation(new CnsmoMaskedPortRpcAddFlowBuilder()
                    .setMaskedPort(new MaskedPortBuilder()
                        .setProtocol(Uint8.valueOf(protocol))
                        .setPort(Uint16.valueOf(port & mask))
                        .setMask(Uint16.valueOf(mask))
                        .build())
                    .build())
                .build())
            .build();
        extensions.put(masked.key(), masked);
        rest.addAugmentation(new GeneralAugMatchRpcAddFlowBuilder().setExtensionList(extensions).build());
        return new FlowBuilder(flow).setMatch(rest.build()).build();
    }

    private static boolean isMasked(final PortNumber mask) {
        return mask != null && mask.getValue().toJava() != ALL_BITS;
    }
}
