// The dashboard in a real browser against the real controller. DashboardBrowserTest starts the controller and
// a node with its switch, sends traffic to the node's port 8080 all along, and passes:
//   CNSMO_URL (the dashboard), CNSMO_PASSWORD (admin), CNSMO_NODE, CNSMO_NODE_IP, CNSMO_ARTIFACTS (screenshots).
// The steps share one page and run in order; each saves a screenshot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { chromium, request } from 'playwright-core';

const { CNSMO_URL: url, CNSMO_PASSWORD: password, CNSMO_NODE: node, CNSMO_NODE_IP: nodeIp,
  CNSMO_ARTIFACTS: artifacts } = process.env;
let browser;
let page;

const basic = () => `Basic ${btoa(`admin:${password}`)}`;
let token;

/** A call of the CNSMO API v1 on the same HTTPS port, with the original GUI's headers. */
async function v1(method, path, body) {
  const response = await page.request.fetch(new URL(`/api/v1${path}`, url).href, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status(), text, json: text ? JSON.parse(text) : undefined };
}

/** Deletes a configuration entry over RESTCONF as the admin. */
async function removeOverRestconf(path) {
  const removed = await page.request.delete(new URL(`/rests/data/${path}`, url).href,
    { headers: { Authorization: basic() } });
  assert.equal(removed.status(), 204, await removed.text());
}

const shot = (name) => page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });
const row = (list, attribute, value) => page.locator(`[data-testid="${list}"] tr[data-${attribute}="${value}"]`);

before(async () => {
  await mkdir(`${artifacts}/downloads`, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // The controller's certificate comes from its own CA, which this browser does not know; the Java tests check
  // the chain and host name against that CA.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, acceptDownloads: true,
    viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20000);
});

after(async () => {
  await browser?.close();
});

test('wrong credentials show the server\'s refusal', async () => {
  await page.goto(url);
  await page.fill('input[name=user]', 'admin');
  await page.fill('input[name=password]', 'admin');
  await page.click('button[type=submit]');
  await page.locator('.server-error').waitFor();
  assert.match(await page.locator('.server-error').innerText(), /Wrong user name or password/);
  await shot('01-login-refused');
});

test('the admin signs in and sees the node\'s traffic lights', async () => {
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await row('overview', 'node', node).waitFor();
  await page.locator(`tr[data-node="${node}"] .light[data-colour="green"]`).first().waitFor();
  assert.match(await page.locator('[data-testid=profile]').innerText(), /admin/);
  await shot('02-dashboard');
});

test('the header links the OpenAPI explorer, which answers behind the same authentication', async () => {
  const link = page.locator('header nav a:has-text("API")');
  assert.equal(await link.getAttribute('href'), '/openapi/explorer/index.html');
  assert.equal(await link.getAttribute('target'), '_blank');
  const explorer = new URL(await link.getAttribute('href'), url).href;
  const anonymous = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    assert.equal((await anonymous.get(explorer)).status(), 401, 'not without credentials');
  } finally {
    await anonymous.dispose();
  }
  const page200 = await page.request.get(explorer, { headers: { Authorization: basic() } });
  assert.equal(page200.status(), 200);
  assert.match(await page200.text(), /swagger|openapi/i);
});

test('a filter added on the node appears, counts blocked packets, and its graph updates', async () => {
  await page.click(`a[href="#/nodes/${encodeURIComponent(node)}"]`);
  await page.locator('[data-testid=filter-form]').waitFor();
  await page.fill('[data-testid=filter-form] input[name=name]', 'ui-block-8080');
  await page.fill('[data-testid=filter-form] input[name=port]', '8080');
  await page.fill('[data-testid=filter-form] input[name=prefix]', `${nodeIp}/32`);
  await page.click('[data-testid=filter-form] button[type=submit]');
  const filter = row('filter-list', 'filter', 'ui-block-8080');
  await filter.waitFor();
  await page.waitForFunction(() => {
    const counter = document.querySelector('tr[data-filter="ui-block-8080"] [data-counter=packets]');
    return counter && Number(counter.textContent) > 0;
  }, null, { timeout: 60000 });
  const chart = page.locator('[data-testid=filter-chart]');
  const points = Number(await chart.getAttribute('data-points'));
  await page.waitForFunction((before) => Number(document.querySelector('[data-testid=filter-chart]')
    .dataset.points) > before, points, { timeout: 30000 });
  await shot('03-node-filter-graph');
});

