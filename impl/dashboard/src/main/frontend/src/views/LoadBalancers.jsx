import { useCallback } from 'preact/hooks';
import { DEFAULT_PLACEHOLDER } from '../forms.js';
import { withDefaults } from '../modelDefaults.js';
import { key } from '../restconf.js';
import * as lbs from '../loadbalancers.js';
import { Field, Input, Light, Select, ServerError, list, useAction, useAddForm, usePoll } from '../ui.jsx';

const PATH = 'cnsmo-load-balancers:load-balancers';

/** Load balancers: each with its state, its members' health lights and sessions; add and delete. */
export function LoadBalancers({ api, readOnly }) {
  const load = useCallback(async () => withDefaults(`${PATH}/load-balancer`,
    list(await api.get(PATH), PATH, 'load-balancer')), [api]);
  const { data, error, reload } = usePoll(load, 2000);
  const remove = useAction();

  return (
    <section>
      <h2>Load balancers</h2>
      <p class="muted">
        Each VIP is served by HAProxy on the controller host and reached over the overlay; the state below is read
        from HAProxy every 2 s.
      </p>
      <ServerError message={error ?? remove.error} />
      {data && !data.length && <p class="muted" data-testid="lb-none">No load balancer yet.</p>}
      {data?.map((lb) => (
        <div class="card" data-lb={lb.name}>
          <h3>
            {lb.name}{' '}
            <Light {...lbs.balancerLight(lb)} />
          </h3>
          <dl class="facts">
            <dt>VIP</dt><dd>{lb.vip.address}:{lb.vip.port} ({lb.vip.protocol})</dd>
            <dt>Algorithm</dt><dd>{lb.algorithm}</dd>
            <dt>Health monitor</dt><dd>{lbs.monitorText(lb)}</dd>
          </dl>
          <table data-testid="member-list">
            <thead>
              <tr><th>Member</th><th>Address</th><th>Weight</th><th>Health</th><th>Sessions now</th>
                <th>Sessions total</th><th>Bytes in / out</th><th>Last check</th></tr>
            </thead>
            <tbody>
              {lbs.membersWithStatus(lb).map((m) => (
                <tr data-member={m.name}>
                  <td>{m.name}</td>
                  <td>{m.endpoint}</td>
                  <td>{m.weight}</td>
                  <td><Light colour={m.colour} label={m.healthy === null ? 'unknown' : m.healthy ? 'healthy' : 'unhealthy'} /></td>
                  <td data-field="current-sessions">{m.currentSessions}</td>
                  <td data-field="total-sessions">{m.totalSessions}</td>
                  <td>{m.bytesIn} / {m.bytesOut}</td>
                  <td>{m.lastCheck ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!readOnly && (
            <button class="danger" disabled={remove.busy} onClick={() => remove.run(
              () => api.remove(`${PATH}/load-balancer=${key(lb.name)}`), reload)}>Delete {lb.name}</button>
          )}
        </div>
      ))}
      {!readOnly && <LoadBalancerForm api={api} onAdded={reload} />}
    </section>
  );
}

function LoadBalancerForm({ api, onAdded }) {
  const { form, errors, error, busy, set, submit } = useAddForm(lbs.EMPTY_LB, {
    validate: lbs.validateLoadBalancer,
    create: (f) => api.createEntry(PATH, 'cnsmo-load-balancers:load-balancer', lbs.loadBalancerOf(f),
      'load balancer'),
    onAdded,
  });
  const setMember = (i, field) => (value) => set('members')(form.members.map((m, j) => (j === i
    ? { ...m, [field]: value } : m)));

  return (
    <form class="card grid" onSubmit={submit} data-testid="lb-form" novalidate>
      <h3>Add a load balancer</h3>
      <Field label="Name" name="name" error={errors.name}><Input name="name" value={form.name} onInput={set('name')} placeholder="web" /></Field>
      <Field label="VIP address (free address of the VPN subnet)" name="address" error={errors.address}>
        <Input name="address" value={form.address} onInput={set('address')} placeholder="10.8.0.100" />
      </Field>
      <Field label="VIP port" name="port" error={errors.port}><Input name="port" value={form.port} onInput={set('port')} placeholder="80" /></Field>
      <Field label="Protocol" name="protocol"><Select name="protocol" value={form.protocol} onChange={set('protocol')} options={lbs.PROTOCOLS} /></Field>
      <Field label="Algorithm" name="algorithm"><Select name="algorithm" value={form.algorithm} onChange={set('algorithm')} options={lbs.ALGORITHMS} /></Field>
      <Field label="Health check" name="monitor"><Select name="monitor" value={form.monitor} onChange={set('monitor')} options={lbs.MONITORS} /></Field>
      <Field label="Interval (s)" name="interval" error={errors.interval}><Input name="interval" value={form.interval} onInput={set('interval')} placeholder={DEFAULT_PLACEHOLDER} /></Field>
      <Field label="Timeout (s)" name="timeout" error={errors.timeout}><Input name="timeout" value={form.timeout} onInput={set('timeout')} placeholder={DEFAULT_PLACEHOLDER} /></Field>
      <Field label="Failures before down" name="retries" error={errors.retries}><Input name="retries" value={form.retries} onInput={set('retries')} placeholder={DEFAULT_PLACEHOLDER} /></Field>
      {form.monitor === 'http' && (
        <Field label="HTTP path" name="httpPath" error={errors.httpPath}><Input name="httpPath" value={form.httpPath} onInput={set('httpPath')} placeholder={DEFAULT_PLACEHOLDER} /></Field>
      )}
      <h3>Members</h3>
      {form.members.map((m, i) => (
        <fieldset class="member" data-member-row={i}>
          <Field label="Member name" name={`member.${i}.name`} error={errors[`member.${i}.name`]}>
            <Input name={`member.${i}.name`} value={m.name} onInput={setMember(i, 'name')} />
          </Field>
          <Field label="Address" name={`member.${i}.address`} error={errors[`member.${i}.address`]}>
            <Input name={`member.${i}.address`} value={m.address} onInput={setMember(i, 'address')} placeholder="10.8.0.11" />
          </Field>
          <Field label="Port" name={`member.${i}.port`} error={errors[`member.${i}.port`]}>
            <Input name={`member.${i}.port`} value={m.port} onInput={setMember(i, 'port')} placeholder="8080" />
          </Field>
          <Field label="Weight" name={`member.${i}.weight`} error={errors[`member.${i}.weight`]}>
            <Input name={`member.${i}.weight`} value={m.weight} onInput={setMember(i, 'weight')}
              placeholder={DEFAULT_PLACEHOLDER} />
          </Field>
          {form.members.length > 1 && (
            <button type="button" class="danger" onClick={() => set('members')(form.members.filter((_, j) => j !== i))}>
              Remove member
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" data-testid="add-member" onClick={() => set('members')([...form.members, lbs.EMPTY_MEMBER])}>
        Another member
      </button>
      <ServerError message={error} />
      <button type="submit" disabled={busy}>Add load balancer</button>
    </form>
  );
}
