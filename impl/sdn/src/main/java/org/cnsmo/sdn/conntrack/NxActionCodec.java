/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.conntrack;

import io.netty.buffer.ByteBuf;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFDeserializer;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFSerializer;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.ConntrackActionCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.ConntrackActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.CtClearActionCase;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.CtClearActionCaseBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.conntrack.action._case.ConntrackActionBuilder;
import org.opendaylight.yang.gen.v1.urn.cnsmo.ofj.conntrack.rev261202.action.container.action.choice.ct.clear.action._case.CtClearActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping.Action;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.action.rev150203.actions.grouping.ActionBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.ExperimenterId;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Writes the ct and ct_clear actions and reads every Nicira action: ct and ct_clear into the model, any
 * other subtype (another application's, which CNSMO never writes) skipped whole and read as nothing.
 */
public final class NxActionCodec implements OFSerializer<Action>, OFDeserializer<Action> {
    private static final int EXPERIMENTER_TYPE = 0xFFFF;
    private static final int CT_PAD_AND_ALG = 5;
    private static final int CT_CLEAR_PAD = 6;
    /** type, length, vendor and subtype. */
    private static final int HEADER_LENGTH = 10;

    /** A ct action of the OpenFlow Java model. */
    public static Action conntrack(final int flags, final int zone, final int recircTable) {
        return experimenter().setActionChoice(new ConntrackActionCaseBuilder()
            .setConntrackAction(new ConntrackActionBuilder()
                .setFlags(Uint16.valueOf(flags))
                .setZone(Uint16.valueOf(zone))
                .setRecircTable(Uint8.valueOf(recircTable))
                .build())
            .build()).build();
    }

    /** A ct_clear action of the OpenFlow Java model. */
    public static Action ctClear() {
        return experimenter().setActionChoice(new CtClearActionCaseBuilder()
            .setCtClearAction(new CtClearActionBuilder().build())
            .build()).build();
    }

    private static ActionBuilder experimenter() {
        return new ActionBuilder().setExperimenterId(new ExperimenterId(Uint32.valueOf(NxWire.NX_VENDOR_ID)));
    }

    @Override
    public void serialize(final Action input, final ByteBuf outBuffer) {
        final var choice = input.getActionChoice();
        if (choice instanceof ConntrackActionCase ct) {
            final var action = ct.nonnullConntrackAction();
            header(NxWire.CT_LENGTH, NxWire.NXAST_CT, outBuffer);
            outBuffer.writeShort(action.requireFlags().toJava());
            // zone_src 0: the zone is the immediate value that follows
            outBuffer.writeInt(0);
            outBuffer.writeShort(action.requireZone().toJava());
            outBuffer.writeByte(action.requireRecircTable().toJava());
            outBuffer.writeZero(CT_PAD_AND_ALG);
        } else if (choice instanceof CtClearActionCase) {
            header(NxWire.CT_CLEAR_LENGTH, NxWire.NXAST_CT_CLEAR, outBuffer);
            outBuffer.writeZero(CT_CLEAR_PAD);
        } else {
            throw new IllegalArgumentException("Not a CNSMO Nicira action: " + choice);
        }
    }

    private static void header(final int length, final int subtype, final ByteBuf outBuffer) {
        outBuffer.writeShort(EXPERIMENTER_TYPE);
        outBuffer.writeShort(length);
        outBuffer.writeInt((int) NxWire.NX_VENDOR_ID);
        outBuffer.writeShort(subtype);
    }

    @Override
    public Action deserialize(final ByteBuf message) {
        final int start = message.readerIndex();
        message.skipBytes(Short.BYTES);
        final int length = message.readUnsignedShort();
        message.skipBytes(Integer.BYTES);
        final int subtype = message.readUnsignedShort();
        final Action action;
        if (subtype == NxWire.NXAST_CT && length == NxWire.CT_LENGTH) {
            final int flags = message.readUnsignedShort();
            final long zoneSource = message.readUnsignedInt();
            final int zone = message.readUnsignedShort();
            final int recircTable = message.readUnsignedByte();
            // A zone taken from a field is not one CNSMO writes: read it as nothing, like any other action
            action = zoneSource == 0 ? conntrack(flags, zone, recircTable) : null;
        } else if (subtype == NxWire.NXAST_CT_CLEAR) {
            action = ctClear();
        } else {
            action = null;
        }
        // ct with nested actions, an ALG, or another subtype: skip to the end of the action
        message.readerIndex(start + Math.max(length, HEADER_LENGTH));
        return action;
    }
}
