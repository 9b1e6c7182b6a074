import { useCallback, useState } from 'preact/hooks';
import { withDefaults } from '../modelDefaults.js';
import * as v from '../validate.js';
import { Field, Input, ServerError, list, useAction, usePoll } from '../ui.jsx';

const BUNDLE_FILES = [['ca-crt', 'ca.crt'], ['client-crt', 'client.crt'], ['client-key', 'client.key'],
  ['client-conf', 'client.conf']];

function download(fileName, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain HTTP on another host has no clipboard API.
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function CopyButton({ text, label = 'Copy' }) {
  const [done, setDone] = useState(false);
  return (
    <button type="button" onClick={async () => {
      await copy(text);
      setDone(true);
      setTimeout(() => setDone(false), 1500);
    }}>{done ? 'Copied' : label}</button>
  );
}

export function Vpn({ api, readOnly }) {
  const load = useCallback(async () => withDefaults('cnsmo-vpn:vpn',
    (await api.get('cnsmo-vpn:vpn'))?.['cnsmo-vpn:vpn'] ?? {}), [api]);
  const { data, error, reload } = usePoll(load, 5000);
  const revoke = useAction();
  const server = data?.server;

  return (
    <section>
      <h2>VPN</h2>
      <ServerError message={error ?? revoke.error} />
      {server && (
        <p class="muted">
          Server {server.enabled ? 'enabled' : 'disabled'} on {server['public-address'] ?? '(no public address)'}:
          {server.port}/{server.protocol}, subnet {server.subnet}
          {server.status?.state && `, ${server.status.state}`}{server.status?.reason && ` (${server.status.reason})`}.
        </p>
      )}
      <table data-testid="client-list">
        <thead><tr><th>Client</th><th>Overlay address</th><th>Connected</th><th>From</th><th>Certificate expires</th><th /></tr></thead>
        <tbody>
          {list(data, 'client').map((client) => (
            <tr data-client={client.name}>
              <td>{client.name}</td>
              <td>{client.status?.['overlay-address'] ?? client['static-address'] ?? '-'}</td>
              <td>{client.revoked ? 'revoked' : client.status?.connected ? 'yes' : 'no'}</td>
              <td>{client.status?.['real-address'] ?? '-'}</td>
              <td>{client.status?.['certificate-expires'] ?? '-'}</td>
              <td>
                {!readOnly && !client.revoked && (
                  <button class="danger" disabled={revoke.busy} onClick={() => revoke.run(
                    () => api.rpc('cnsmo-vpn:revoke-client', { name: client.name }), reload)}>Revoke</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && <BundleForm api={api} onIssued={reload} />}
      {!readOnly && <TokenForm api={api} />}
    </section>
  );
}

function BundleForm({ api, onIssued }) {
  const [form, setForm] = useState({ name: '', address: '' });
  const [errors, setErrors] = useState({});
  const [bundle, setBundle] = useState(null);
  const action = useAction();
  const set = (field) => (value) => setForm({ ...form, [field]: value });

  const submit = (event) => {
    event.preventDefault();
    const found = v.check({ name: v.nodeName(form.name), address: form.address ? v.ipv4Address(form.address) : null });
    setErrors(found);
    if (Object.keys(found).length) return;
    const input = { name: form.name, ...(form.address ? { 'static-address': form.address } : {}) };
    action.run(() => api.rpc('cnsmo-vpn:generate-client-bundle', input), async (output) => {
      setBundle({ name: form.name, ...output });
      setForm({ name: '', address: '' });
      await onIssued();
    });
  };

  return (
    <form class="card" onSubmit={submit} data-testid="bundle-form" novalidate>
      <h3>Configuration bundle for a new client</h3>
      <p class="muted">For any machine with OpenVPN: the four files, then <code>openvpn --config client.conf</code>.
        The private key is shown once and never stored by the controller.</p>
      <div class="inline">
        <Field label="Client name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} /></Field>
        <Field label="Static overlay address (optional)" name="address" error={errors.address}>
          <Input name="address" value={form.address} onInput={set('address')} />
        </Field>
        <button type="submit" disabled={action.busy}>Generate bundle</button>
      </div>
      <ServerError message={action.error} />
      {bundle && (
        <div class="bundle" data-testid="bundle">
          <p>Bundle for <b>{bundle.name}</b>, overlay address <b>{bundle['overlay-address']}</b>:</p>
          {BUNDLE_FILES.map(([field, fileName]) => (
            <details data-file={fileName}>
              <summary>
                {fileName}{' '}
                <button type="button" onClick={() => download(fileName, bundle[field])}>Download {fileName}</button>
                {' '}<CopyButton text={bundle[field]} />
              </summary>
              <pre>{bundle[field]}</pre>
            </details>
          ))}
        </div>
      )}
    </form>
  );
}

function TokenForm({ api }) {
  const [form, setForm] = useState({ node: '', address: '', validity: '3600' });
  const [errors, setErrors] = useState({});
  const [token, setToken] = useState(null);
  const action = useAction();
  const set = (field) => (value) => setForm({ ...form, [field]: value });

  const submit = (event) => {
    event.preventDefault();
    const found = v.check({ node: v.nodeName(form.node), address: form.address ? v.ipv4Address(form.address) : null,
      validity: v.tokenValidity(form.validity) });
    setErrors(found);
    if (Object.keys(found).length) return;
    const input = { node: form.node, validity: Number(form.validity),
      ...(form.address ? { 'static-address': form.address } : {}) };
    action.run(() => api.rpc('cnsmo-vpn:create-enrollment-token', input), (output) => setToken(output));
  };

  return (
    <form class="card" onSubmit={submit} data-testid="token-form" novalidate>
      <h3>Join a node</h3>
      <p class="muted">Creates a one-time token; run the command as root on the new VM.</p>
      <div class="inline">
        <Field label="Node name" name="node" error={errors.node}><Input name="node" value={form.node} onInput={set('node')} /></Field>
        <Field label="Static overlay address (optional)" name="address" error={errors.address}>
          <Input name="address" value={form.address} onInput={set('address')} />
        </Field>
        <Field label="Valid for (seconds)" name="validity" error={errors.validity}>
          <Input name="validity" value={form.validity} onInput={set('validity')} />
        </Field>
        <button type="submit" disabled={action.busy}>Create token</button>
      </div>
      <ServerError message={action.error} />
      {token && (
        <div class="token" data-testid="join-command">
          <p>Valid until {token.expires}:</p>
          <pre>{token['join-command']}</pre>
          <CopyButton text={token['join-command']} label="Copy command" />
        </div>
      )}
    </form>
  );
}