test('a form the server refuses shows the server\'s message', async () => {
  // The same traffic as ui-block-8080 on the same node: only the controller knows it is a duplicate.
  await page.fill('[data-testid=filter-form] input[name=name]', 'ui-block-again');
  await page.fill('[data-testid=filter-form] input[name=port]', '8080');
  await page.fill('[data-testid=filter-form] input[name=prefix]', `${nodeIp}/32`);
  await page.click('[data-testid=filter-form] button[type=submit]');
  const error = page.locator('[data-testid=filter-form] .server-error');
  await error.waitFor();
  assert.match(await error.innerText(), /ui-block-8080/);
  assert.equal(await row('filter-list', 'filter', 'ui-block-again').count(), 0);
  await shot('04-refused-form');
});

test('a filter added over v1 shows on the node page, and the page\'s filter shows in v1', async () => {
  const login = await v1('POST', '/authenticate', { username: 'admin', password });
  assert.equal(login.status, 200, login.text);
  token = login.json.token;
  const ports = await v1('GET', `/services/sdn/nodes/${node}/blockedTcpPorts`);
  assert.equal(ports.status, 200, ports.text);
  assert.deepEqual(ports.json.find((p) => p.flowId === 'ui-block-8080'),
    { destinationPort: 8080, destinationAddress: `${nodeIp}/32`, flowId: 'ui-block-8080' });
  const put = await v1('PUT', '/services/sdn/blockByPort',
    { 'tcp-destination-port': 9099, 'ip4-destination': `${nodeIp}/32`, ssinstanceid: node });
  assert.equal(put.status, 200, put.text);
  const { flowId } = put.json;
  const shown = row('filter-list', 'filter', flowId);
  try {
    await shown.waitFor();
    assert.match(await shown.innerText(), /9099/);
    await shot('04b-filter-from-v1');
  } finally {
    const deleted = await v1('DELETE', `/services/sdn/nodes/${node}/flows/${flowId}`);
    assert.equal(deleted.status, 200, deleted.text);
  }
  await shown.waitFor({ state: 'detached' });
});

test('a firewall rule with every field is added', async () => {
  await page.click('a[href="#/firewall"]');
  const form = '[data-testid=rule-form]';
  await page.locator(form).waitFor();
  await page.fill(`${form} input[name=name]`, 'ui-reject-7000s');
  await page.selectOption(`${form} select[name=node]`, node);
  await page.selectOption(`${form} select[name=direction]`, 'in');
  await page.selectOption(`${form} select[name=protocol]`, 'tcp');
  await page.selectOption(`${form} select[name=portKind]`, 'range');
  await page.fill(`${form} input[name=lower]`, '7000');
  await page.fill(`${form} input[name=upper]`, '7010');
  await page.selectOption(`${form} select[name=addressMatch]`, 'source');
  await page.fill(`${form} input[name=addressRange]`, '10.99.0.0/24');
  await page.selectOption(`${form} select[name=action]`, 'reject');
  await page.fill(`${form} input[name=priority]`, '200');
  await page.click(`${form} button[type=submit]`);
  // Its sources are outside the overlay's nodes: the preview finds nothing between nodes that changes.
  await page.locator(`${form} [data-testid=preview-nothing]`).waitFor();
  await page.click(`${form} [data-testid=change-preview] button:has-text("Add rule")`);
  const rule = row('rule-list', 'rule', 'ui-reject-7000s');
  await rule.waitFor();
  assert.match(await rule.innerText(), /7000-7010/);
  assert.match(await rule.innerText(), /reject/);
  await shot('05-firewall');
});

