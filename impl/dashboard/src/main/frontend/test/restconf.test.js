import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestconfError, restconf } from '../src/restconf.js';

/** A fetch that records each request and answers with the given responses in turn. */
function fakeFetch(...answers) {
  const requests = [];
  const fetchImpl = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers, body: init.body && JSON.parse(init.body) });
    const { status, body = '' } = answers.shift();
    return { status, ok: status >= 200 && status < 300, text: async () => body };
  };
  return { requests, fetchImpl };
}

// What RESTCONF 9.0.1 answers a POST whose entry exists already.
const DATA_EXISTS = JSON.stringify({ errors: { error: [{ 'error-type': 'protocol', 'error-tag': 'data-exists',
  'error-path': "/cnsmo-dns:dns/record[name='db']", 'error-message': 'Data already exists' }] } });

const RECORD = { name: 'db', type: 'A', value: '10.8.0.5' };

test('an entry is created with POST on its parent, the body holding just that entry', async () => {
  const { requests, fetchImpl } = fakeFetch({ status: 201 });
  const api = restconf({ auth: 'YWRtaW46eA==', base: 'https://c:8443', fetchImpl });
  assert.equal(await api.createEntry('cnsmo-dns:dns', 'cnsmo-dns:record', RECORD, 'DNS record'), null);
  assert.equal(requests.length, 1);
  const [request] = requests;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://c:8443/rests/data/cnsmo-dns:dns');
  assert.equal(request.headers['Content-Type'], 'application/yang-data+json');
  assert.equal(request.headers.Authorization, 'Basic YWRtaW46eA==');
  assert.deepEqual(request.body, { 'cnsmo-dns:record': [RECORD] });
});

test('an entry that exists already is refused with a message naming it', async () => {
  const { requests, fetchImpl } = fakeFetch({ status: 409, body: DATA_EXISTS });
  const api = restconf({ auth: 'x', fetchImpl });
  await assert.rejects(
    api.createEntry('cnsmo-traffic-filters:traffic-filters', 'cnsmo-traffic-filters:filter',
      { name: 'x', node: 'a', 'tcp-destination-port': 80, 'ipv4-destination': '10.8.0.6/32' }, 'filter'),
    (error) => error instanceof RestconfError && error.status === 409
      && error.message === "A filter named 'x' already exists.");
  assert.equal(requests.length, 1, 'nothing else is sent: no PUT that would replace it');
  assert.equal(requests[0].method, 'POST');
});

test('other refusals of a create keep the server\'s own words', async () => {
  const invalid = JSON.stringify({ errors: { error: [{ 'error-type': 'application', 'error-tag': 'invalid-value',
    'error-message': "dns/record=db/value: value 'x' of an A record is not an IPv4 address" }] } });
  const inUse = JSON.stringify({ errors: { error: [{ 'error-type': 'application', 'error-tag': 'in-use',
    'error-message': 'Optimistic lock failed' }] } });
  const { fetchImpl } = fakeFetch({ status: 400, body: invalid }, { status: 409, body: inUse });
  const api = restconf({ auth: 'x', fetchImpl });
  await assert.rejects(api.createEntry('cnsmo-dns:dns', 'cnsmo-dns:record', RECORD, 'DNS record'),
    { status: 400, message: "dns/record=db/value: value 'x' of an A record is not an IPv4 address" });
  await assert.rejects(api.createEntry('cnsmo-dns:dns', 'cnsmo-dns:record', RECORD, 'DNS record'),
    { status: 409, message: 'Optimistic lock failed', tags: ['in-use'] });
});
