// Small building blocks shared by the views.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { submitAdd } from './forms.js';

/** Loads data now and again every periodMs (if given); reload() refreshes at once. */
export function usePoll(load, periodMs) {
  const [state, setState] = useState({ data: undefined, error: null });
  const reload = useCallback(async () => {
    try {
      setState({ data: await load(), error: null });
    } catch (error) {
      setState((previous) => ({ data: previous.data, error: error.message }));
    }
  }, [load]);
  useEffect(() => {
    reload();
    if (!periodMs) return undefined;
    const timer = setInterval(reload, periodMs);
    return () => clearInterval(timer);
  }, [reload, periodMs]);
  return { ...state, reload };
}

/** Runs a form action: shows the server's refusal, or calls done() after success. */
export function useAction() {
  const [state, setState] = useState({ busy: false, error: null });
  const run = async (action, done) => {
    setState({ busy: true, error: null });
    try {
      const result = await action();
      setState({ busy: false, error: null });
      if (done) await done(result);
      return result;
    } catch (error) {
      setState({ busy: false, error: error.message });
      return undefined;
    }
  };
  return { ...state, run, clear: () => setState({ busy: false, error: null }) };
}

/**
 * An "Add" form (forms.js' submitAdd): form and errors to show, set(field) for its inputs, submit for its
 * onSubmit. create(form) writes the entry with the API's createEntry; onAdded runs once it is created.
 * A refused entry leaves the form as the user typed it, with the server's message in error.
 */
export function useAddForm(empty, { validate, create, onAdded }) {
  const [state, setState] = useState({ form: empty, errors: {}, error: null, busy: false });
  const set = (field) => (value) => setState((s) => ({ ...s, form: { ...s.form, [field]: value } }));
  const submit = async (event) => {
    event.preventDefault();
    setState((s) => ({ ...s, busy: true, error: null }));
    const next = await submitAdd(state.form, { empty, validate, create });
    // After a refusal, keep also what was typed while the request ran.
    setState((s) => ({ ...next, form: next.created ? next.form : s.form, busy: false }));
    if (next.created) await onAdded();
  };
  return { ...state, set, submit };
}

export function ServerError({ message }) {
  return message ? <div class="server-error" role="alert">{message}</div> : null;
}

export function Field({ label, name, error, children }) {
  return (
    <label class={`field${error ? ' invalid' : ''}`}>
      <span>{label}</span>
      {children}
      {error && <small class="field-error" data-field={name}>{error}</small>}
    </label>
  );
}

export function Input({ value, onInput, ...rest }) {
  return <input value={value} onInput={(e) => onInput(e.currentTarget.value)} {...rest} />;
}

export function Select({ value, onChange, options, ...rest }) {
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} {...rest}>
      {options.map(([v, label]) => <option value={v}>{label ?? v}</option>)}
    </select>
  );
}

export function Light({ colour, label, reason }) {
  return (
    <span class={`light ${colour}`} title={reason ?? 'OK'} data-colour={colour}>
      <i aria-hidden="true" />
      {label}
      {reason && <small>{reason}</small>}
    </span>
  );
}

export const list = (value, ...path) => path.reduce((v, p) => v?.[p], value) ?? [];
