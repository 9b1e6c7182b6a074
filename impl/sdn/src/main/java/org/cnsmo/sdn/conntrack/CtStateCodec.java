/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import io.netty.buffer.ByteBuf;
import org.opendaylight.openflowjava.protocol.api.extensibility.HeaderDeserializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.HeaderSerializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFDeserializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFSerializer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.CtStateField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.CtStateCaseValue;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.CtStateCaseValueBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.ct.state._case.value.CtStateValuesBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.Nxm1Class;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntryBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/** Writes and reads the NXM_NX_CT_STATE match entry (see {@link NxWire}). */
public final class CtStateCodec implements OFSerializer<MatchEntry>, OFDeserializer<MatchEntry>,
        HeaderSerializer<MatchEntry>, HeaderDeserializer<MatchEntry> {
    private static final long ALL_BITS = 0xFFFF_FFFFL;

    /** A ct_state match entry of the OpenFlow Java model. */
    public static MatchEntry entry(final long state, final long mask) {
        return new MatchEntryBuilder()
            .setOxmClass(Nxm1Class.VALUE)
            .setOxmMatchField(CtStateField.VALUE)
            .setHasMask(Boolean.TRUE)
            .setMatchEntryValue(new CtStateCaseValueBuilder()
                .setCtStateValues(new CtStateValuesBuilder()
                    .setCtState(Uint32.valueOf(state))
                    .setMask(Uint32.valueOf(mask))
                    .build())
                .build())
            .build();
    }

    @Override
    public void serialize(final MatchEntry input, final ByteBuf outBuffer) {
        final var values = ((CtStateCaseValue) input.getMatchEntryValue()).nonnullCtStateValues();
        final var mask = values.getMask();
        header(mask != null, outBuffer);
        outBuffer.writeInt(values.requireCtState().intValue());
        if (mask != null) {
            outBuffer.writeInt(mask.intValue());
        }
    }

    @Override
    public void serializeHeader(final MatchEntry input, final ByteBuf outBuffer) {
        header(Boolean.TRUE.equals(input.getHasMask()), outBuffer);
    }

    private static void header(final boolean hasMask, final ByteBuf outBuffer) {
        outBuffer.writeShort(NxWire.NXM_1_CLASS);
        outBuffer.writeByte(NxWire.CT_STATE_FIELD << 1 | (hasMask ? 1 : 0));
        outBuffer.writeByte(hasMask ? 2 * NxWire.CT_STATE_LENGTH : NxWire.CT_STATE_LENGTH);
    }

    @Override
    public MatchEntry deserialize(final ByteBuf message) {
        message.skipBytes(Short.BYTES);
        final boolean hasMask = (message.readUnsignedByte() & 1) != 0;
        message.skipBytes(Byte.BYTES);
        final long state = message.readUnsignedInt();
        final long mask = hasMask ? message.readUnsignedInt() : ALL_BITS;
        return entry(state, mask);
    }

    @Override
    public MatchEntry deserializeHeader(final ByteBuf message) {
        message.skipBytes(Short.BYTES);
        final boolean hasMask = (message.readUnsignedByte() & 1) != 0;
        message.skipBytes(Byte.BYTES);
        return new MatchEntryBuilder()
            .setOxmClass(Nxm1Class.VALUE)
            .setOxmMatchField(CtStateField.VALUE)
            .setHasMask(hasMask)
            .build();
    }
}