test('a rule added over v1 shows in the firewall list, and the page\'s rule shows in v1', async () => {
  const before = await v1('GET', '/services/fw/rules');
  assert.equal(before.status, 200, before.text);
  const fromPage = before.json.find((r) => r.name === 'ui-reject-7000s');
  assert.deepEqual(fromPage, { direction: 'in', protocol: 'tcp', dst_port: '7000:7010', dst_src: 'src',
    ip_range: '10.99.0.0/24', action: 'rjct', name: 'ui-reject-7000s', node });
  const posted = await v1('POST', '/services/fw/rules', { direction: 'out', protocol: 'udp', dst_port: '6553',
    dst_src: 'dst', ip_range: '10.99.1.0/24', action: 'acpt' });
  assert.equal(posted.status, 204, posted.text);
  const after = await v1('GET', '/services/fw/rules');
  const { name } = after.json.find((r) => r.dst_port === '6553' && r.ip_range === '10.99.1.0/24');
  const shown = row('rule-list', 'rule', name);
  try {
    await shown.waitFor();
    assert.match(await shown.innerText(), /6553/);
    assert.match(await shown.innerText(), /accept/);
    await shot('05b-rule-from-v1');
  } finally {
    await removeOverRestconf(`cnsmo-firewall:firewall/rule=${encodeURIComponent(name)}`);
  }
  await shown.waitFor({ state: 'detached' });
});

/** Fills the rule form for one TCP port on the node, coming in. */
async function fillPortRule(name, port, action, priority) {
  const form = '[data-testid=rule-form]';
  await page.fill(`${form} input[name=name]`, name);
  await page.selectOption(`${form} select[name=node]`, node);
  await page.selectOption(`${form} select[name=direction]`, 'in');
  await page.selectOption(`${form} select[name=protocol]`, 'tcp');
  await page.selectOption(`${form} select[name=portKind]`, 'single');
  await page.fill(`${form} input[name=port]`, String(port));
  await page.selectOption(`${form} select[name=addressMatch]`, 'destination');
  await page.fill(`${form} input[name=addressRange]`, '0.0.0.0/0');
  await page.selectOption(`${form} select[name=action]`, action);
  await page.fill(`${form} input[name=priority]`, String(priority));
  await page.click(`${form} button[type=submit]`);
}

test('the verifier previews each change, answers a question and marks a shadowed rule', async () => {
  const form = '[data-testid=rule-form]';
  const escaped = node.replace('.', '\\.');
  await fillPortRule('ui-no-5432', 5432, 'drop', 300);
  const blocked = page.locator(`${form} [data-testid=preview-blocked]`);
  await blocked.waitFor();
  assert.match(await blocked.innerText(),
    new RegExp(`sdn\\.B -> ${escaped} tcp 5432 \\(accept -> drop, rule ui-no-5432\\)`));
  assert.equal(await row('rule-list', 'rule', 'ui-no-5432').count(), 0, 'nothing is written before confirming');
  await shot('06-rule-preview');
  await page.click(`${form} [data-testid=change-preview] button:has-text("Add rule")`);
  await row('rule-list', 'rule', 'ui-no-5432').waitFor();

  // Below the drop of the same port it never matches: no connection changes, and the list says why.
  await fillPortRule('ui-open-5432', 5432, 'accept', 50);
  await page.locator(`${form} [data-testid=preview-nothing]`).waitFor();
  await page.click(`${form} [data-testid=change-preview] button:has-text("Add rule")`);
  const shadowed = page.locator('[data-testid=rule-list] tr[data-rule="ui-open-5432"][data-finding="shadowed"]');
  await shadowed.waitFor();
  assert.match(await shadowed.innerText(), /shadowed by ui-no-5432/);

  const ask = '[data-testid=reachability-form]';
  await page.fill(`${ask} input[name=source]`, 'sdn.B');
  await page.fill(`${ask} input[name=destination]`, node);
  await page.selectOption(`${ask} select[name=protocol]`, 'tcp');
  await page.fill(`${ask} input[name=ports]`, '5430-5440');
  await page.click(`${ask} button[type=submit]`);
  await page.locator('[data-testid=reachability-answer][data-reachability=partially]').waitFor();
  assert.match(await page.locator('[data-testid=reachability-answer] tr[data-outcome=drop]').innerText(),
    /5432.*rule ui-no-5432/s);
  await page.locator('[data-testid=rule-list] tr.deciding[data-rule="ui-no-5432"]').waitFor();
  await shot('06-reachability');

  // Deleting the drop lets the shadowed accept decide: a change the preview names before it is made.
  await row('rule-list', 'rule', 'ui-no-5432').locator('button:has-text("Delete")').click();
  const allowed = page.locator('[data-testid=change-preview] [data-testid=preview-allowed]');
  await allowed.waitFor();
  assert.match(await allowed.innerText(), /5432 \(drop -> accept, rule ui-open-5432\)/);
  await page.click('[data-testid=change-preview] button:has-text("Delete rule")');
  await row('rule-list', 'rule', 'ui-no-5432').waitFor({ state: 'detached' });
});

