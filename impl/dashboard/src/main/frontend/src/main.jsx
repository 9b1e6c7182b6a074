import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { restconf } from './restconf.js';
import { createSession } from './session.js';
import { Login } from './views/Login.jsx';
import { Overview } from './views/Overview.jsx';
import { NodeDetail, NodeList } from './views/Nodes.jsx';
import { Firewall } from './views/Firewall.jsx';
import { Dns } from './views/Dns.jsx';
import { Vpn } from './views/Vpn.jsx';
import { LoadBalancers } from './views/LoadBalancers.jsx';
import { Qos } from './views/Qos.jsx';

const session = createSession(window.sessionStorage);
const EXPIRED = 'Your session has expired. Please sign in again.';
const PAGES = [['#/', 'Dashboard'], ['#/nodes', 'Nodes'], ['#/firewall', 'Firewall'], ['#/dns', 'DNS'], ['#/vpn', 'VPN'],
  ['#/load-balancers', 'Load balancers'], ['#/qos', 'QoS']];

function useHash() {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const update = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}

/** Whether the user may write: a read-only user's write is refused with 403, so ask the server once. */
function useCanWrite(api) {
  const [canWrite, setCanWrite] = useState(true);
  useEffect(() => {
    api?.get('aaa:http-authorization').then(() => setCanWrite(true), (e) => setCanWrite(e.status !== 403));
  }, [api]);
  return canWrite;
}

function App() {
  const [current, setCurrent] = useState(() => session.current());
  const [notice, setNotice] = useState(() => (session.takeExpired() ? EXPIRED : null));
  const hash = useHash();
  const api = useMemo(() => current && restconf({
    auth: current.auth,
    onUnauthorized: () => {
      session.end();
      setNotice(EXPIRED);
      setCurrent(null);
    },
  }), [current]);
  const canWrite = useCanWrite(api);

  useEffect(() => {
    // An idle session expires: check every minute and on every page change.
    const check = () => {
      if (current && !session.current()) {
        setNotice(EXPIRED);
        setCurrent(null);
      }
    };
    check();
    const timer = setInterval(check, 60000);
    return () => clearInterval(timer);
  }, [current, hash]);

  useEffect(() => {
    const activity = () => session.touch();
    window.addEventListener('click', activity);
    window.addEventListener('keydown', activity);
    return () => {
      window.removeEventListener('click', activity);
      window.removeEventListener('keydown', activity);
    };
  }, []);

  if (!current) {
    return <Login notice={notice} onLogin={(user, password) => {
      session.start(user, password);
      setNotice(null);
      setCurrent(session.current());
    }} />;
  }

  const readOnly = !canWrite;
  const [, page, arg] = hash.split('/');
  let view;
  if (page === 'nodes' && arg) view = <NodeDetail api={api} name={decodeURIComponent(arg)} readOnly={readOnly} />;
  else if (page === 'nodes') view = <NodeList api={api} />;
  else if (page === 'firewall') view = <Firewall api={api} readOnly={readOnly} />;
  else if (page === 'dns') view = <Dns api={api} readOnly={readOnly} />;
  else if (page === 'vpn') view = <Vpn api={api} readOnly={readOnly} />;
  else if (page === 'load-balancers') view = <LoadBalancers api={api} readOnly={readOnly} />;
  else if (page === 'qos') view = <Qos api={api} readOnly={readOnly} />;
  else view = <Overview api={api} />;

  return (
    <>
      <header>
        <b class="brand">CNSMO</b>
        <nav>
          {PAGES.map(([href, label]) => (
            <a href={href} class={hash === href || (href !== '#/' && hash.startsWith(href)) ? 'active' : ''}>{label}</a>
          ))}
          <a href="/openapi/explorer/index.html" target="_blank" rel="noopener" title="OpenAPI explorer of the RESTCONF API">API</a>
        </nav>
        <span class="badge" data-testid="profile">
          {current.user}{readOnly && ' (read-only)'}
          <button class="link" onClick={() => {
            session.end();
            setNotice('You have signed out.');
            setCurrent(null);
          }}>Sign out</button>
        </span>
      </header>
      <main>{view}</main>
    </>
  );
}

render(<App />, document.getElementById('app'));
