import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillDefaults } from '../src/defaults.js';
import * as lb from '../src/loadbalancers.js';
import { YANG_DIR, readDefaults } from '../yang-defaults.mjs';

// The load balancers as the dashboard reads them: with the defaults of the real model.
const model = await readDefaults(YANG_DIR);
const LB = 'cnsmo-load-balancers:load-balancers/load-balancer';

const valid = { ...lb.EMPTY_LB, name: 'web', address: '10.8.0.100', port: '80', protocol: 'http',
  algorithm: 'least-connections', monitor: 'http', httpPath: '/health', interval: '5', timeout: '2', retries: '3',
  members: [{ name: 'a', address: '10.8.0.11', port: '8080', weight: '1' },
    { name: 'b', address: '10.8.0.12', port: '8080', weight: '2' }] };

test('a complete form gives the entry with every field', () => {
  assert.deepEqual(lb.validateLoadBalancer(valid), {});
  assert.deepEqual(lb.loadBalancerOf(valid), {
    name: 'web',
    vip: { address: '10.8.0.100', port: 80, protocol: 'http' },
    algorithm: 'least-connections',
    member: [{ name: 'a', address: '10.8.0.11', port: 8080, weight: 1 },
      { name: 'b', address: '10.8.0.12', port: 8080, weight: 2 }],
    'health-monitor': { type: 'http', interval: 5, timeout: 2, 'max-retries': 3, 'http-path': '/health' },
  });
  const tcp = lb.loadBalancerOf({ ...valid, monitor: 'tcp' });
  assert.equal(tcp['health-monitor']['http-path'], undefined);
});

test('the model and the controller rules are checked before sending', () => {
  assert.deepEqual(Object.keys(lb.validateLoadBalancer(lb.EMPTY_LB)).sort(),
    ['address', 'member.0.address', 'member.0.name', 'member.0.port', 'name', 'port']);
  assert.match(lb.validateLoadBalancer({ ...valid, timeout: '5' }).timeout, /below the interval/);
  assert.match(lb.validateLoadBalancer({ ...valid, retries: '11' }).retries, /between 1 and 10/);
  assert.match(lb.validateLoadBalancer({ ...valid, httpPath: 'health' }).httpPath, /starts with '\/'/);
  assert.equal(lb.validateLoadBalancer({ ...valid, monitor: 'tcp', httpPath: 'health' }).httpPath, undefined);
  const twice = { ...valid, members: [valid.members[0], { ...valid.members[0], name: 'c' },
    { ...valid.members[1], name: 'a' }] };
  const errors = lb.validateLoadBalancer(twice);
  assert.match(errors['member.1.port'], /address and port/);
  assert.match(errors['member.2.name'], /Another member has this name/);
  assert.match(lb.validateLoadBalancer({ ...valid, members: [{ ...valid.members[0], weight: '0' }] })['member.0.weight'],
    /between 1 and 100/);
});

test('a leaf left to its default is left out, for the controller to apply the model\'s default', () => {
  const typed = { ...lb.EMPTY_LB, name: 'web', address: '10.8.0.100', port: '80',
    members: [{ ...lb.EMPTY_MEMBER, name: 'a', address: '10.8.0.11', port: '8080' }] };
  assert.deepEqual(lb.validateLoadBalancer(typed), {});
  assert.deepEqual(lb.loadBalancerOf(typed), { name: 'web', vip: { address: '10.8.0.100', port: 80 },
    member: [{ name: 'a', address: '10.8.0.11', port: 8080 }] });
  assert.deepEqual(lb.loadBalancerOf({ ...typed, monitor: 'http', timeout: '1' })['health-monitor'],
    { type: 'http', timeout: 1 });
  assert.deepEqual(lb.loadBalancerOf({ ...typed, interval: '10', httpPath: '/health' })['health-monitor'],
    { interval: 10 }, 'no HTTP path without an http monitor chosen');
});

test('the timeout is checked against the interval only when both are given', () => {
  assert.equal(lb.validateLoadBalancer({ ...valid, interval: '', timeout: '5' }).timeout, undefined);
  assert.equal(lb.validateLoadBalancer({ ...valid, interval: '1', timeout: '' }).timeout, undefined);
  assert.match(lb.validateLoadBalancer({ ...valid, interval: '3', timeout: '3' }).timeout, /below the interval/);
  assert.match(lb.validateLoadBalancer({ ...valid, interval: 'x', timeout: '' }).interval, /between 1 and 3600/);
  assert.equal(lb.validateLoadBalancer({ ...valid, httpPath: '' }).httpPath, undefined);
  assert.equal(lb.validateLoadBalancer({ ...valid, members: [{ ...valid.members[0], weight: '' }] })['member.0.weight'],
    undefined);
});

test('each select of a defaulted leaf starts at "default"', () => {
  for (const options of [lb.PROTOCOLS, lb.ALGORITHMS, lb.MONITORS]) {
    assert.deepEqual(options[0], ['', 'default']);
  }
  assert.deepEqual([lb.EMPTY_LB.protocol, lb.EMPTY_LB.algorithm, lb.EMPTY_LB.monitor], ['', '', '']);
});

test('members are shown, read withDefaults, with their observed health and sessions', () => {
  const entry = fillDefaults(model, LB, { name: 'web', member: [{ name: 'a', address: '10.8.0.11', port: 8080 },
    { name: 'b', address: '10.8.0.12', port: 8080, weight: 2 }, { name: 'c', address: '10.8.0.13', port: 80 }],
  status: { state: 'degraded', reason: 'unhealthy: b (L4CON: Connection refused)', 'member-status': [
    { name: 'a', healthy: true, 'current-sessions': '2', 'total-sessions': '12', 'last-check': 'L4OK' },
    { name: 'b', healthy: false, 'current-sessions': '0', 'total-sessions': '3',
      'last-check': 'L4CON: Connection refused' }] } });
  const members = lb.membersWithStatus(entry);
  assert.deepEqual(members.map((m) => [m.name, m.colour, m.currentSessions, m.totalSessions, m.weight]),
    [['a', 'green', 2, 12, 1], ['b', 'red', 0, 3, 2], ['c', 'grey', 0, 0, 1]]);
  assert.equal(members[1].lastCheck, 'L4CON: Connection refused');
  assert.deepEqual(lb.balancerLight(entry), { colour: 'amber', label: 'degraded',
    reason: 'unhealthy: b (L4CON: Connection refused)' });
  assert.equal(lb.balancerLight({ name: 'new' }).colour, 'grey');
  assert.equal(lb.monitorText(entry), 'tcp, every 5 s, timeout 2 s, down after 3 failures');
  assert.equal(lb.monitorText(fillDefaults(model, LB, { 'health-monitor': { type: 'http', interval: 4 } })),
    'http GET /, every 4 s, timeout 2 s, down after 3 failures');
});
