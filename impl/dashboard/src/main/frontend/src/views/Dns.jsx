import { useCallback } from 'preact/hooks';
import { withDefaults } from '../modelDefaults.js';
import { key } from '../restconf.js';
import * as v from '../validate.js';
import { Field, Input, Select, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';

export function Dns({ api, readOnly }) {
  const load = useCallback(async () => withDefaults('cnsmo-dns:dns',
    (await api.get('cnsmo-dns:dns'))?.['cnsmo-dns:dns'] ?? {}), [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();

  return (
    <section>
      <h2>DNS</h2>
      <ServerError message={error ?? remove.error} />
      {data && (
        <p class="muted">
          Domain <b>{data.domain}</b>, server {data.enabled ? 'enabled' : 'disabled'}
          {data.status?.state && `, ${data.status.state}`}{data.status?.reason && ` (${data.status.reason})`}.
          Every node with an overlay address also answers as &lt;node&gt;.{data.domain}.
        </p>
      )}
      <table data-testid="record-list">
        <thead><tr><th>Name</th><th>Type</th><th>Value</th><th /></tr></thead>
        <tbody>
          {list(data, 'record').map((record) => (
            <tr data-record={record.name}>
              <td>{record.name}</td><td>{record.type}</td><td>{record.value}</td>
              <td>
                {!readOnly && (
                  <button class="danger" disabled={remove.busy} onClick={() => remove.run(
                    () => api.remove(`cnsmo-dns:dns/record=${key(record.name)}`), reload)}>Delete</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && <RecordForm api={api} onAdded={reload} />}
    </section>
  );
}

const EMPTY = { name: '', type: 'A', value: '' };

function RecordForm({ api, onAdded }) {
  const { form, errors, error, busy, set, submit } = useAddForm(EMPTY, {
    validate: (f) => v.check({ name: v.recordName(f.name), value: v.recordValue(f.type, f.value) }),
    create: (f) => api.createEntry('cnsmo-dns:dns', 'cnsmo-dns:record',
      { name: f.name, type: f.type, value: f.value }, 'DNS record'),
    onAdded,
  });

  return (
    <form class="card inline" onSubmit={submit} data-testid="record-form" novalidate>
      <h3>Add a record</h3>
      <Field label="Name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} placeholder="db" /></Field>
      <Field label="Type" name="type"><Select name="type" value={form.type} onChange={set('type')} options={[['A'], ['AAAA'], ['CNAME']]} /></Field>
      <Field label="Value" name="value" error={errors.value}><Input name="value" value={form.value} onInput={set('value')} placeholder="10.8.0.5" /></Field>
      <ServerError message={error} />
      <button type="submit" disabled={busy}>Add record</button>
    </form>
  );
}
