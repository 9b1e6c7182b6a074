// The signed-in user, kept in the tab's sessionStorage. A session ends after IDLE_MS without activity, on
// logout, or when RESTCONF answers 401 (password changed, user removed).
export const IDLE_MS = 30 * 60 * 1000;
const KEY = 'cnsmo-session';

export function createSession(storage, now = () => Date.now()) {
  const read = () => {
    try {
      return JSON.parse(storage.getItem(KEY));
    } catch {
      return null;
    }
  };
  let expired = false;
  return {
    start(user, password) {
      storage.setItem(KEY, JSON.stringify({ user, auth: btoa(`${user}:${password}`), touched: now() }));
    },
    /** The live session, or null once it expired (which also forgets it). */
    current() {
      const session = read();
      if (!session || now() - session.touched > IDLE_MS) {
        expired = expired || Boolean(session);
        storage.removeItem(KEY);
        return null;
      }
      return session;
    },
    touch() {
      const session = read();
      if (session) {
        storage.setItem(KEY, JSON.stringify({ ...session, touched: now() }));
      }
    },
    /** Whether a session ran out since the last call: the login page then says so. */
    takeExpired() {
      const result = expired;
      expired = false;
      return result;
    },
    end() {
      storage.removeItem(KEY);
    },
  };
}
