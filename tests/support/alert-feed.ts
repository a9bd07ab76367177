/** The `alertRaised` subscription over SSE against a real HTTP server, collecting what it delivers. */
import { expect } from "vitest";

export type LiveAlert = Record<string, any>;

export async function subscribeAlerts(base: string, token: string, since: string) {
  const abort = new AbortController();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `subscription($since: String) { alertRaised(since: $since) { kind watchId summary entity { id } path { id via } } }`,
      variables: { since },
    }),
    signal: abort.signal,
  });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const received: LiveAlert[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .find((l) => l.startsWith("data:"));
          buffer = buffer.slice(end + 2);
          if (data && data.length > 6) {
            const payload = JSON.parse(data.slice(5));
            if (payload.data) received.push(payload.data.alertRaised);
            for (const w of waiters.splice(0)) w();
          }
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  /** Resolves once `count` alerts have arrived. */
  const next = async (count: number) => {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return received;
  };
  return { received, next, close: () => abort.abort() };
}
