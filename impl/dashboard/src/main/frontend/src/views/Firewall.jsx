import { useCallback, useState } from 'preact/hooks';
import { ADDRESS_MATCHES, EMPTY_RULE, ruleOf, validateRule, withPorts } from '../firewall.js';
import { DEFAULT_PLACEHOLDER } from '../forms.js';
import { withDefaults } from '../modelDefaults.js';
import { key } from '../restconf.js';
import { deleteRuleInput, findingOf, previewOf, putRuleInput, reachabilityAnswer, reachabilityInput }
  from '../verification.js';
import { Field, Input, Select, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';

const WHAT_IF = 'cnsmo-verification:what-if';

function ports(rule) {
  if (rule['destination-port'] !== undefined) return `${rule['destination-port']}`;
  const range = rule['destination-port-range'];
  return range ? `${range.lower}-${range.upper}` : 'any';
}

export function Firewall({ api, readOnly }) {
  const load = useCallback(async () => {
    const [rules, nodes] = await Promise.all([api.get('cnsmo-firewall:firewall'), api.get('cnsmo-nodes:nodes')]);
    return { rules: withDefaults('cnsmo-firewall:firewall/rule', list(rules, 'cnsmo-firewall:firewall', 'rule')),
      nodes: list(nodes, 'cnsmo-nodes:nodes', 'node').map((n) => n.name) };
  }, [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();
  const [deciding, setDeciding] = useState(new Set());
  // The rule whose deletion waits for the user's confirmation, with the preview of what it would change.
  const [deletion, setDeletion] = useState(null);
  const askDelete = (name) => remove.run(async () => {
    setDeletion({ name, preview: previewOf(await api.rpc(WHAT_IF, deleteRuleInput(name))) });
  });
  const confirmDelete = () => remove.run(
    () => api.remove(`cnsmo-firewall:firewall/rule=${key(deletion.name)}`), async () => {
      setDeletion(null);
      await reload();
    });

  return (
    <section>
      <h2>Firewall</h2>
      <ServerError message={error ?? remove.error} />
      {data && <ReachabilityCheck api={api} nodes={data.nodes} onAnswer={setDeciding} />}
      {deletion && (
        <Preview title={`Delete rule ${deletion.name}?`} preview={deletion.preview} busy={remove.busy}
          confirm="Delete rule" onConfirm={confirmDelete} onCancel={() => setDeletion(null)} />
      )}
      <table data-testid="rule-list">
        <thead>
          <tr><th>Name</th><th>Node</th><th>Direction</th><th>Protocol</th><th>Ports</th><th>Address</th>
            <th>Action</th><th>Priority</th><th>Packets</th><th>Finding</th><th /></tr>
        </thead>
        <tbody>
          {data?.rules.map((rule) => (
            <tr data-rule={rule.name} data-finding={findingOf(rule)?.kind}
              class={deciding.has(rule.name) ? 'deciding' : undefined}>
              <td>{rule.name}</td>
              <td>{rule.node ?? 'every node'}</td>
              <td>{rule.direction}</td>
              <td>{rule.protocol}</td>
              <td>{ports(rule)}</td>
              <td>{rule['address-match']} {rule['address-range']}</td>
              <td>{rule.action}</td>
              <td>{rule.priority}</td>
              <td>{rule.statistics?.packets ?? 0}</td>
              <td class="finding">{findingOf(rule)?.text}</td>
              <td>
                {!readOnly && (
                  <button class="danger" disabled={remove.busy} onClick={() => askDelete(rule.name)}>Delete</button>
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

/** What a change would newly block and allow, and the user's choice to make it or not. */
function Preview({ title, preview, busy, confirm, onConfirm, onCancel }) {
  const section = (label, lines, testid) => lines.length > 0 && (
    <div data-testid={testid}><strong>{label}</strong><ul>{lines.map((l) => <li>{l}</li>)}</ul></div>
  );
  return (
    <div class="card preview" data-testid="change-preview" role="dialog">
      <h3>{title}</h3>
      {preview.unavailable && <p>No preview: {preview.unavailable}</p>}
      {section('Refused:', preview.errors, 'preview-errors')}
      {section('Newly blocked:', preview.blocked, 'preview-blocked')}
      {section('Newly allowed:', preview.allowed, 'preview-allowed')}
      {section('Refused differently:', preview.refusals, 'preview-refusals')}
      {!preview.unavailable && preview.confirmable && !preview.blocked.length && !preview.allowed.length
        && !preview.refusals.length && <p data-testid="preview-nothing">No connection between nodes changes.</p>}
      <button type="button" disabled={busy || !preview.confirmable} onClick={onConfirm}>{confirm}</button>
      <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
    </div>
  );
}

/** "Can ... reach ... on ...?", answered by the verifier; the rules that decided are highlighted in the list. */
function ReachabilityCheck({ api, nodes, onAnswer }) {
  const [form, setForm] = useState({ source: '', destination: '', protocol: 'tcp', ports: '' });
  const [answer, setAnswer] = useState(null);
  const ask = useAction();
  const set = (field) => (value) => setForm((f) => ({ ...f, [field]: value }));
  const submit = (event) => {
    event.preventDefault();
    ask.run(async () => {
      const result = reachabilityAnswer(await api.rpc('cnsmo-verification:check-reachability',
        reachabilityInput(form)));
      setAnswer(result);
      onAnswer(result.deciding);
    });
  };
  return (
    <form class="card grid" onSubmit={submit} data-testid="reachability-form" novalidate>
      <h3>Can ... reach ... on ...?</h3>
      <datalist id="reachability-nodes">{nodes.map((n) => <option value={n} />)}</datalist>
      <Field label="Source (node, address or prefix)" name="source">
        <Input name="source" list="reachability-nodes" value={form.source} onInput={set('source')} />
      </Field>
      <Field label="Destination (node, address, DNS name or load balancer)" name="destination">
        <Input name="destination" list="reachability-nodes" value={form.destination} onInput={set('destination')} />
      </Field>
      <Field label="Protocol" name="protocol">
        <Select name="protocol" value={form.protocol} onChange={set('protocol')}
          options={[['tcp'], ['udp'], ['icmp', 'icmp echo']]} />
      </Field>
      {form.protocol !== 'icmp' && (
        <Field label="Port or range (empty: every port)" name="ports">
          <Input name="ports" value={form.ports} onInput={set('ports')} />
        </Field>
      )}
      <ServerError message={ask.error} />
      <button type="submit" disabled={ask.busy}>Check</button>
      {answer && (
        <div data-testid="reachability-answer" data-reachability={answer.reachability}>
          <p><strong>{answer.reachability}</strong> via {answer.path.join(' -> ')}</p>
          <table>
            <thead><tr><th>Ports</th><th>From</th><th>To</th><th>Outcome</th><th>Decided by</th></tr></thead>
            <tbody>
              {answer.lines.map((l) => (
                <tr data-outcome={l.outcome}><td>{l.ports}</td><td>{l.source}</td><td>{l.destination}</td>
                  <td>{l.outcome}</td><td>{l.decidedBy}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}

function RuleForm({ api, nodes, onAdded }) {
  // The preview of the typed rule; typing again withdraws it, so what is confirmed is what was previewed.
  const [preview, setPreview] = useState(null);
  const previewing = useAction();
  const { form, errors, error, busy, set: setField, submit } = useAddForm(EMPTY_RULE, {
    validate: validateRule,
    create: (f) => api.createEntry('cnsmo-firewall:firewall', 'cnsmo-firewall:rule', ruleOf(f), 'firewall rule'),
    onAdded: async () => {
      setPreview(null);
      await onAdded();
    },
  });
  const set = (field) => (value) => {
    setPreview(null);
    setField(field)(value);
  };
  const showPreview = (event) => {
    event.preventDefault();
    if (Object.keys(validateRule(form)).length) {
      submit(event);
      return;
    }
    previewing.run(async () => {
      try {
        setPreview(previewOf(await api.rpc(WHAT_IF, putRuleInput(ruleOf(form)))));
      } catch (failure) {
        setPreview({ ...previewOf({}), unavailable: failure.message });
      }
    });
  };
  const portFields = withPorts(form);

  return (
    <form class="card grid" onSubmit={showPreview} data-testid="rule-form" novalidate>
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
          options={ADDRESS_MATCHES} />
      </Field>
      <Field label="Address range" name="addressRange" error={errors.addressRange}>
        <Input name="addressRange" value={form.addressRange} onInput={set('addressRange')}
          placeholder={DEFAULT_PLACEHOLDER} />
      </Field>
      <Field label="Action" name="action">
        <Select name="action" value={form.action} onChange={set('action')}
          options={[['accept'], ['drop'], ['reject', 'reject (refuse actively)']]} />
      </Field>
      <Field label="Priority (1-1000, higher wins)" name="priority" error={errors.priority}>
        <Input name="priority" value={form.priority} onInput={set('priority')} placeholder={DEFAULT_PLACEHOLDER} />
      </Field>
      <ServerError message={error} />
      <button type="submit" disabled={busy || previewing.busy}>Preview rule</button>
      {preview && (
        <Preview title={`Add rule ${form.name}?`} preview={preview} busy={busy} confirm="Add rule"
          onConfirm={submit} onCancel={() => setPreview(null)} />
      )}
    </form>
  );
}
