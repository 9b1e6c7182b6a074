/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import io.netty.buffer.ByteBuf;
import org.opendaylight.openflowjava.protocol.api.extensibility.DeserializerRegistry;
import org.opendaylight.openflowjava.protocol.api.extensibility.DeserializerRegistryInjector;
import org.opendaylight.openflowjava.protocol.api.extensibility.OFDeserializer;
import org.opendaylight.openflowjava.protocol.api.keys.MessageCodeKey;
import org.opendaylight.openflowjava.protocol.api.util.EncodeConstants;
import org.opendaylight.openflowjava.protocol.impl.deserialization.factories.ErrorMessageFactory;
import org.opendaylight.openflowjava.protocol.impl.deserialization.factories.ExperimenterMessageFactory;
import org.opendaylight.openflowplugin.extension.onf.OnfConstants;
import org.opendaylight.openflowplugin.extension.onf.deserializer.BundleControlFactory;
import org.opendaylight.openflowplugin.extension.onf.deserializer.OnfExperimenterErrorFactory;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.common.types.rev130731.ExperimenterId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.ErrorMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.ExperimenterMessage;
import org.opendaylight.yang.gen.v1.urn.opendaylight.openflow.protocol.rev130731.ExperimenterMessageBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Reads the switch's answers to bundle messages: the bundle control replies (ONFT_BUNDLE_CONTROL, type 2300) and
 * the ONF experimenter errors (a refused commit, for one). The OpenFlow Java library looks their deserializers up
 * by a key whose experimenter id it compares by reference ({@code ExperimenterIdDeserializerKey.equals} uses
 * {@code !=} on a {@code Uint32} read fresh from each message), so a deserializer registered for ONF's id is never
 * found: the reply is dropped with a stack trace, and a refused commit looks taken. These two deserializers take
 * the place of the library's OpenFlow 1.3 experimenter-message and error-message deserializers, answer ONF's
 * messages themselves and hand every other message to the library's own.
 */
final class OnfAnswers {
    static final MessageCodeKey EXPERIMENTER_KEY =
        new MessageCodeKey(EncodeConstants.OF_VERSION_1_3, 4, ExperimenterMessage.class);
    static final MessageCodeKey ERROR_KEY = new MessageCodeKey(EncodeConstants.OF_VERSION_1_3, 1, ErrorMessage.class);
    private static final int EXPERIMENTER_ERROR = 0xFFFF;
    /** After the xid, the error type and the experimenter's error type. */
    private static final int ERROR_EXPERIMENTER_OFFSET = Integer.BYTES + 2 * Short.BYTES;

    private OnfAnswers() {
        // factory
    }

    private static boolean isOnf(final long experimenter) {
        return experimenter == OnfConstants.ONF_EXPERIMENTER.toJava();
    }

    /** Experimenter messages: ONF's bundle control replies here, the rest as the library reads them. */
    static final class Experimenter implements OFDeserializer<ExperimenterMessage>, DeserializerRegistryInjector {
        private final ExperimenterMessageFactory others = new ExperimenterMessageFactory();
        private final BundleControlFactory bundleControl = new BundleControlFactory();

        @Override
        public ExperimenterMessage deserialize(final ByteBuf message) {
            final int start = message.readerIndex();
            final long xid = message.readUnsignedInt();
            final long experimenter = message.readUnsignedInt();
            final long type = message.readUnsignedInt();
            if (isOnf(experimenter) && type == OnfConstants.ONF_ET_BUNDLE_CONTROL.toJava()) {
                return new ExperimenterMessageBuilder()
                    .setVersion(EncodeConstants.OF_VERSION_1_3)
                    .setXid(Uint32.valueOf(xid))
                    .setExperimenter(new ExperimenterId(Uint32.valueOf(experimenter)))
                    .setExpType(Uint32.valueOf(type))
                    .setExperimenterDataOfChoice(bundleControl.deserialize(message))
                    .build();
            }
            message.readerIndex(start);
            return others.deserialize(message);
        }

        @Override
        public void injectDeserializerRegistry(final DeserializerRegistry registry) {
            others.injectDeserializerRegistry(registry);
            bundleControl.injectDeserializerRegistry(registry);
        }
    }

    /** Error messages: ONF's experimenter errors here, the rest as the library reads them. */
    static final class Error implements OFDeserializer<ErrorMessage>, DeserializerRegistryInjector {
        private final ErrorMessageFactory others = new ErrorMessageFactory();
        private final OnfExperimenterErrorFactory onf = new OnfExperimenterErrorFactory();

        @Override
        public ErrorMessage deserialize(final ByteBuf message) {
            final int start = message.readerIndex();
            if (message.readableBytes() >= ERROR_EXPERIMENTER_OFFSET + Integer.BYTES
                    && message.getUnsignedShort(start + Integer.BYTES) == EXPERIMENTER_ERROR
                    && isOnf(message.getUnsignedInt(start + ERROR_EXPERIMENTER_OFFSET))) {
                return onf.deserialize(message);
            }
            return others.deserialize(message);
        }

        @Override
        public void injectDeserializerRegistry(final DeserializerRegistry registry) {
            others.injectDeserializerRegistry(registry);
        }
    }
}
