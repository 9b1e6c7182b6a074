/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.common.util.concurrent.Futures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.Meter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.flow.inventory.rev130819.meters.MeterBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.AddMeterOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.RemoveMeter;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.service.rev130918.RemoveMeterOutput;
import org.opendaylight.yang.gen.v1.urn.opendaylight.meter.types.rev130918.MeterId;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;

class MeterRpcsTest {
    private static final Meter METER = new MeterBuilder().setMeterId(new MeterId(Uint32.valueOf(7))).build();

    /** What the fake switch was asked, in order. */
    private final List<String> asked = new ArrayList<>();
    /** The answers to the next adds: empty for accepted, else the plugin's error message; accepted when none. */
    private final ArrayDeque<Optional<String>> addAnswers = new ArrayDeque<>();
    private final MeterRpcs meters;

    MeterRpcsTest() {
        final var rpcs = mock(RpcService.class);
        when(rpcs.getRpc(AddMeter.class)).thenReturn(input -> {
            asked.add("add");
            final var error = addAnswers.isEmpty() ? Optional.<String>empty() : addAnswers.poll();
            return Futures.immediateFuture(error.isEmpty() ? RpcResultBuilder.<AddMeterOutput>success().build()
                : failed(error.orElseThrow()));
        });
        when(rpcs.getRpc(RemoveMeter.class)).thenReturn(input -> {
            asked.add("remove");
            return Futures.immediateFuture(RpcResultBuilder.<RemoveMeterOutput>success().build());
        });
        meters = new MeterRpcs(rpcs);
    }

    private static <T> RpcResult<T> failed(final String message) {
        return RpcResultBuilder.<T>failed().withError(ErrorType.APPLICATION, message).build();
    }

    private String install() throws InterruptedException, ExecutionException {
        return meters.install(Uint64.ONE, METER, false).get();
    }

    @Test
    void aMeterLeftFromAnEarlierConnectionIsReplaced() throws Exception {
        addAnswers.add(Optional.of("Device reported error type METERMODFAILED code METEREXISTS"));
        addAnswers.add(Optional.empty());
        assertNull(install());
        assertEquals(List.of("add", "remove", "add"), asked);
    }

    @Test
    void anyOtherRefusalStandsAndNoMeterIsDeleted() throws Exception {
        addAnswers.add(Optional.of("Device reported error type METERMODFAILED code INVALIDMETER"));
        final var refusal = install();
        assertTrue(refusal.contains("INVALIDMETER"), refusal);
        assertEquals(List.of("add"), asked, "a delete would take the switch's flows that use the meter with it");
    }

    @Test
    void anAcceptedAddIsAllItTakes() throws Exception {
        assertNull(install());
        assertEquals(List.of("add"), asked);
    }
}
