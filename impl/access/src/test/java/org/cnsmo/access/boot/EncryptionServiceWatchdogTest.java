/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.access.boot;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promises;

@ExtendWith(MockitoExtension.class)
class EncryptionServiceWatchdogTest {
    @Mock
    private ServiceComponentRuntime runtime;
    @Mock
    private BundleContext context;
    @Mock
    private ScheduledExecutorService executor;
    @Mock
    private ServiceReference<?> service;

    private final ComponentDescriptionDTO configurator = new ComponentDescriptionDTO();
    private final ComponentDescriptionDTO other = new ComponentDescriptionDTO();
    private final ComponentConfigurationDTO active = new ComponentConfigurationDTO();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private EncryptionServiceWatchdog watchdog;

    @BeforeEach
    void setUp() throws Exception {
        configurator.name = EncryptionServiceWatchdog.CONFIGURATOR;
        other.name = "org.example.Other";
        active.id = 42;
        active.state = ComponentConfigurationDTO.ACTIVE;
        lenient().doReturn(List.of(other, configurator)).when(runtime).getComponentDescriptionDTOs();
        doReturn(List.of(active)).when(runtime).getComponentConfigurationDTOs(configurator);
        lenient().doReturn(Promises.resolved(null)).when(runtime).disableComponent(configurator);
        lenient().doReturn(Promises.resolved(null)).when(runtime).enableComponent(configurator);
        final var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(final java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        watchdog = new EncryptionServiceWatchdog(runtime, context, clock, executor);
        verify(executor).scheduleWithFixedDelay(any(), anyLong(), anyLong(), any());
    }

    @Test
    void stalledConfiguratorIsDisabledThenEnabled() throws Exception {
        doReturn(null).when(context).getAllServiceReferences(EncryptionServiceWatchdog.SERVICE, null);
        watchdog.check();
        now = now.plus(EncryptionServiceWatchdog.GRACE).minusSeconds(1);
        watchdog.check();
        verify(runtime, never()).disableComponent(any());

        now = now.plus(Duration.ofSeconds(1));
        watchdog.check();
        final var order = inOrder(runtime);
        order.verify(runtime).disableComponent(configurator);
        order.verify(runtime).enableComponent(configurator);
    }

    @Test
    void configuratorWithItsServiceIsLeftAlone() throws Exception {
        doReturn(new ServiceReference<?>[] {service}).when(context)
            .getAllServiceReferences(EncryptionServiceWatchdog.SERVICE, null);
        watchdog.check();
        now = now.plusSeconds(600);
        watchdog.check();
        verify(runtime, never()).disableComponent(any());
    }

    @Test
    void failureToLookIsSurvived() throws Exception {
        doReturn(null).when(context).getAllServiceReferences(EncryptionServiceWatchdog.SERVICE, null);
        doReturn(null).when(runtime).getComponentDescriptionDTOs();
        watchdog.check();
        // The next look works again and times the stall from then.
        doReturn(List.of(configurator)).when(runtime).getComponentDescriptionDTOs();
        watchdog.check();
        now = now.plus(EncryptionServiceWatchdog.GRACE);
        watchdog.check();
        verify(runtime).disableComponent(configurator);
    }
}
