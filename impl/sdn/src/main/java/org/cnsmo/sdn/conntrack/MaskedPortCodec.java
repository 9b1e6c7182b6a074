/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import io.netty.buffer.ByteBuf;
import org.opendaylight.openflowjava.protocol.api.extensibility.HeaderSerializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFSerializer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.TcpDstMaskedField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.UdpDstMaskedField;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.MaskedPortCaseValue;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.MaskedPortCaseValueBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.oxm.container.match.entry.value.masked.port._case.value.MaskedPortValuesBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.Nxm0Class;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntry;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.oxm.rev150225.match.entries.grouping.MatchEntryBuilder;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * Writes a masked TCP or UDP destination port match entry as Open vSwitch documents it (nicira-ext.h,
 * ovs-fields(7)): NXM_OF_TCP_DST_W or NXM_OF_UDP_DST_W, the port then the mask. Only written: flows read
 * back from a switch carry the OpenFlow 1.3 form, which the plugin reads with its mask.
 */
public final class MaskedPortCodec implements OFSerializer<MatchEntry>, HeaderSerializer<MatchEntry> {
    private final int field;

    /**
     * A codec for one of the two fields.
     *
     * @param field {@link NxWire#TCP_DST_FIELD} or {@link NxWire#UDP_DST_FIELD}
     */
    public MaskedPortCodec(final int field) {
        this.field = field;
    }

    /** A masked destination port match entry of the OpenFlow Java model; TCP when {@code tcp}, else UDP. */
    public static MatchEntry entry(final boolean tcp, final int port, final int mask) {
        return new MatchEntryBuilder()
            .setOxmClass(Nxm0Class.VALUE)
            .setOxmMatchField(tcp ? TcpDstMaskedField.VALUE : UdpDstMaskedField.VALUE)
            .setHasMask(Boolean.TRUE)
            .setMatchEntryValue(new MaskedPortCaseValueBuilder()
                .setMaskedPortValues(new MaskedPortValuesBuilder()
                    .setPort(Uint16.valueOf(port))
                    .setMask(Uint16.valueOf(mask))
                    .build())
                .build())
            .build();
    }

    @Override
    public void serialize(final MatchEntry input, final ByteBuf outBuffer) {
        final var values = ((MaskedPortCaseValue) input.getMatchEntryValue()).nonnullMaskedPortValues();
        serializeHeader(input, outBuffer);
        outBuffer.writeShort(values.requirePort().toJava());
        outBuffer.writeShort(values.requireMask().toJava());
    }

    @Override
    public void serializeHeader(final MatchEntry input, final ByteBuf outBuffer) {
        outBuffer.writeShort(NxWire.NXM_0_CLASS);
        outBuffer.writeByte(field << 1 | 1);
        outBuffer.writeByte(2 * NxWire.PORT_LENGTH);
    }
}
