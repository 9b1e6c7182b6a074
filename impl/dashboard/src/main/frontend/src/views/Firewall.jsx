import { useCallback } from 'preact/hooks';
import { key } from '../restconf.js';
import * as v from '../validate.js';
import { Field, Input, Select, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';

const EMPTY = { name: '', node: '', direction: 'in', protocol: 'tcp', portKind: 'single', port: '', lower: '',
  upper: '', addressMatch: 'destination', addressRange: '0.0.0.0/0', action: 'drop', priority: '100' };

function ports(rule) {
  if (rule['destination-port'] !== undefined) return `${rule['destination-port']}`;
  const range = rule['destination-port-range'];
  return range ? `${range.lower}-${range.upper}` : 'any';
}

export function Firewall({ api, readOnly }) {
  const load = useCallback(async () => {
    const [rules, nodes] = await Promise.all([api.get('cnsmo-firewall:firewall'), api.get('cnsmo-nodes:nodes')]);
    return { rules: list(rules, 'cnsmo-firewall:firewall', 'rule'),
      nodes: list(nodes, 'cnsmo-nodes:nodes', 'node').map((n) => n.name) };
  }, [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();

  return (
    <section>
      <h2>Firewall</h2>
      <ServerError message={error ?? remove.error} />
      <table data-testid="rule-list">
        <thead>
          <tr><th>Name</th><th>Node</th><th>Direction</th><th>Protocol</th><th>Ports</th><th>Address</th>
            <th>Action</th><th>Priority</th><th>Packets</th><th /></tr>
        </thead>
        <tbody>
          {data?.rules.map((rule) => (
            <tr data-rule={rule.name}>
              <td>{rule.name}</td>
              <td>{rule.node ?? 'every node'}</td>
              <td>{rule.direction}</td>
              <td>{rule.protocol ?? 'any'}</td>
              <td>{ports(rule)}</td>
              <td>{rule['address-match'] ?? 'destination'} {rule['address-range'] ?? '0.0.0.0/0'}</td>
              <td>{rule.action}</td>
              <td>{rule.priority ?? 100}</td>
              <td>{rule.statistics?.packets ?? 0}</td>
              <td>
                {!readOnly && (
                  <button class="danger" disabled={remove.busy} onClick={() => remove.run(
                    () => api.remove(`cnsmo-firewall:firewall/rule=${key(rule.name)}`), reload)}>Delete</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && data && <RuleForm api={api} nodes={data.nodes} onAdded={reload} />}
    </section>
  );
}

const withPorts = (form) => form.protocol === 'tcp' || form.protocol === 'udp';

function validateRule(form) {
  return v.check({
    name: v.objectName(form.name),
    port: withPorts(form) && form.portKind === 'single' ? v.port(form.port) : null,
    range: withPorts(form) && form.portKind === 'range' ? v.portRange(form.lower, form.upper) : null,
    addressRange: v.ipv4Prefix(form.addressRange),
    priority: v.priority(form.priority),
  });
}

function ruleOf(form) {
  const rule = { name: form.name, direction: form.direction, protocol: form.protocol,
    'address-match': form.addressMatch, 'address-range': form.addressRange, action: form.action,
    priority: Number(form.priority) };
  if (form.node) rule.node = form.node;
  if (withPorts(form) && form.portKind === 'single') rule['destination-port'] = Number(form.port);
  if (withPorts(form) && form.portKind === 'range') {
    rule['destination-port-range'] = { lower: Number(form.lower), upper: Number(form.upper) };
  }
  return rule;
}

function RuleForm({ api, nodes, onAdded }) {
  const { form, errors, error, busy, set, submit } = useAddForm(EMPTY, {
    validate: validateRule,
    create: (f) => api.createEntry('cnsmo-firewall:firewall', 'cnsmo-firewall:rule', ruleOf(f), 'firewall rule'),
    onAdded,
  });
  const portFields = withPorts(form);

  return (
    <form class="card grid" onSubmit={submit} data-testid="rule-form" novalidate>
      <h3>Add a rule</h3>
      <Field label="Name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} /></Field>
      <Field label="Node" name="node">
        <Select name="node" value={form.node} onChange={set('node')} options={[['', 'every node'], ...nodes.map((n) => [n])]} />
      </Field>
      <Field label="Direction" name="direction">
        <Select name="direction" value={form.direction} onChange={set('direction')}
          options={[['in', 'in (entering the node)'], ['out', 'out (leaving the node)']]} />
      </Field>
      <Field label="Protocol" name="protocol">
        <Select name="protocol" value={form.protocol} onChange={set('protocol')} options={[['tcp'], ['udp'], ['icmp'], ['any']]} />
      </Field>
      {portFields && (
        <Field label="Destination ports" name="portKind">
          <Select name="portKind" value={form.portKind} onChange={set('portKind')}
            options={[['single', 'one port'], ['range', 'a range'], ['any', 'every port']]} />
        </Field>
      )}
      {portFields && form.portKind === 'single' && (
        <Field label="Port" name="port" error={errors.port}><Input name="port" value={form.port} onInput={set('port')} /></Field>
      )}
      {portFields && form.portKind === 'range' && (
        <Field label="From - to" name="range" error={errors.range}>
          <span class="pair">
            <Input name="lower" value={form.lower} onInput={set('lower')} />
            <Input name="upper" value={form.upper} onInput={set('upper')} />
          </span>
        </Field>
      )}
      <Field label="Address matches" name="addressMatch">
        <Select name="addressMatch" value={form.addressMatch} onChange={set('addressMatch')}
          options={[['destination'], ['source']]} />
      </Field>
      <Field label="Address range" name="addressRange" error={errors.addressRange}>
        <Input name="addressRange" value={form.addressRange} onInput={set('addressRange')} />
      </Field>
      <Field label="Action" name="action">
        <Select name="action" value={form.action} onChange={set('action')}
          options={[['accept'], ['drop'], ['reject', 'reject (refuse actively)']]} />
      </Field>
      <Field label="Priority (1-1000, higher wins)" name="priority" error={errors.priority}>
        <Input name="priority" value={form.priority} onInput={set('priority')} />
      </Field>
      <ServerError message={error} />
      <button type="submit" disabled={busy}>Add rule</button>
    </form>
  );
}
