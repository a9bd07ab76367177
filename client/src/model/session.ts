/**
 * The signed-in user: a bearer token pasted once and kept in this browser's session storage (gone when the tab
 * closes). Its payload is read only to show who and which role; the API verifies the token on every request.
 */
const KEY = "sanctions-graph.token";

export interface SessionUser {
  sub: string;
  role: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** The payload of a JWT, or null if the text is not one (not verified: that is the server's job). */
export function readToken(token: string): SessionUser | null {
  const part = token.trim().split(".")[1];
  if (!part) return null;
  try {
    const json = JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
    const role = [json.role, ...(Array.isArray(json.roles) ? json.roles : [])].find((r) => typeof r === "string") ?? "unknown";
    return typeof json.sub === "string" && typeof json.exp === "number" ? { sub: json.sub, role, exp: json.exp } : null;
  } catch {
    return null;
  }
}

export class Session {
  private token: string | null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | undefined = globalThis.sessionStorage) {
    this.token = storage?.getItem(KEY) ?? null;
    if (this.token && !this.user) this.signOut();
  }

  get user(): SessionUser | null {
    const user = this.token ? readToken(this.token) : null;
    return user && user.exp * 1000 > Date.now() ? user : null;
  }

  bearer = (): string | null => (this.user ? this.token : null);

  /** Keeps a token if it reads as a JWT with a subject and an expiry in the future; returns why not otherwise. */
  signIn(token: string): string | null {
    const user = readToken(token);
    if (!user) return "That is not a token (paste the whole line `npm run token` printed).";
    if (user.exp * 1000 <= Date.now()) return "That token has expired.";
    this.token = token.trim();
    this.storage?.setItem(KEY, this.token);
    this.changed();
    return null;
  }

  signOut(): void {
    this.token = null;
    this.storage?.removeItem(KEY);
    this.changed();
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
