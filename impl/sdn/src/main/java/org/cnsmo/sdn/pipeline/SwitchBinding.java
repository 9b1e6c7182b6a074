/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.sdn.pipeline;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.nodes.Node;
import org.opendaylight.yang.gen.v1.urn.cnsmo.types.rev261121.Service;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeConnectorId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.inventory.rev130819.NodeId;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * A node bound to its Open vSwitch bridge: the bridge's datapath id and the OpenFlow port that
 * leads to the overlay.
 *
 * @param node the node name
 * @param datapathId the bridge's datapath id
 * @param uplinkPort the OpenFlow port number of the uplink
 * @param firewall whether the node lists the {@code firewall} service: only then do rules without a node
 *                 apply to it
 */
public record SwitchBinding(String node, Uint64 datapathId, long uplinkPort, boolean firewall) {
    private static final String OPENFLOW_PREFIX = "openflow:";
    private static final long DEFAULT_UPLINK_PORT = 1;
    private static final long MAX_ZONE = 0xFFFE;

    public SwitchBinding {
        requireNonNull(node);
        requireNonNull(datapathId);
    }

    /** A binding of a node that runs the firewall. */
    public SwitchBinding(final String node, final Uint64 datapathId, final long uplinkPort) {
        this(node, datapathId, uplinkPort, true);
    }

    /**
     * The binding a node's configuration describes, or null when it names no datapath id.
     */
    public static SwitchBinding of(final Node node) {
        final var dpid = node.getDatapathId();
        if (dpid == null) {
            return null;
        }
        final var uplink = node.getUplinkPort();
        final var services = node.getService();
        return new SwitchBinding(node.requireName().getValue(), dpid.getValue(),
            uplink == null ? DEFAULT_UPLINK_PORT : uplink.toJava(),
            services != null && services.contains(Service.Firewall));
    }

    /** The OpenFlow plugin's id of the switch, {@code openflow:<dpid>}. */
    public NodeId switchId() {
        return switchId(datapathId);
    }

    public static NodeId switchId(final Uint64 datapathId) {
        return new NodeId(OPENFLOW_PREFIX + datapathId);
    }

    /** The datapath id named by an OpenFlow plugin switch id, or null for another kind of id. */
    public static Uint64 datapathIdOf(final NodeId switchId) {
        final var value = switchId.getValue();
        if (!value.startsWith(OPENFLOW_PREFIX)) {
            return null;
        }
        try {
            return Uint64.valueOf(value.substring(OPENFLOW_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The connection tracking zone of the switch's firewall, 1..65534, from its datapath id: bridges that share
     * one datapath (and its connection tracker) on a machine keep their connections apart.
     */
    public int conntrackZone() {
        return 1 + (int) Long.remainderUnsigned(datapathId.longValue(), MAX_ZONE);
    }

    /** The OpenFlow plugin's id of one of the switch's ports. */
    public NodeConnectorId portId(final long port) {
        return new NodeConnectorId(OPENFLOW_PREFIX + datapathId + ":" + port);
    }
}
