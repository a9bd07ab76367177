/** The pasted-token session: what the client reads of a token (not verified: the API does that) and what it keeps. */
import { describe, expect, it } from "vitest";
import { readToken, Session } from "../../client/src/model/session.ts";
import { expiredToken, tokenFor } from "../support/auth.ts";

/** sessionStorage's part the session uses, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe("the client's session", () => {
  it("reads who, which role and until when from a token minted by npm run token", async () => {
    const user = readToken(await tokenFor("editor", "alice", "1h"));
    expect(user).toMatchObject({ sub: "alice", role: "editor" });
    expect((user?.exp ?? 0) * 1000).toBeGreaterThan(Date.now());
    expect(readToken("not a token")).toBeNull();
    expect(readToken("a.b.c")).toBeNull();
  });

  it("keeps a pasted token, sends it as the bearer, and forgets it on sign-out", async () => {
    const storage = memoryStorage();
    const session = new Session(storage);
    let changes = 0;
    session.onChange(() => changes++);
    const token = await tokenFor("viewer", "victor");
    expect(session.signIn(`  ${token}\n`)).toBeNull();
    expect(session.bearer()).toBe(token);
    expect(new Session(storage).user?.sub).toBe("victor");
    session.signOut();
    expect([session.bearer(), storage.length, changes]).toEqual([null, 0, 2]);
  });

  it("refuses text that is not a token and a token that has expired, saying which", async () => {
    const session = new Session(memoryStorage());
    expect(session.signIn("hello")).toMatch(/not a token/);
    expect(session.signIn(await expiredToken())).toMatch(/expired/);
    expect(session.user).toBeNull();
  });
});
