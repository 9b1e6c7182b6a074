import { useCallback, useState } from 'preact/hooks';
import { key } from '../restconf.js';
import * as v from '../validate.js';
import { Field, Input, Select, ServerError, list, useAction, usePoll } from '../ui.jsx';

export function Dns({ api, readOnly }) {
  const load = useCallback(async () => (await api.get('cnsmo-dns:dns'))?.['cnsmo-dns:dns'] ?? {}, [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const remove = useAction();

  return (
    <section>
      <h2>DNS</h2>
      <ServerError message={error ?? remove.error} />
      {data && (
        <p class="muted">
          Domain <b>{data.domain ?? 'overlay'}</b>, server {data.enabled ? 'enabled' : 'disabled'}
          {data.status?.state && `, ${data.status.state}`}{data.status?.reason && ` (${data.status.reason})`}.
          Every node with an overlay address also answers as &lt;node&gt;.{data.domain ?? 'overlay'}.
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

function RecordForm({ api, onAdded }) {
  const [form, setForm] = useState({ name: '', type: 'A', value: '' });
  const [errors, setErrors] = useState({});
  const action = useAction();
  const set = (field) => (value) => setForm({ ...form, [field]: value });

  const submit = (event) => {
    event.preventDefault();
    const found = v.check({ name: v.recordName(form.name), value: v.recordValue(form.type, form.value) });
    setErrors(found);
    if (Object.keys(found).length) return;
    action.run(() => api.put(`cnsmo-dns:dns/record=${key(form.name)}`,
      { 'cnsmo-dns:record': [{ name: form.name, type: form.type, value: form.value }] }), async () => {
      setForm({ name: '', type: 'A', value: '' });
      await onAdded();
    });
  };

  return (
    <form class="card inline" onSubmit={submit} data-testid="record-form" novalidate>
      <h3>Add a record</h3>
      <Field label="Name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} placeholder="db" /></Field>
      <Field label="Type" name="type"><Select name="type" value={form.type} onChange={set('type')} options={[['A'], ['AAAA'], ['CNAME']]} /></Field>
      <Field label="Value" name="value" error={errors.value}><Input name="value" value={form.value} onInput={set('value')} placeholder="10.8.0.5" /></Field>
      <ServerError message={action.error} />
      <button type="submit" disabled={action.busy}>Add record</button>
    </form>
  );
}
