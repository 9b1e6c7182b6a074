/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.Meter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.MeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.BandId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterBandType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterFlags;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.band.type.band.type.DropBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.meter.MeterBandHeadersBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.meter.meter.band.headers.MeterBandHeaderBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.meter.meter.band.headers.meter.band.header.MeterBandTypesBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The reject budget as an OpenFlow meter: {@link Pipeline#REJECT_PER_SECOND} packets per second with bursts of
 * {@link Pipeline#REJECT_BURST}, dropping the rest on the switch. Every reject flow sends its packet-in through
 * it, so a flood at a reject rule costs the controller a bounded rate per switch instead of the line rate.
 */
public final class RejectMeter {
    /** The meter's name on the switch, for people reading {@code ovs-ofctl dump-meters}. */
    public static final String NAME = "cnsmo-reject-budget";

    private RejectMeter() {
        // utility
    }

    /**
     * The meter CNSMO installs on every node's switch before any flow.
     *
     * @return the meter
     */
    public static Meter meter() {
        // Flags: rate in packets per second, with a burst size.
        final var flags = new MeterFlags(true, false, true, false);
        // Band type: drop.
        final var drop = new MeterBandType(true, false, false);
        return new MeterBuilder()
            .setMeterId(new MeterId(Uint32.valueOf(Pipeline.REJECT_METER_ID)))
            .setMeterName(NAME)
            .setFlags(flags)
            .setMeterBandHeaders(new MeterBandHeadersBuilder().setMeterBandHeader(BindingMap.of(
                new MeterBandHeaderBuilder()
                    .setBandId(new BandId(Uint32.ZERO))
                    .setBandRate(Uint32.valueOf(Pipeline.REJECT_PER_SECOND))
                    .setBandBurstSize(Uint32.valueOf(Pipeline.REJECT_BURST))
                    .setMeterBandTypes(new MeterBandTypesBuilder().setFlags(drop).build())
                    .setBandType(new DropBuilder()
                        .setDropRate(Uint32.valueOf(Pipeline.REJECT_PER_SECOND))
                        .setDropBurstSize(Uint32.valueOf(Pipeline.REJECT_BURST))
                        .build())
                    .build())).build())
            .build();
    }
}
