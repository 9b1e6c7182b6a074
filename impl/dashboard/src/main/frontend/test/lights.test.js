import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterSeries, serviceLights } from '../src/lights.js';

const node = {
  name: 'n1',
  service: ['vpn', 'sdn', 'firewall', 'dns', 'qos'],
  status: { 'service-status': [
    { service: 'vpn', state: 'up' },
    { service: 'sdn', state: 'down', reason: 'switch not connected' },
  ] },
};

test('each service gets a light with the reason when not green', () => {
  const lights = Object.fromEntries(serviceLights(node, { state: 'up' }).map((l) => [l.service, l]));
  assert.equal(lights.vpn.colour, 'green');
  assert.equal(lights.vpn.reason, null);
  assert.equal(lights.sdn.colour, 'red');
  assert.equal(lights.sdn.reason, 'switch not connected');
  assert.equal(lights.firewall.colour, 'red');
  assert.equal(lights.firewall.reason, 'SDN: switch not connected');
  assert.equal(lights.dns.colour, 'green');
  assert.equal(lights.qos.colour, 'grey');
  assert.equal(lights.qos.reason, 'No status reported yet.');
  assert.equal(lights.lb.colour, 'grey');
  assert.equal(lights.lb.reason, 'Not used by this node.');
});

test('the QoS light is the qos service the switch enforces', () => {
  const failed = { ...node, status: { 'service-status': [
    { service: 'qos', state: 'down', reason: 'policy slow: the switch refused meter 2: METER_MOD_FAILED' }] } };
  const lights = Object.fromEntries(serviceLights(failed, { state: 'up' }).map((l) => [l.service, l]));
  assert.equal(lights.qos.colour, 'red');
  assert.match(lights.qos.reason, /refused meter 2/);
  const enforced = { ...node, status: { 'service-status': [{ service: 'qos', state: 'up' }] } };
  assert.equal(serviceLights(enforced, { state: 'up' }).find((l) => l.service === 'qos').colour, 'green');
});

test('filter samples are aligned on one time axis', () => {
  const filters = [
    { status: { statistics: { sample: [{ time: '2026-11-21T10:00:00Z', packets: '1' },
      { time: '2026-11-21T10:00:05Z', packets: '4' }] } } },
    { status: { statistics: { sample: [{ time: '2026-11-21T10:00:05Z', packets: '2' }] } } },
  ];
  const t0 = Date.parse('2026-11-21T10:00:00Z') / 1000;
  assert.deepEqual(filterSeries(filters), [[t0, t0 + 5], [1, 4], [null, 2]]);
});

test('an operation output is found under its module-qualified name', async () => {
  const { rpcOutput } = await import('../src/restconf.js');
  assert.deepEqual(rpcOutput({ 'cnsmo-vpn:output': { token: 't' } }), { token: 't' });
  assert.deepEqual(rpcOutput(null), {});
});

test('the load balancer light shows the health of the members on a node', () => {
  const member = { name: 'n2', service: ['vpn'], status: { 'service-status': [
    { service: 'vpn', state: 'up' },
    { service: 'lb', state: 'degraded', reason: 'unhealthy: web/m2 (L4CON: Connection refused)' },
  ] } };
  const lb = serviceLights(member).find((l) => l.service === 'lb');
  assert.equal(lb.colour, 'amber');
  assert.equal(lb.reason, 'unhealthy: web/m2 (L4CON: Connection refused)');
  const listed = serviceLights({ name: 'n3', service: ['lb'], status: {} }).find((l) => l.service === 'lb');
  assert.equal(listed.colour, 'grey');
  assert.equal(listed.reason, 'No load balancer has a member on this node.');
});
