import { useCallback } from 'preact/hooks';
import { serviceLights } from '../lights.js';
import { Light, ServerError, list, usePoll } from '../ui.jsx';

/** Every node with a traffic light per service, refreshed every 5 s. */
export function Overview({ api }) {
  const load = useCallback(async () => {
    const [nodes, dns, vpn] = await Promise.all([
      api.get('cnsmo-nodes:nodes'), api.get('cnsmo-dns:dns/status'), api.get('cnsmo-vpn:vpn/server/status'),
    ]);
    return { nodes: list(nodes, 'cnsmo-nodes:nodes', 'node'), dns: dns?.['cnsmo-dns:status'],
      vpn: vpn?.['cnsmo-vpn:status'] };
  }, [api]);
  const { data, error } = usePoll(load, 5000);

  return (
    <section>
      <h2>Dashboard</h2>
      <ServerError message={error} />
      {data && (
        <p class="muted">
          VPN server: <b>{data.vpn?.state ?? 'not running'}</b>
          {data.vpn?.['connected-clients'] !== undefined && `, ${data.vpn['connected-clients']} connected`}
          {data.vpn?.reason && ` (${data.vpn.reason})`}
          {' · '}DNS: <b>{data.dns?.state ?? 'off'}</b>
          {data.dns?.reason && ` (${data.dns.reason})`}
        </p>
      )}
      {data && data.nodes.length === 0 && <p>No nodes yet. Join one (see the VPN page) or add it over RESTCONF.</p>}
      <table class="lights" data-testid="overview">
        <tbody>
          {data?.nodes.map((node) => (
            <tr data-node={node.name}>
              <th><a href={`#/nodes/${encodeURIComponent(node.name)}`}>{node.name}</a></th>
              {serviceLights(node, data.dns).map((light) => <td><Light {...light} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
