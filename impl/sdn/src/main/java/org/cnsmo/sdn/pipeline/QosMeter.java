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
 * A bandwidth limit as an OpenFlow meter: rate in kbit/s with a burst, one drop band. Open vSwitch drops the
 * packets that find the bucket empty; the band's counters are the policy's dropped traffic.
 */
public final class QosMeter {
    private QosMeter() {
        // utility
    }

    /** The meter of a policy's limit, named after the policy for people reading {@code ovs-ofctl dump-meters}. */
    public static Meter of(final String policy, final QosIntent.Limit limit) {
        // Flags (alphabetical: burst, kbps, pktps, stats): rate in kbit/s, with a burst size and statistics.
        final var flags = new MeterFlags(true, true, false, true);
        final var drop = new MeterBandType(true, false, false);
        final var rate = Uint32.valueOf(limit.kbps());
        final var burst = Uint32.valueOf(limit.burstKbits());
        return new MeterBuilder()
            .setMeterId(new MeterId(Uint32.valueOf(limit.meterId())))
            .setMeterName("cnsmo-qos-" + policy)
            .setFlags(flags)
            .setMeterBandHeaders(new MeterBandHeadersBuilder().setMeterBandHeader(BindingMap.of(
                new MeterBandHeaderBuilder()
                    .setBandId(new BandId(Uint32.ZERO))
                    .setBandRate(rate)
                    .setBandBurstSize(burst)
                    .setMeterBandTypes(new MeterBandTypesBuilder().setFlags(drop).build())
                    .setBandType(new DropBuilder().setDropRate(rate).setDropBurstSize(burst).build())
                    .build())).build())
            .build();
    }
}
