/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoMaskedPortRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CtStateKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.MaskedPortKey;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.FlowId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.Flow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.tables.table.FlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.types.rev131026.flow.MatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.IpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.Layer4Match;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.TcpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.model.match.types.rev131026.match.layer._4.match.UdpMatchBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlow;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.GeneralAugMatchRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.ExtensionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.list.grouping.ExtensionListKey;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

class MaskedPortsTest {
    private static PortNumber port(final int value) {
        return new PortNumber(Uint16.valueOf(value));
    }

    private static Flow flow(final MatchBuilder match) {
        return new FlowBuilder().setId(new FlowId("f")).setTableId(Uint8.TEN).setPriority(Uint16.valueOf(1100))
            .setMatch(match.setIpMatch(new IpMatchBuilder().setIpProtocol(Uint8.valueOf(6)).build()).build())
            .build();
    }

    private static Flow withLayer4(final Layer4Match layer4) {
        return flow(new MatchBuilder().setLayer4Match(layer4));
    }

    @Test
    void maskedTcpPortBecomesTheExtensionAndLeavesTheLayer4Match() {
        final var bundled = MaskedPorts.forBundle(withLayer4(new TcpMatchBuilder().setTcpDestinationPort(port(7000))
            .setTcpDestinationPortMask(port(0xFFF8)).build()));
        assertNull(bundled.getMatch().getLayer4Match());
        final var masked = bundled.getMatch().augmentation(GeneralAugMatchRpcAddFlow.class).nonnullExtensionList()
            .get(new ExtensionListKey(MaskedPortKey.VALUE)).getExtension()
            .augmentation(CnsmoMaskedPortRpcAddFlow.class).getMaskedPort();
        assertEquals(6, masked.getProtocol().toJava());
        assertEquals(7000, masked.getPort().toJava());
        assertEquals(0xFFF8, masked.getMask().toJava());
        assertEquals(Uint8.valueOf(6), bundled.getMatch().getIpMatch().getIpProtocol(), "the rest stays");
        assertEquals(Uint16.valueOf(1100), bundled.getPriority());
    }

    @Test
    void maskedUdpPortKeepsTheSourcePortAndTheOtherExtensions() {
        final var ctState = new ExtensionListBuilder().setExtensionKey(CtStateKey.VALUE)
            .setExtension(new ExtensionBuilder().addAugmentation(new CnsmoCtStateRpcAddFlowBuilder()
                .setCtState(new CtStateBuilder().setState(Uint32.ONE).setMask(Uint32.ONE).build()).build()).build())
            .build();
        final var bundled = MaskedPorts.forBundle(flow(new MatchBuilder()
            .setLayer4Match(new UdpMatchBuilder().setUdpSourcePort(port(53)).setUdpDestinationPort(port(7200))
                .setUdpDestinationPortMask(port(0xFFF0)).build())
            .addAugmentation(new GeneralAugMatchRpcAddFlowBuilder().setExtensionList(BindingMap.of(ctState))
                .build())));
        assertEquals(new UdpMatchBuilder().setUdpSourcePort(port(53)).build(), bundled.getMatch().getLayer4Match());
        final var extensions = bundled.getMatch().augmentation(GeneralAugMatchRpcAddFlow.class)
            .nonnullExtensionList();
        assertEquals(ctState, extensions.get(ctState.key()));
        assertEquals(17, extensions.get(new ExtensionListKey(MaskedPortKey.VALUE)).getExtension()
            .augmentation(CnsmoMaskedPortRpcAddFlow.class).getMaskedPort().getProtocol().toJava());
    }

    @Test
    void exactPortsAndPortlessFlowsAreSentAsTheyAre() {
        final var exact = withLayer4(new TcpMatchBuilder().setTcpDestinationPort(port(7100)).build());
        assertSame(exact, MaskedPorts.forBundle(exact));
        final var allBits = withLayer4(new TcpMatchBuilder().setTcpDestinationPort(port(7100))
            .setTcpDestinationPortMask(port(0xFFFF)).build());
        assertSame(allBits, MaskedPorts.forBundle(allBits));
        final var portless = flow(new MatchBuilder());
        assertSame(portless, MaskedPorts.forBundle(portless));
    }
}