test('a DNS record is added', async () => {
  await page.click('a[href="#/dns"]');
  const form = '[data-testid=record-form]';
  await page.fill(`${form} input[name=name]`, 'db');
  await page.selectOption(`${form} select[name=type]`, 'A');
  await page.fill(`${form} input[name=value]`, nodeIp);
  await page.click(`${form} button[type=submit]`);
  await row('record-list', 'record', 'db').waitFor();
  await shot('06-dns');
});

test('a DNS record whose name exists already is refused and replaces nothing', async () => {
  const form = '[data-testid=record-form]';
  await page.fill(`${form} input[name=name]`, 'db');
  await page.selectOption(`${form} select[name=type]`, 'A');
  await page.fill(`${form} input[name=value]`, '10.99.0.7');
  await page.click(`${form} button[type=submit]`);
  const error = page.locator(`${form} .server-error`);
  await error.waitFor();
  assert.match(await error.innerText(), /A DNS record named 'db' already exists/);
  assert.equal(await page.inputValue(`${form} input[name=name]`), 'db', 'the input stays');
  assert.equal(await page.inputValue(`${form} input[name=value]`), '10.99.0.7');
  // The controller still has the first record, read with the browser context's own client.
  const stored = await page.request.get(new URL('/rests/data/cnsmo-dns:dns/record=db?content=config', url).href, {
    headers: { Accept: 'application/yang-data+json', Authorization: `Basic ${btoa(`admin:${password}`)}` },
  });
  assert.equal(stored.status(), 200, await stored.text());
  const [record] = (await stored.json())['cnsmo-dns:record'];
  assert.equal(record.value, nodeIp, 'the record is not replaced');
  await shot('06b-dns-name-taken');
});

