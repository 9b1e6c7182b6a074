// The dashboard's traffic lights: the state of each CNSMO service on a node, from the node's observed status.
export const SERVICES = [
  ['vpn', 'VPN'], ['sdn', 'SDN'], ['firewall', 'Firewall'], ['dns', 'DNS'], ['qos', 'QoS'], ['lb', 'Load balancer'],
];

const COLOUR = { up: 'green', degraded: 'amber', down: 'red' };

/**
 * One light per service: green, amber, red, or grey when the node does not use the service or nothing
 * enforces it yet. The load balancer light is the health of the members on the node. The reason is given
 * whenever the light is not green.
 *
 * @param node a node with its configuration and observed status
 * @param dnsStatus the overlay DNS server's status (one server for every node)
 */
export function serviceLights(node, dnsStatus) {
  const used = new Set(node.service ?? []);
  const reported = new Map((node.status?.['service-status'] ?? []).map((s) => [s.service, s]));
  return SERVICES.map(([service, label]) => {
    // A node holding load balancer members uses the service whether or not it lists it.
    if (!used.has(service) && !(service === 'lb' && reported.has('lb'))) {
      return { service, label, colour: 'grey', reason: 'Not used by this node.' };
    }
    let status = reported.get(service);
    if (!status && service === 'firewall') {
      // Firewall rules are OpenFlow rules on the node's switch: they work when the SDN service does.
      const sdn = reported.get('sdn');
      status = sdn && { ...sdn, reason: sdn.reason && `SDN: ${sdn.reason}` };
    }
    if (!status && service === 'dns' && dnsStatus) {
      status = dnsStatus;
    }
    if (!status) {
      const reason = service === 'lb'
        ? 'No load balancer has a member on this node.' : 'No status reported yet.';
      return { service, label, colour: 'grey', reason };
    }
    const colour = COLOUR[status.state] ?? 'grey';
    return { service, label, colour, state: status.state,
      reason: colour === 'green' ? null : (status.reason || `State: ${status.state ?? 'unknown'}.`) };
  });
}

/** Time series for the chart: one [times, ...packets per filter] array, times in seconds, aligned. */
export function filterSeries(filters) {
  const times = [...new Set(filters.flatMap((f) => samples(f).map((s) => Date.parse(s.time) / 1000)))]
    .sort((a, b) => a - b);
  const series = filters.map((f) => {
    const byTime = new Map(samples(f).map((s) => [Date.parse(s.time) / 1000, Number(s.packets ?? 0)]));
    return times.map((t) => (byTime.has(t) ? byTime.get(t) : null));
  });
  return [times, ...series];
}

function samples(filter) {
  return filter.status?.statistics?.sample ?? [];
}
