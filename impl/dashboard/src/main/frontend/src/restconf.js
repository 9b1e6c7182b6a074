// RESTCONF (RFC 8040) over fetch: the dashboard's only way to the controller.
const JSON_TYPE = 'application/yang-data+json';

export class RestconfError extends Error {
  /** tags: the error-tag of each error in the answer, such as 'data-exists'. */
  constructor(status, message, tags = []) {
    super(message);
    this.status = status;
    this.tags = tags;
  }
}

/** The errors of a RESTCONF error body (RFC 8040, 7.1), or none if it is not one. */
function errorList(bodyText) {
  try {
    const body = JSON.parse(bodyText);
    const errors = body?.['ietf-restconf:errors']?.error ?? body?.errors?.error ?? [];
    return Array.isArray(errors) ? errors : [];
  } catch {
    return [];
  }
}

/** The server's own words from a RESTCONF error body, or a plain description of the status. */
export function errorMessage(status, bodyText) {
  const messages = errorList(bodyText).map((e) => e['error-message'] ?? e['error-tag']).filter(Boolean);
  if (messages.length) {
    return messages.join('; ');
  }
  if (status === 401) return 'Wrong user name or password.';
  if (status === 403) return 'Your role may not do this.';
  return `The controller answered ${status}.`;
}

/**
 * A client for one session. onUnauthorized runs when a request answers 401 and the caller should go back to
 * the login page.
 */
export function restconf({ auth, onUnauthorized = () => {}, base = '', fetchImpl = fetch }) {
  async function call(method, path, body) {
    const response = await fetchImpl(`${base}/rests/${path}`, {
      method,
      headers: {
        Authorization: `Basic ${auth}`,
        Accept: JSON_TYPE,
        // Asks the controller to leave the Basic challenge out of a 401, so the browser shows no dialog.
        'X-Requested-With': 'XMLHttpRequest',
        ...(body === undefined ? {} : { 'Content-Type': JSON_TYPE }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 401) {
      onUnauthorized(errorMessage(401, text));
    }
    if (!response.ok) {
      // RESTCONF answers a read of absent data with 409 data-missing (or 404): that is simply nothing.
      if (method === 'GET' && (response.status === 404 || response.status === 409)
          && (response.status === 404 || text.includes('data-missing'))) {
        return null;
      }
      throw new RestconfError(response.status, errorMessage(response.status, text),
        errorList(text).map((e) => e['error-tag']).filter(Boolean));
    }
    return text ? JSON.parse(text) : null;
  }

  /**
   * Adds one entry, keyed by its name, to a list: POST on the list's parent, whose body holds exactly that
   * one child (RFC 8040, 4.4.1). Unlike a PUT on the entry, this never replaces an entry of the same name:
   * RESTCONF answers 409 data-exists, which becomes an error naming the entry ("A filter named 'x' already
   * exists."). parent is the parent's data path, list the list's module-qualified name and noun what the
   * user calls an entry. Editing an entry that exists stays a PUT (or PATCH) on that entry.
   */
  async function createEntry(parent, list, entry, noun) {
    try {
      return await call('POST', `data/${parent}`, { [list]: [entry] });
    } catch (error) {
      if (error instanceof RestconfError && error.status === 409 && error.tags.includes('data-exists')) {
        throw new RestconfError(409, `A ${noun} named '${entry.name}' already exists.`, error.tags);
      }
      throw error;
    }
  }

  return {
    get: (path) => call('GET', `data/${path}`),
    put: (path, body) => call('PUT', `data/${path}`, body),
    post: (path, body) => call('POST', `data/${path}`, body),
    createEntry,
    remove: (path) => call('DELETE', `data/${path}`),
    rpc: async (name, input) => rpcOutput(await call('POST', `operations/${name}`, { input })),
  };
}

/** An operation's output: RESTCONF names it "<module>:output" (RFC 8040, 3.6.2). */
export function rpcOutput(body) {
  const name = Object.keys(body ?? {}).find((k) => k === 'output' || k.endsWith(':output'));
  return name ? body[name] : {};
}

/** A list key as it goes into a RESTCONF path. */
export const key = (value) => encodeURIComponent(value);
