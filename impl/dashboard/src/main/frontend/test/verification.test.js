import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingOf, previewOf, reachabilityAnswer, reachabilityInput, ruleNamed } from '../src/verification.js';

test('a rule\'s finding says who shadows it, or that it is redundant', () => {
  assert.equal(findingOf({ name: 'a' }), null, 'nothing found without the verifier');
  assert.equal(findingOf({ verification: { 'installed-nodes': 1, redundant: false } }), null);
  assert.deepEqual(findingOf({ verification: { 'shadowed-by': ['wide', 'all'], redundant: true } }),
    { kind: 'shadowed', text: 'shadowed by wide, all' });
  assert.deepEqual(findingOf({ verification: { redundant: true } }),
    { kind: 'redundant', text: 'redundant: removing it changes nothing' });
  assert.deepEqual(findingOf({ verification: { redundant: false, 'node-finding': [
    { node: 'n1', 'shadowed-by': ['wide'], redundant: true }, { node: 'n2', redundant: true }] } }),
  { kind: 'partly', text: 'shadowed on n1 by wide; redundant on n2' });
});

test('the question becomes the RPC input, with a port, a range or none', () => {
  assert.deepEqual(reachabilityInput({ source: ' a ', destination: 'b', protocol: 'tcp', ports: '80' }),
    { source: 'a', destination: 'b', protocol: 'tcp', 'destination-port': 80 });
  assert.deepEqual(reachabilityInput({ source: 'a', destination: 'b', protocol: 'udp', ports: '7000 - 7010' }),
    { source: 'a', destination: 'b', protocol: 'udp', 'destination-port-range': { lower: 7000, upper: 7010 } });
  assert.deepEqual(reachabilityInput({ source: 'a', destination: 'b', protocol: 'icmp', ports: '80' }),
    { source: 'a', destination: 'b', protocol: 'icmp' });
  assert.deepEqual(reachabilityInput({ source: 'a', destination: 'b', protocol: 'tcp', ports: '' }),
    { source: 'a', destination: 'b', protocol: 'tcp' }, 'every port');
});

test('the answer lists each class and the rules that decided', () => {
  assert.equal(ruleNamed('ingress of n2: rule no-db'), 'no-db');
  assert.equal(ruleNamed('ingress of n2: pipeline default accept'), null);
  const answer = reachabilityAnswer({ reachability: 'partially', path: ['a', 'vpn', 'b'], verdict: [
    { source: '10.8.0.2/32', destination: '10.8.0.3/32', protocol: 'tcp', 'port-lower': 6990, 'port-upper': 6999,
      outcome: 'accept', 'decided-by': 'ingress of b: pipeline default accept' },
    { source: '10.8.0.2/32', destination: '10.8.0.3/32', protocol: 'tcp', 'port-lower': 7000, 'port-upper': 7000,
      outcome: 'drop', 'decided-by': 'ingress of b: rule no-db',
      hop: [{ name: 'egress of a', 'element-kind': 'rule', element: 'out-ok', outcome: 'accept' }] }] });
  assert.equal(answer.reachability, 'partially');
  assert.deepEqual(answer.lines.map((l) => `${l.ports} ${l.outcome}`), ['6990-6999 accept', '7000 drop']);
  assert.deepEqual([...answer.deciding].sort(), ['no-db', 'out-ok']);
});

test('a what-if answer is a preview of what is newly blocked and allowed', () => {
  const preview = previewOf({ 'classes-compared': 12, change: [
    { 'source-node': 'a', 'destination-node': 'b', protocol: 'tcp', 'port-lower': 7000, 'port-upper': 7010,
      kind: 'newly-blocked', before: 'accept', after: 'drop', responsible: 'rule no-db' },
    { 'source-node': 'b', 'destination-node': 'a', protocol: 'icmp', 'port-lower': 0, 'port-upper': 0,
      kind: 'newly-allowed', before: 'drop', after: 'accept', responsible: 'pipeline default accept' }] });
  assert.deepEqual(preview.blocked, ['a -> b tcp 7000-7010 (accept -> drop, rule no-db)']);
  assert.deepEqual(preview.allowed, ['b -> a icmp (drop -> accept, pipeline default accept)']);
  assert.equal(preview.confirmable, true);

  const refused = previewOf({ 'validation-error': [{ path: 'rule no-db priority', reason: 'overlaps rule db' }] });
  assert.deepEqual(refused.errors, ['rule no-db priority: overlaps rule db']);
  assert.equal(refused.confirmable, false, 'a change validation refuses cannot be confirmed');
});
