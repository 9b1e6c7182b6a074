import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IDLE_MS, createSession } from '../src/session.js';

function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) };
}

test('a session lives while used and expires when idle', () => {
  let now = 1000;
  const session = createSession(memoryStorage(), () => now);
  session.start('admin', 's3cret');
  assert.equal(session.current().user, 'admin');
  assert.equal(session.current().auth, btoa('admin:s3cret'));
  now += IDLE_MS - 1;
  session.touch();
  now += IDLE_MS - 1;
  assert.ok(session.current(), 'touched recently');
  now += IDLE_MS + 1;
  assert.equal(session.current(), null);
  assert.equal(session.takeExpired(), true);
  assert.equal(session.takeExpired(), false, 'said once');
});

test('signing out is not an expiry', () => {
  const session = createSession(memoryStorage());
  session.start('admin', 'x');
  session.end();
  assert.equal(session.current(), null);
  assert.equal(session.takeExpired(), false);
});
