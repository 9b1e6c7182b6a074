/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opendaylight.openflowjava.protocol.impl.deserialization.DeserializerRegistryImpl;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.BundleControlType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflowplugin.extension.onf.rev170124.experimenter.input.experimenter.data.of.choice.BundleControlOnf;

/** The switch's answers, as Open vSwitch 3.1 sends them (their bodies, after the OpenFlow header). */
class OnfAnswersTest {
    private static final HexFormat HEX = HexFormat.of();

    private static OnfAnswers.Error errors() {
        final var registry = new DeserializerRegistryImpl();
        registry.init();
        final var errors = new OnfAnswers.Error();
        errors.injectDeserializerRegistry(registry);
        return errors;
    }

    @Test
    void bundleControlReplyIsRead() {
        // xid 0x0d, ONF, ONFT_BUNDLE_CONTROL (2300), bundle 1, OPEN_REPLY, no flags
        final var message = new OnfAnswers.Experimenter().deserialize(Unpooled.wrappedBuffer(
            HEX.parseHex("0000000d" + "4f4e4600" + "000008fc" + "00000001" + "0001" + "0000")));
        assertEquals(13, message.getXid().intValue());
        final var control = assertInstanceOf(BundleControlOnf.class, message.getExperimenterDataOfChoice())
            .getOnfControlGroupingData();
        assertEquals(1, control.getBundleId().getValue().intValue());
        assertEquals(BundleControlType.ONFBCTOPENREPLY, control.getType());
    }

    @Test
    void onfErrorIsReadAndOtherErrorsAsTheLibraryReadsThem() {
        // xid 0x21, experimenter error, OFPBFC_MSG_FAILED (0x0f), ONF, then the start of the refused commit
        final var refused = errors().deserialize(Unpooled.wrappedBuffer(
            HEX.parseHex("00000021" + "ffff" + "0010" + "4f4e4600" + "0404001800000021")));
        assertEquals(33, refused.getXid().intValue());
        assertEquals(0xFFFF, refused.getType().intValue());
        assertEquals(0x10, refused.getCode().intValue());
        // OFPET_METER_MOD_FAILED (12), OFPMMFC_UNKNOWN_METER (3)
        final var meter = errors().deserialize(Unpooled.wrappedBuffer(
            HEX.parseHex("00000022" + "000c" + "0003" + "0404")));
        assertEquals(34, meter.getXid().intValue());
        assertEquals("METERMODFAILED", meter.getTypeString());
        assertEquals("UNKNOWNMETER", meter.getCodeString());
    }
}
