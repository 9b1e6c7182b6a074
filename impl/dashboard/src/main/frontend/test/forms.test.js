import { test } from 'node:test';
import assert from 'node:assert/strict';
import { givenLeaves, submitAdd, unlessEmpty } from '../src/forms.js';
import { restconf } from '../src/restconf.js';
import * as v from '../src/validate.js';

const EMPTY = { name: '', type: 'A', value: '' };
const validate = (f) => v.check({ name: v.recordName(f.name), value: v.recordValue(f.type, f.value) });

/** The DNS view's add form, against a controller that answers status (and body) to the create. */
function recordForm(status, body = '') {
  const requests = [];
  const api = restconf({ auth: 'x', fetchImpl: async (url, init) => {
    requests.push({ url, method: init.method, body: JSON.parse(init.body) });
    return { status, ok: status < 300, text: async () => body };
  } });
  const create = (f) => api.createEntry('cnsmo-dns:dns', 'cnsmo-dns:record',
    { name: f.name, type: f.type, value: f.value }, 'DNS record');
  return { requests, submit: (form) => submitAdd(form, { empty: EMPTY, validate, create }) };
}

test('a created entry empties the form', async () => {
  const { requests, submit } = recordForm(201);
  const next = await submit({ name: 'db', type: 'A', value: '10.8.0.5' });
  assert.deepEqual(next, { form: EMPTY, errors: {}, error: null, created: true });
  assert.deepEqual(requests, [{ url: '/rests/data/cnsmo-dns:dns', method: 'POST',
    body: { 'cnsmo-dns:record': [{ name: 'db', type: 'A', value: '10.8.0.5' }] } }]);
});

test('a name that exists already is named in the form, which keeps the input', async () => {
  const { requests, submit } = recordForm(409, JSON.stringify({ errors: { error: [{ 'error-type': 'protocol',
    'error-tag': 'data-exists', 'error-message': 'Data already exists' }] } }));
  const typed = { name: 'db', type: 'A', value: '10.8.0.99' };
  const next = await submit(typed);
  assert.equal(next.created, false);
  assert.equal(next.error, "A DNS record named 'db' already exists.");
  assert.deepEqual(next.form, { name: 'db', type: 'A', value: '10.8.0.99' });
  assert.deepEqual(next.errors, {});
  assert.equal(requests.length, 1);
  assert.equal(requests[0].method, 'POST', 'never a PUT, which would replace the record');
});

test('a form that fails its own checks sends nothing and keeps the input', async () => {
  const { requests, submit } = recordForm(201);
  const typed = { name: 'db', type: 'A', value: 'not-an-address' };
  const next = await submit(typed);
  assert.equal(next.created, false);
  assert.deepEqual(next.form, typed);
  assert.ok(next.errors.value);
  assert.equal(requests.length, 0);
});

test('only the leaves given go into a body', () => {
  assert.deepEqual(givenLeaves([['a', ''], ['b', 'x'], ['c', ' '], ['d', '7', Number], ['e', undefined]]),
    { b: 'x', d: 7 });
  assert.equal(unlessEmpty('', () => 'wrong'), null);
  assert.equal(unlessEmpty('1', () => 'wrong'), 'wrong');
});