test('a VPN bundle is generated and its four files downloaded', async () => {
  await page.click('a[href="#/vpn"]');
  const form = '[data-testid=bundle-form]';
  await page.fill(`${form} input[name=name]`, 'ui-laptop');
  await page.click(`${form} button[type=submit]`);
  await page.locator('[data-testid=bundle]').waitFor();
  const expected = { 'ca.crt': /BEGIN CERTIFICATE/, 'client.crt': /BEGIN CERTIFICATE/,
    'client.key': /PRIVATE KEY/, 'client.conf': /^client$/m };
  for (const [fileName, content] of Object.entries(expected)) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-file="${fileName}"] button:has-text("Download")`),
    ]);
    assert.equal(download.suggestedFilename(), fileName);
    const saved = `${artifacts}/downloads/${fileName}`;
    await download.saveAs(saved);
    assert.match(await readFile(saved, 'utf8'), content);
  }
  await row('client-list', 'client', 'ui-laptop').waitFor();
  await shot('07-vpn-bundle');
});

test('a load balancer with every field is refused, corrected, shown with its members and deleted', async () => {
  await page.click('a[href="#/load-balancers"]');
  const form = '[data-testid=lb-form]';
  await page.locator(form).waitFor();
  await page.fill(`${form} input[name=name]`, 'ui-web');
  // Outside the VPN subnet (10.9.0.0/24 here): only the controller knows.
  await page.fill(`${form} input[name=address]`, '10.8.0.100');
  await page.fill(`${form} input[name=port]`, '80');
  await page.selectOption(`${form} select[name=protocol]`, 'http');
  await page.selectOption(`${form} select[name=algorithm]`, 'least-connections');
  await page.selectOption(`${form} select[name=monitor]`, 'http');
  await page.fill(`${form} input[name=interval]`, '4');
  await page.fill(`${form} input[name=timeout]`, '1');
  await page.fill(`${form} input[name=retries]`, '2');
  await page.fill(`${form} input[name=httpPath]`, '/health');
  await page.fill(`${form} input[name="member.0.name"]`, 'a');
  await page.fill(`${form} input[name="member.0.address"]`, '10.9.0.11');
  await page.fill(`${form} input[name="member.0.port"]`, '8080');
  await page.fill(`${form} input[name="member.0.weight"]`, '1');
  await page.click('[data-testid=add-member]');
  await page.fill(`${form} input[name="member.1.name"]`, 'b');
  await page.fill(`${form} input[name="member.1.address"]`, '10.9.0.12');
  await page.fill(`${form} input[name="member.1.port"]`, '8080');
  await page.fill(`${form} input[name="member.1.weight"]`, '3');
  await page.click(`${form} button[type=submit]`);
  const error = page.locator(`${form} .server-error`);
  await error.waitFor();
  assert.match(await error.innerText(), /vip\/address/);

  await page.fill(`${form} input[name=address]`, '10.9.0.100');
  await page.click(`${form} button[type=submit]`);
  const card = page.locator('[data-lb="ui-web"]');
  await card.waitFor();
  await card.locator('tr[data-member="b"]').waitFor();
  assert.match(await card.innerText(), /10\.9\.0\.100:80 \(http\)/);
  assert.match(await card.innerText(), /least-connections/);
  assert.match(await card.innerText(), /http GET \/health, every 4 s, timeout 1 s, down after 2 failures/);
  // Its state comes from the controller within a poll or two.
  await card.locator('h3 .light:not([data-colour="grey"])').waitFor();
  const stored = await page.request.get(new URL('/rests/data/cnsmo-load-balancers:load-balancers/'
    + 'load-balancer=ui-web?content=config', url).href, {
    headers: { Accept: 'application/yang-data+json', Authorization: `Basic ${btoa(`admin:${password}`)}` },
  });
  assert.equal(stored.status(), 200, await stored.text());
  const [lb] = (await stored.json())['cnsmo-load-balancers:load-balancer'];
  assert.deepEqual(lb['health-monitor'], { type: 'http', interval: 4, timeout: 1, 'max-retries': 2,
    'http-path': '/health' });
  assert.deepEqual(lb.member.map((m) => [m.name, m.weight]).sort(), [['a', 1], ['b', 3]]);
  await shot('08-load-balancer');

  await card.locator('button:has-text("Delete ui-web")').click();
  await card.waitFor({ state: 'detached' });
});

test('signing out and an expired session both lead back to the login page', async () => {
  await page.click('[data-testid=profile] button');
  await page.locator('input[name=password]').waitFor();
  await shot('09-signed-out');

  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.locator('[data-testid=profile]').waitFor();
  // The session is aged as the page loads, before the app runs: aged from the running page, a refresh still
  // in flight could touch it again before the reload, and the session would not have expired.
  await page.addInitScript(() => {
    const session = JSON.parse(sessionStorage.getItem('cnsmo-session'));
    if (session) {
      sessionStorage.setItem('cnsmo-session', JSON.stringify({ ...session, touched: 0 }));
    }
  });
  await page.reload();
  await page.locator('.notice').waitFor();
  assert.match(await page.locator('.notice').innerText(), /expired/);
  await shot('10-session-expired');
});
