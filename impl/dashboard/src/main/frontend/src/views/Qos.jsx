import { useCallback } from 'preact/hooks';
import { DEFAULT_OPTION } from '../forms.js';
import { withDefaults } from '../modelDefaults.js';
import { key } from '../restconf.js';
import * as v from '../validate.js';
import { Field, Input, Select, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';
import { FilterChart } from './FilterChart.jsx';
import { droppedSeries, nodeStates, policiesOfNode, policyOf } from './qosModel.js';

// The limit's direction has a model default: it starts at "default" and is then left to the controller.
const EMPTY = { name: '', description: '', nodes: [], limit: true, direction: '', maxKbps: '', maxBurstKbits: '',
  mark: false, dscp: '46' };
const DSCP = [0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 46, 48, 56];

/** The policies of a read of cnsmo-qos:qos, with the model's defaults. */
const policies = (qos) => withDefaults('cnsmo-qos:qos/policy', list(qos, 'cnsmo-qos:qos', 'policy'));

function limitText(policy) {
  const limit = policy['bandwidth-limit'];
  if (!limit) return 'none';
  const burst = limit['max-burst-kbits'] ? `, burst ${limit['max-burst-kbits']} kbit` : '';
  return `${limit['max-kbps']} kbit/s ${limit.direction}${burst}`;
}

export function Qos({ api, readOnly }) {
  const load = useCallback(async () => {
    // RESTCONF answers with configuration and observed state (status) together.
    const [qos, nodes] = await Promise.all([api.get('cnsmo-qos:qos'), api.get('cnsmo-nodes:nodes')]);
    return { policies: policies(qos),
      nodes: list(nodes, 'cnsmo-nodes:nodes', 'node').map((n) => n.name) };
  }, [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();
  const dropped = data ? droppedSeries(data.policies) : [];

  return (
    <section>
      <h2>QoS</h2>
      <ServerError message={error ?? remove.error} />
      <table data-testid="qos-list">
        <thead>
          <tr><th>Name</th><th>Nodes</th><th>Bandwidth limit</th><th>DSCP</th><th>State per node</th><th /></tr>
        </thead>
        <tbody>
          {data?.policies.map((policy) => (
            <tr data-policy={policy.name}>
              <td>{policy.name}</td>
              <td>{(policy.node ?? []).join(', ') || 'none'}</td>
              <td>{limitText(policy)}</td>
              <td>{policy['dscp-marking']?.['dscp-mark'] ?? 'none'}</td>
              <td>
                {nodeStates(policy).map((n) => (
                  <div data-node={n.node} title={n.reason ?? ''}>
                    {n.node}: {n.installed ?? 'pending'}{n.reason ? ` (${n.reason})` : ''}
                    {n.dropped ? `, ${n.dropped.packets} dropped` : ''}
                  </div>
                ))}
              </td>
              <td>
                {!readOnly && (
                  <button class="danger" disabled={remove.busy} onClick={() => remove.run(
                    () => api.remove(`cnsmo-qos:qos/policy=${key(policy.name)}`), reload)}>Delete</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dropped.length > 0 && <FilterChart filters={dropped} />}
      {!readOnly && data && <PolicyForm api={api} nodes={data.nodes} onAdded={reload} />}
    </section>
  );
}

function validatePolicy(form) {
  const kbps = Number(form.maxKbps);
  const burst = Number(form.maxBurstKbits);
  return v.check({
    name: v.objectName(form.name),
    what: !form.limit && !form.mark ? 'A policy needs a bandwidth limit or a DSCP marking.' : null,
    maxKbps: form.limit && !(Number.isInteger(kbps) && kbps >= 8 && kbps <= 100000000)
      ? 'Between 8 and 100000000 kbit/s.' : null,
    maxBurstKbits: form.limit && form.maxBurstKbits !== ''
      && !(Number.isInteger(burst) && burst >= 1 && burst <= 100000000) ? 'Between 1 and 100000000 kbit.' : null,
  });
}

function PolicyForm({ api, nodes, onAdded }) {
  const { form, errors, error, busy, set, submit } = useAddForm(EMPTY, {
    validate: validatePolicy,
    create: (f) => api.createEntry('cnsmo-qos:qos', 'cnsmo-qos:policy', policyOf(f), 'QoS policy'),
    onAdded,
  });
  const setChecked = (name) => (e) => set(name)(e.currentTarget.checked);
  const setNodes = (e) => set('nodes')([...e.currentTarget.selectedOptions].map((o) => o.value));

  return (
    <form class="card grid" onSubmit={submit} data-testid="qos-form" novalidate>
      <h3>Add a policy</h3>
      <Field label="Name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} /></Field>
      <Field label="Description" name="description">
        <Input name="description" value={form.description} onInput={set('description')} />
      </Field>
      <Field label="Nodes (one policy per direction and node)" name="nodes">
        <select name="nodes" multiple onChange={setNodes}>
          {nodes.map((n) => <option value={n} selected={form.nodes.includes(n)}>{n}</option>)}
        </select>
      </Field>
      <Field label="Limit bandwidth" name="limit" error={errors.what}>
        <input type="checkbox" name="limit" checked={form.limit} onChange={setChecked('limit')} />
      </Field>
      {form.limit && (
        <Field label="Direction" name="direction">
          <Select name="direction" value={form.direction} onChange={set('direction')}
            options={[DEFAULT_OPTION, ['egress', 'egress (what the node sends)'],
              ['ingress', 'ingress (what it receives)']]} />
        </Field>
      )}
      {form.limit && (
        <Field label="Max kbit/s" name="maxKbps" error={errors.maxKbps}>
          <Input name="maxKbps" value={form.maxKbps} onInput={set('maxKbps')} />
        </Field>
      )}
      {form.limit && (
        <Field label="Burst kbit (empty: a fifth of the rate)" name="maxBurstKbits" error={errors.maxBurstKbits}>
          <Input name="maxBurstKbits" value={form.maxBurstKbits} onInput={set('maxBurstKbits')} />
        </Field>
      )}
      <Field label="Mark DSCP (egress)" name="mark">
        <input type="checkbox" name="mark" checked={form.mark} onChange={setChecked('mark')} />
      </Field>
      {form.mark && (
        <Field label="DSCP" name="dscp">
          <Select name="dscp" value={form.dscp} onChange={set('dscp')}
            options={DSCP.map((d) => [String(d), d === 46 ? '46 (EF)' : String(d)])} />
        </Field>
      )}
      <ServerError message={error} />
      <button type="submit" disabled={busy}>Add policy</button>
    </form>
  );
}

/** The node page's QoS line: the policies naming the node and whether its switch enforces them. */
export function NodeQos({ api, name }) {
  const load = useCallback(async () => policies(await api.get('cnsmo-qos:qos')), [api]);
  const { data } = usePoll(load, 5000);
  const mine = data ? policiesOfNode(data, name) : [];
  return (
    <p data-testid="node-qos">
      QoS: {mine.length === 0 ? 'no policy' : mine.map(({ policy, state }) => (
        <span data-policy={policy.name} title={state?.reason ?? ''}>
          {policy.name} ({limitText(policy)}{policy['dscp-marking'] ? `, DSCP ${policy['dscp-marking']['dscp-mark']}` : ''}
          : {state?.installed ?? 'pending'}){' '}
        </span>
      ))}
    </p>
  );
}
