import { test } from 'node:test';
import assert from 'node:assert/strict';
import { droppedSeries, policyOf } from '../src/views/qosModel.js';

test('every field of the form goes into the policy', () => {
  assert.deepEqual(policyOf({ name: 'slow', description: 'uploads', nodes: ['n1'], limit: true, direction: 'ingress',
    maxKbps: '10000', maxBurstKbits: '3000', mark: true, dscp: '46' }), { name: 'slow', node: ['n1'],
    description: 'uploads', 'bandwidth-limit': { direction: 'ingress', 'max-kbps': 10000, 'max-burst-kbits': 3000 },
    'dscp-marking': { 'dscp-mark': 46 } });
  assert.deepEqual(policyOf({ name: 'ef', description: '', nodes: [], limit: false, direction: 'egress', maxKbps: '',
    maxBurstKbits: '', mark: true, dscp: '10' }), { name: 'ef', 'dscp-marking': { 'dscp-mark': 10 } });
});

test('a direction left at "default" is left out, for the controller to apply the model\'s default', () => {
  assert.deepEqual(policyOf({ name: 'slow', description: '', nodes: [], limit: true, direction: '', maxKbps: '800',
    maxBurstKbits: '', mark: false, dscp: '46' }), { name: 'slow', 'bandwidth-limit': { 'max-kbps': 800 } });
});

test('the dropped packets of each policy on each node are one series', () => {
  const dropped = { packets: '5', sample: [{ time: '2026-12-03T06:00:00Z', packets: '5' }] };
  assert.deepEqual(droppedSeries([{ name: 'slow', status: { 'node-status': [{ node: 'n1', dropped },
    { node: 'n2' }] } }]), [{ name: 'slow on n1', status: { statistics: dropped } }]);
});

test('a node page finds the policies naming the node', async () => {
  const { policiesOfNode } = await import('../src/views/qosModel.js');
  const state = { node: 'n1', installed: 'failed', reason: 'refused' };
  assert.deepEqual(policiesOfNode([{ name: 'a', node: ['n1'], status: { 'node-status': [state] } },
    { name: 'b', node: ['n2'] }], 'n1').map((p) => [p.policy.name, p.state]), [['a', state]]);
});
