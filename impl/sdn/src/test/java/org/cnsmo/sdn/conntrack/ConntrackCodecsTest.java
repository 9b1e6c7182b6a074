/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opendaylight.openflowplugin.extension.api.path.ActionPath;
import org.opendaylight.openflowplugin.extension.api.path.MatchPath;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcAddFlowBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.CnsmoCtStateRpcGetFlowStats;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.add.flow.input.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcAddFlowApplyActionsCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.clear.grouping.CtClearBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.ct.state.grouping.CtStateBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoConntrackRpcGetFlowStatsApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.conntrack.rev261202.get.flow.statistics.output.flow.and.statistics.map.list.instructions.instruction.instruction.apply.actions._case.apply.actions.action.action.CnsmoCtClearRpcGetFlowStatsApplyActionsCase;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.general.rev140714.general.extension.grouping.ExtensionBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The wire forms are compared byte for byte with the layout Open vSwitch documents (nicira-ext.h). Each
 * expected string below, put into an OpenFlow 1.3 flow-mod, was decoded by Open vSwitch 3.1's
 * {@code ovs-ofctl ofp-print} as {@code ct_state=-trk}, {@code ct_state=+est+trk},
 * {@code ct(table=10,zone=11)}, {@code ct(commit,zone=11)} and {@code ct_clear}.
 */
class ConntrackCodecsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ctStateIsTheMaskedNxmEntryOpenVswitchReads() {
        assertEquals("0001d308" + "00000000" + "00000020", serialize(CtStateCodec.entry(0, 0x20)));
        assertEquals("0001d308" + "00000022" + "00000022", serialize(CtStateCodec.entry(0x22, 0x22)));
    }

    /**
     * In a flow-mod after eth_type and ip_proto, these entries were decoded by {@code ovs-ofctl ofp-print} as
     * {@code tcp,tp_dst=0x1b58/0xfff8} and {@code udp,tp_dst=0x1b58/0xfff8}.
     */
    @Test
    void maskedPortIsTheNxmEntryOpenVswitchReads() {
        final var buffer = Unpooled.buffer();
        new MaskedPortCodec(NxWire.TCP_DST_FIELD).serialize(MaskedPortCodec.entry(true, 7000, 0xFFF8), buffer);
        assertEquals("00001504" + "1b58" + "fff8", ByteBufUtil.hexDump(buffer));
        buffer.clear();
        new MaskedPortCodec(NxWire.UDP_DST_FIELD).serialize(MaskedPortCodec.entry(false, 7000, 0xFFF8), buffer);
        assertEquals("00001904" + "1b58" + "fff8", ByteBufUtil.hexDump(buffer));
    }

    @Test
    void ctStateReadsBackAsWritten() {
        final var entry = CtStateCodec.entry(0x21, 0x31);
        assertEquals(entry, new CtStateCodec().deserialize(bytes(serialize(entry))));
        // an exact (unmasked) entry from a switch reads as a match on every bit
        assertEquals(CtStateCodec.entry(0x22, 0xFFFF_FFFFL),
            new CtStateCodec().deserialize(bytes("0001d20400000022")));
    }

    @Test
    void ctTracksIntoATableOrCommitsAsOpenVswitchDocuments() {
        assertEquals("ffff0018" + "00002320" + "0023" + "0000" + "00000000" + "000b" + "0a" + "0000000000",
            serializeAction(NxActionCodec.conntrack(0, 11, 10)));
        assertEquals("ffff0018" + "00002320" + "0023" + "0001" + "00000000" + "000b" + "ff" + "0000000000",
            serializeAction(NxActionCodec.conntrack(NxWire.CT_FLAG_COMMIT, 11, NxWire.RECIRC_NONE)));
        assertEquals("ffff0010" + "00002320" + "002b" + "000000000000", serializeAction(NxActionCodec.ctClear()));
    }

    @Test
    void nxActionsReadBackAndOthersAreSkippedWhole() {
        final var codec = new NxActionCodec();
        final var ct = NxActionCodec.conntrack(1, 7, 255);
        assertEquals(ct, codec.deserialize(bytes(serializeAction(ct))));
        assertEquals(NxActionCodec.ctClear(), codec.deserialize(bytes(serializeAction(NxActionCodec.ctClear()))));
        // NXAST_RESUBMIT (subtype 1), 16 bytes, followed by the next action
        final var buffer = bytes("ffff001000002320" + "0001" + "000a00000000" + "00000010ffe50000");
        assertNull(codec.deserialize(buffer));
        assertEquals(16, buffer.readerIndex(), "the unknown action is skipped to its end");
        // ct with a nested action (length 40) is not one CNSMO writes: skipped whole
        final var nested = bytes("ffff002800002320" + "0023" + "0001000000000001ff0000000000"
            + "ffff0010000023200000000000000000");
        assertNull(codec.deserialize(nested));
        assertEquals(40, nested.readerIndex());
    }

    @Test
    void ctStateConvertsToTheWireEntryAndBackToTheStatisticsPath() {
        final var converter = new CtStateConverter();
        final var ctState = new CtStateBuilder().setState(Uint32.valueOf(0x22)).setMask(Uint32.valueOf(0x32)).build();
        final var entry = converter.convert(new ExtensionBuilder()
            .addAugmentation(new CnsmoCtStateRpcAddFlowBuilder().setCtState(ctState).build()).build());
        assertEquals(CtStateCodec.entry(0x22, 0x32), entry);
        final var back = converter.convert(entry, MatchPath.FLOWS_STATISTICS_RPC_MATCH);
        assertEquals(CnsmoCtStateRpcGetFlowStats.class, back.getAugmentationClass());
        assertEquals(ctState, ((CnsmoCtStateRpcGetFlowStats) back.getAugmentationObject()).getCtState());
    }

    @Test
    void ctActionsConvertToTheWireAndBackUnchanged() {
        final var converter = new NxActionConverter();
        final var track = NxActionConverter.conntrack(false, 11, 10);
        final var wire = converter.convert(new CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder().setConntrack(track)
            .build());
        assertEquals(NxActionCodec.conntrack(0, 11, 10), wire);
        final var read = converter.convert(wire, ActionPath.FLOWS_STATISTICS_RPC_APPLY_ACTIONS);
        assertEquals(track,
            assertInstanceOf(CnsmoConntrackRpcGetFlowStatsApplyActionsCase.class, read).getConntrack());

        final var commit = NxActionConverter.conntrack(true, 11, null);
        final var committed = converter.convert(new CnsmoConntrackRpcAddFlowApplyActionsCaseBuilder()
            .setConntrack(commit).build());
        assertEquals(NxActionCodec.conntrack(NxWire.CT_FLAG_COMMIT, 11, NxWire.RECIRC_NONE), committed);
        assertEquals(commit, ((CnsmoConntrackRpcGetFlowStatsApplyActionsCase) converter.convert(committed,
            ActionPath.FLOWS_STATISTICS_RPC_APPLY_ACTIONS)).getConntrack());

        final var clear = converter.convert(new CnsmoCtClearRpcAddFlowApplyActionsCaseBuilder()
            .setCtClear(new CtClearBuilder().build()).build());
        assertEquals(NxActionCodec.ctClear(), clear);
        assertInstanceOf(CnsmoCtClearRpcGetFlowStatsApplyActionsCase.class,
            converter.convert(clear, ActionPath.FLOWS_STATISTICS_RPC_APPLY_ACTIONS));
    }

    private static String serialize(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping
                .MatchEntry entry) {
        final var buffer = Unpooled.buffer();
        new CtStateCodec().serialize(entry, buffer);
        return ByteBufUtil.hexDump(buffer);
    }

    private static String serializeAction(
            final org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping
                .Action action) {
        final var buffer = Unpooled.buffer();
        new NxActionCodec().serialize(action, buffer);
        return ByteBufUtil.hexDump(buffer);
    }

    private static ByteBuf bytes(final String hex) {
        return Unpooled.wrappedBuffer(HEX.parseHex(hex));
    }
}
