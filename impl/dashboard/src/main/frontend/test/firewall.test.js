import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADDRESS_MATCHES, EMPTY_RULE, ruleOf, validateRule } from '../src/firewall.js';

const typed = { ...EMPTY_RULE, name: 'web', port: '80' };

test('an untouched form sends only what the user chose, leaving the defaults to the controller', () => {
  assert.deepEqual(validateRule(typed), {});
  assert.deepEqual(ruleOf(typed), { name: 'web', direction: 'in', protocol: 'tcp', action: 'drop',
    'destination-port': 80 });
  assert.deepEqual(ADDRESS_MATCHES[0], ['', 'default']);
});

test('every field the user sets is sent', () => {
  const rule = { ...typed, node: 'n1', protocol: 'udp', portKind: 'range', lower: '7000', upper: '7010',
    addressMatch: 'source', addressRange: '10.8.0.0/24', action: 'accept', priority: '200' };
  assert.deepEqual(validateRule(rule), {});
  assert.deepEqual(ruleOf(rule), { name: 'web', direction: 'in', protocol: 'udp', 'address-match': 'source',
    'address-range': '10.8.0.0/24', action: 'accept', priority: 200, node: 'n1',
    'destination-port-range': { lower: 7000, upper: 7010 } });
});

test('a defaulted field is checked only when given', () => {
  assert.deepEqual(Object.keys(validateRule({ ...typed, addressRange: '10.8.0.0', priority: '0' })).sort(),
    ['addressRange', 'priority']);
  assert.deepEqual(validateRule({ ...typed, addressRange: ' ', priority: '' }), {});
});
