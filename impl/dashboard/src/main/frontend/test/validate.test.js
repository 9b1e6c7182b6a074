import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from '../src/validate.js';

test('ports follow the model range', () => {
  assert.equal(v.port('8080'), null);
  assert.equal(v.port('0'), 'A port number is between 1 and 65535.');
  assert.equal(v.port('70000'), 'A port number is between 1 and 65535.');
  assert.equal(v.port(''), 'Required.');
  assert.equal(v.portRange('7000', '7010'), null);
  assert.match(v.portRange('7010', '7000'), /lower port/);
});

test('addresses and prefixes follow the model patterns', () => {
  assert.equal(v.ipv4Prefix('10.8.0.0/24'), null);
  assert.match(v.ipv4Prefix('10.0.0.300/8'), /Not an IPv4 prefix/);
  assert.match(v.ipv4Prefix('10.0.0.1'), /Not an IPv4 prefix/);
  assert.equal(v.ipv4Address('10.8.0.6'), null);
  assert.match(v.ipv4Address('10.8.0'), /Not an IPv4 address/);
});

test('names follow the model patterns', () => {
  assert.equal(v.nodeName('Agent.1'), null);
  assert.match(v.nodeName('bad_'), /starts and ends/);
  assert.match(v.objectName('x'.repeat(65)), /1 to 64/);
  assert.equal(v.recordName('web.overlay'), null);
  assert.match(v.recordName('-web'), /Not a DNS name/);
});

test('record values depend on the record type', () => {
  assert.equal(v.recordValue('A', '10.8.0.5'), null);
  assert.match(v.recordValue('A', 'web'), /IPv4/);
  assert.equal(v.recordValue('AAAA', 'fd00::5'), null);
  assert.equal(v.recordValue('CNAME', 'web.overlay.'), null);
});

test('check keeps only the failing fields', () => {
  assert.deepEqual(v.check({ port: v.port('1'), prefix: v.ipv4Prefix('x') }),
    { prefix: 'Not an IPv4 prefix: expected an address and a length 0-32 such as 10.8.0.0/24.' });
});
