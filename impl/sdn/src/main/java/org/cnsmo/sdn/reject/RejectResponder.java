/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.reject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cnsmo.sdn.pipeline.Cookies;
import org.cnsmo.sdn.pipeline.Pipeline;
import org.cnsmo.sdn.switches.SwitchRpcs;
import org.opendaylight.mdsal.binding.api.NotificationService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.node.NodeConnector;
import org.opendaylight.yang.gen.v1.urn.opendaylight.packet.service.rev130709.PacketReceived;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the packets that firewall rules with action reject send to the controller: a TCP reset
 * or an ICMP port unreachable goes back out of the port the packet came in on, at most
 * {@link #BURST} at once and {@link #RATE_PER_SECOND} per second per switch.
 */
public final class RejectResponder implements NotificationService.Listener<PacketReceived> {
    private static final Logger LOG = LoggerFactory.getLogger(RejectResponder.class);
    static final int BURST = Pipeline.REJECT_BURST;
    static final int RATE_PER_SECOND = Pipeline.REJECT_PER_SECOND;

    private final SwitchRpcs switches;
    private final Map<String, TokenBucket> budgets = new ConcurrentHashMap<>();

    public RejectResponder(final SwitchRpcs switches) {
        this.switches = switches;
    }

    @Override
    public void onNotification(final PacketReceived packet) {
        final var cookie = packet.getFlowCookie();
        if (cookie == null || !Cookies.isKind(cookie.getValue().longValue(), Cookies.Kind.FIREWALL_RULE)
                || packet.getIngress() == null || packet.getPayload() == null) {
            return;
        }
        if (!(packet.getIngress().getValue() instanceof DataObjectIdentifier<?> ingressPath)) {
            return;
        }
        final var ingress = ingressPath.getFirstKeyOf(NodeConnector.class);
        if (ingress == null) {
            return;
        }
        final var port = ingress.getId();
        final var switchId = port.getValue().substring(0, port.getValue().lastIndexOf(':'));
        if (!budgets.computeIfAbsent(switchId, key -> new TokenBucket(BURST, RATE_PER_SECOND, System::nanoTime))
                .tryTake()) {
            LOG.debug("Reject budget of {} exhausted; dropping silently", switchId);
            return;
        }
        RejectReplies.reply(packet.getPayload()).ifPresent(reply -> switches.transmit(port, reply));
    }
}
