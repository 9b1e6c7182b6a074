/*
 * Copyright (c) 2026 CNSMO project. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.cnsmo.verifier;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.cnsmo.dns.rev261121.Dns;
import org.opendaylight.yang.gen.v1.urn.cnsmo.firewall.rev261121.Firewall;
import org.opendaylight.yang.gen.v1.urn.cnsmo.load.balancers.rev261121.LoadBalancers;
import org.opendaylight.yang.gen.v1.urn.cnsmo.nodes.rev261121.Nodes;
import org.opendaylight.yang.gen.v1.urn.cnsmo.traffic.filters.rev261121.TrafficFilters;
import org.opendaylight.yang.gen.v1.urn.cnsmo.vpn.rev261121.Vpn;

/**
 * The whole configured intent the verifier looks at, as the configuration datastore holds it: each container
 * may be absent.
 *
 * @param nodes the nodes
 * @param vpn the VPN (subnet, clients and their overlay addresses)
 * @param dns the overlay DNS records
 * @param loadBalancers the load balancers
 * @param firewall the firewall rules
 * @param filters the traffic filters
 */
public record Intent(@Nullable Nodes nodes, @Nullable Vpn vpn, @Nullable Dns dns,
        @Nullable LoadBalancers loadBalancers, @Nullable Firewall firewall, @Nullable TrafficFilters filters) {
    public static final Intent EMPTY = new Intent(null, null, null, null, null, null);

    public Intent withNodes(final @Nullable Nodes newNodes) {
        return new Intent(newNodes, vpn, dns, loadBalancers, firewall, filters);
    }

    public Intent withVpn(final @Nullable Vpn newVpn) {
        return new Intent(nodes, newVpn, dns, loadBalancers, firewall, filters);
    }

    public Intent withDns(final @Nullable Dns newDns) {
        return new Intent(nodes, vpn, newDns, loadBalancers, firewall, filters);
    }

    public Intent withLoadBalancers(final @Nullable LoadBalancers newLoadBalancers) {
        return new Intent(nodes, vpn, dns, newLoadBalancers, firewall, filters);
    }

    public Intent withFirewall(final @Nullable Firewall newFirewall) {
        return new Intent(nodes, vpn, dns, loadBalancers, newFirewall, filters);
    }

    public Intent withFilters(final @Nullable TrafficFilters newFilters) {
        return new Intent(nodes, vpn, dns, loadBalancers, firewall, newFilters);
    }
}
