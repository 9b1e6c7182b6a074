// The load-balancer page's logic, apart from Preact so that Node's tests can run it: the add form's checks
// (the model's constraints and the controller's own rules, yang/src/main/yang/cnsmo-load-balancers), the entry
// it sends, and the members joined with their observed health.
import { DEFAULT_OPTION, given, givenLeaves, unlessEmpty } from './forms.js';
import * as v from './validate.js';

export const PROTOCOLS = [DEFAULT_OPTION, ['tcp', 'tcp (connections)'], ['http', 'http (requests, X-Forwarded-For)']];
export const ALGORITHMS = [DEFAULT_OPTION, ['round-robin', 'round robin'], ['least-connections', 'least connections'],
  ['source-ip', 'source IP (same client, same member)']];
export const MONITORS = [DEFAULT_OPTION, ['tcp', 'tcp (connect)'], ['http', 'http (GET of the path answers 2xx/3xx)']];

export const EMPTY_MEMBER = { name: '', address: '', port: '', weight: '' };

/**
 * The add form's initial state. A leaf with a model default (protocol, algorithm, weight, the health monitor)
 * starts empty and is left to the controller unless the user sets it.
 */
export const EMPTY_LB = { name: '', address: '', port: '', protocol: '', algorithm: '',
  members: [EMPTY_MEMBER], monitor: '', interval: '', timeout: '', retries: '', httpPath: '' };

const HTTP_PATH = /^\/\S*$/;

function between(value, low, high, message) {
  const number = Number(value);
  return `${value}`.trim() !== '' && Number.isInteger(number) && number >= low && number <= high ? null : message;
}

/** between, for a field that may be left empty (to the model's default). */
const optionalBetween = (value, low, high, message) => unlessEmpty(value, () => between(value, low, high, message));

/** The form's errors, {field: message}; a member's fields are 'member.<index>.<field>'. */
export function validateLoadBalancer(form) {
  const rules = {
    name: v.objectName(form.name),
    address: v.ipv4Address(form.address),
    port: v.port(form.port),
    interval: optionalBetween(form.interval, 1, 3600, 'The interval is between 1 and 3600 seconds.'),
    timeout: optionalBetween(form.timeout, 1, 3600, 'The timeout is between 1 and 3600 seconds.'),
    retries: optionalBetween(form.retries, 1, 10, 'max-retries is between 1 and 10.'),
    httpPath: form.monitor === 'http' && given(form.httpPath) && !HTTP_PATH.test(form.httpPath)
      ? "An HTTP path starts with '/' and has no spaces." : null,
  };
  // With either left to its default, the controller checks the pair on the normalised entry.
  if (given(form.interval) && given(form.timeout) && !rules.interval && !rules.timeout
      && Number(form.timeout) >= Number(form.interval)) {
    rules.timeout = 'The timeout must be below the interval: a check ends before the next starts.';
  }
  const names = new Set();
  const endpoints = new Set();
  form.members.forEach((member, i) => {
    let name = v.objectName(member.name);
    if (!name && names.has(member.name)) name = 'Another member has this name.';
    names.add(member.name);
    rules[`member.${i}.name`] = name;
    rules[`member.${i}.address`] = v.ipv4Address(member.address);
    let port = v.port(member.port);
    const endpoint = `${member.address}:${member.port}`;
    if (!port && !rules[`member.${i}.address`] && endpoints.has(endpoint)) {
      port = 'Another member has this address and port.';
    }
    endpoints.add(endpoint);
    rules[`member.${i}.port`] = port;
    rules[`member.${i}.weight`] = optionalBetween(member.weight, 1, 100, 'A weight is between 1 and 100.');
  });
  return v.check(rules);
}

/**
 * The load-balancer entry a valid form describes, as RESTCONF takes it: only the leaves the user set, the
 * controller applying the model's defaults to the rest (an HTTP path only with an http monitor chosen).
 */
export function loadBalancerOf(form) {
  const monitor = givenLeaves([['type', form.monitor], ['interval', form.interval, Number],
    ['timeout', form.timeout, Number], ['max-retries', form.retries, Number],
    ['http-path', form.monitor === 'http' ? form.httpPath : '']]);
  const entry = {
    name: form.name,
    vip: { address: form.address, port: Number(form.port), ...givenLeaves([['protocol', form.protocol]]) },
    ...givenLeaves([['algorithm', form.algorithm]]),
    member: form.members.map((m) => ({ name: m.name, address: m.address, port: Number(m.port),
      ...givenLeaves([['weight', m.weight, Number]]) })),
  };
  if (Object.keys(monitor).length) entry['health-monitor'] = monitor;
  return entry;
}

const COLOUR = { up: 'green', degraded: 'amber', down: 'red' };

/** A load balancer's light: its observed state, grey until one is observed. */
export function balancerLight(lb) {
  const state = lb.status?.state;
  const colour = COLOUR[state] ?? 'grey';
  return { colour, label: state ?? 'not observed yet',
    reason: colour === 'green' ? null : (lb.status?.reason ?? (state ? null : 'No state observed yet.')) };
}

/**
 * Each configured member of a load balancer read withDefaults, with its observed health and sessions: healthy
 * is true, false, or null when nothing is observed of it yet.
 */
export function membersWithStatus(lb) {
  const observed = new Map((lb.status?.['member-status'] ?? []).map((s) => [s.name, s]));
  return (lb.member ?? []).map((member) => {
    const status = observed.get(member.name);
    return {
      name: member.name,
      endpoint: `${member.address}:${member.port}`,
      weight: member.weight,
      healthy: status?.healthy ?? null,
      colour: status?.healthy === true ? 'green' : status?.healthy === false ? 'red' : 'grey',
      currentSessions: Number(status?.['current-sessions'] ?? 0),
      totalSessions: Number(status?.['total-sessions'] ?? 0),
      bytesIn: Number(status?.['bytes-in'] ?? 0),
      bytesOut: Number(status?.['bytes-out'] ?? 0),
      lastCheck: status?.['last-check'] ?? null,
    };
  });
}

/** A load balancer's health monitor as one line, for an entry read withDefaults (every leaf there). */
export function monitorText(lb) {
  const m = lb['health-monitor'];
  return `${m.type}${m.type === 'http' ? ` GET ${m['http-path']}` : ''}, every ${m.interval} s, `
    + `timeout ${m.timeout} s, down after ${m['max-retries']} failures`;
}
