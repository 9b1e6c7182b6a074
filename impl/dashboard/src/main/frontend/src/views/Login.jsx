import { useState } from 'preact/hooks';
import { errorMessage } from '../restconf.js';
import { Field, Input, ServerError } from '../ui.jsx';

/** Checks the credentials against RESTCONF itself: the controller's AAA is the only judge. */
export function Login({ onLogin, notice }) {
  const [user, setUser] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/rests/operations', {
        headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}`, Accept: 'application/yang-data+json',
          'X-Requested-With': 'XMLHttpRequest' },
      });
      if (response.ok) {
        onLogin(user, password);
      } else {
        setError(errorMessage(response.status, await response.text()));
      }
    } catch (failure) {
      setError(`Cannot reach the controller: ${failure.message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form onSubmit={submit} class="card">
        <h1>CNSMO</h1>
        <p class="muted">Sign in with your controller account.</p>
        {notice && <div class="notice">{notice}</div>}
        <Field label="User" name="user"><Input name="user" value={user} onInput={setUser} autocomplete="username" /></Field>
        <Field label="Password" name="password">
          <Input name="password" type="password" value={password} onInput={setPassword}
            autocomplete="current-password" />
        </Field>
        <ServerError message={error} />
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
