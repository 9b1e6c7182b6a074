import { useCallback } from 'preact/hooks';
import { withDefaults } from '../modelDefaults.js';
import { key } from '../restconf.js';
import { serviceLights } from '../lights.js';
import * as v from '../validate.js';
import { Field, Input, Light, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';
import { FilterChart } from './FilterChart.jsx';
import { NodeQos } from './Qos.jsx';

const NODE = 'cnsmo-nodes:nodes/node';

export function NodeList({ api }) {
  const load = useCallback(async () => withDefaults(NODE,
    list(await api.get('cnsmo-nodes:nodes'), 'cnsmo-nodes:nodes', 'node')), [api]);
  const { data, error } = usePoll(load, 5000);
  return (
    <section>
      <h2>Nodes</h2>
      <ServerError message={error} />
      <table data-testid="node-list">
        <thead><tr><th>Name</th><th>Overlay address</th><th>Switch</th><th>Services</th><th>Connected</th></tr></thead>
        <tbody>
          {data?.map((node) => (
            <tr data-node={node.name}>
              <td><a href={`#/nodes/${encodeURIComponent(node.name)}`}>{node.name}</a></td>
              <td>{node.status?.['overlay-address'] ?? '-'}</td>
              <td>{node['datapath-id'] ? `${node['datapath-id']}${node.status?.['switch-connected'] ? ' (connected)' : ''}` : '-'}</td>
              <td>{(node.service ?? []).join(', ')}</td>
              <td>{node.status?.connected ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A node's details, its traffic filters with their live counters, and a form to add one. */
export function NodeDetail({ api, name, readOnly }) {
  const load = useCallback(async () => {
    const [node, filters, dns] = await Promise.all([
      api.get(`cnsmo-nodes:nodes/node=${key(name)}`),
      api.get('cnsmo-traffic-filters:traffic-filters'),
      api.get('cnsmo-dns:dns/status'),
    ]);
    return {
      node: withDefaults(NODE, list(node, 'cnsmo-nodes:node'))[0],
      filters: list(filters, 'cnsmo-traffic-filters:traffic-filters', 'filter').filter((f) => f.node === name),
      dns: dns?.['cnsmo-dns:status'],
    };
  }, [api, name]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();

  if (data && !data.node) {
    return <section><h2>{name}</h2><p>No such node.</p></section>;
  }
  const node = data?.node;
  return (
    <section>
      <h2>Node {name}</h2>
      <ServerError message={error ?? remove.error} />
      {node && (
        <>
          <dl class="facts">
            <dt>Overlay address</dt><dd>{node.status?.['overlay-address'] ?? '-'}</dd>
            <dt>Real address</dt><dd>{node.status?.['real-address'] ?? node['public-address'] ?? '-'}</dd>
            <dt>Switch</dt>
            <dd>{node['datapath-id'] ?? '-'} {node.status?.['switch-connected'] ? '(connected)' : '(not connected)'}</dd>
            <dt>Last seen</dt><dd>{node.status?.['last-seen'] ?? '-'}</dd>
          </dl>
          <div class="light-row">{serviceLights(node, data.dns).map((light) => <Light {...light} />)}</div>
          <NodeQos api={api} name={name} />
        </>
      )}
      <h3>Traffic filters</h3>
      <table data-testid="filter-list">
        <thead><tr><th>Name</th><th>Port</th><th>Destination</th><th>State</th><th>Packets</th><th>Bytes</th><th /></tr></thead>
        <tbody>
          {data?.filters.map((filter) => (
            <tr data-filter={filter.name}>
              <td>{filter.name}</td>
              <td>{filter['tcp-destination-port']}</td>
              <td>{filter['ipv4-destination']}</td>
              <td title={filter.status?.reason}>{filter.status?.installed ?? 'pending'}</td>
              <td data-counter="packets">{filter.status?.statistics?.packets ?? 0}</td>
              <td>{filter.status?.statistics?.bytes ?? 0}</td>
              <td>
                {!readOnly && (
                  <button class="danger" disabled={remove.busy} onClick={() => remove.run(
                    () => api.remove(`cnsmo-traffic-filters:traffic-filters/filter=${key(filter.name)}`), reload)}>
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.filters.length > 0 && <FilterChart filters={data.filters} />}
      {!readOnly && <FilterForm api={api} node={name} onAdded={reload} />}
    </section>
  );
}

const EMPTY_FILTER = { name: '', port: '', prefix: '' };

function FilterForm({ api, node, onAdded }) {
  const { form, errors, error, busy, set, submit } = useAddForm(EMPTY_FILTER, {
    validate: (f) => v.check({ name: v.objectName(f.name), port: v.port(f.port), prefix: v.ipv4Prefix(f.prefix) }),
    create: (f) => api.createEntry('cnsmo-traffic-filters:traffic-filters', 'cnsmo-traffic-filters:filter',
      { name: f.name, node, 'tcp-destination-port': Number(f.port), 'ipv4-destination': f.prefix }, 'filter'),
    onAdded,
  });

  return (
    <form class="card inline" onSubmit={submit} data-testid="filter-form" novalidate>
      <h3>Block TCP traffic to this node</h3>
      <Field label="Filter name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} /></Field>
      <Field label="TCP destination port" name="port" error={errors.port}>
        <Input name="port" value={form.port} onInput={set('port')} inputmode="numeric" />
      </Field>
      <Field label="IPv4 destination prefix" name="prefix" error={errors.prefix}>
        <Input name="prefix" value={form.prefix} onInput={set('prefix')} placeholder="10.8.0.6/32" />
      </Field>
      <ServerError message={error} />
      <button type="submit" disabled={busy}>Add filter</button>
    </form>
  );
}
