/**
 * Webhooks: a watch may name a URL that receives its alerts as a JSON POST. Only URLs under a configured
 * allow-list (WEBHOOK_ALLOWLIST: comma-separated URL prefixes such as `https://hooks.example.org/`) are accepted,
 * checked when the watch is made and again before each delivery. Failed deliveries are retried with exponential
 * backoff; none is ever sent to another address (redirects are not followed).
 */
import type { Config } from "../config.ts";
import type { AlertValue, WatchValue } from "./evaluate.ts";

export interface WebhookOptions {
  /** URL prefixes a webhook may start with; empty means webhooks are off. */
  allowlist: string[];
  /** Attempts per delivery (first try included). */
  attempts: number;
  /** Delay before the first retry; doubled before each next one. */
  backoffMs: number;
  timeoutMs: number;
}

export const DEFAULT_WEBHOOKS: WebhookOptions = { allowlist: [], attempts: 5, backoffMs: 1_000, timeoutMs: 10_000 };

/** The webhook settings of the configuration (WEBHOOK_ALLOWLIST, server/config.ts). */
export function webhookOptions(config: Pick<Config, "webhookAllowlist">): WebhookOptions {
  return { ...DEFAULT_WEBHOOKS, allowlist: config.webhookAllowlist };
}

/** Why a webhook URL is refused, or undefined if it may be used. */
export function webhookRefusal(url: string, { allowlist }: WebhookOptions): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a URL.";
  }
  if (!["http:", "https:"].includes(parsed.protocol)) return "must be an http(s) URL.";
  if (!allowlist.length) return "cannot be used: webhooks are off (no WEBHOOK_ALLOWLIST is configured).";
  if (!allowlist.some((prefix) => parsed.href.startsWith(prefix))) return `is not under an allowed prefix (${allowlist.join(", ")}).`;
  return undefined;
}

export interface Delivery {
  url: string;
  attempts: number;
  ok: boolean;
  status?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs a watch's alerts to its webhook, retrying with backoff; resolves once delivered or given up. */
export async function deliver(
  watch: WatchValue,
  alerts: AlertValue[],
  options: WebhookOptions,
  log = console.error,
): Promise<Delivery | undefined> {
  const url = watch.webhookUrl;
  if (!url || !alerts.length) return undefined;
  const refusal = webhookRefusal(url, options);
  if (refusal) {
    log(`Webhook of watch ${watch.id} not called: ${url} ${refusal}`);
    return { url, attempts: 0, ok: false };
  }
  const body = JSON.stringify({
    watch: { id: watch.id, name: watch.name ?? null },
    alerts: alerts.map(({ read, ...a }) => ({ ...a, path: JSON.parse(a.path) })),
  });
  let status: number | undefined;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "sanctions-graph-webhook" },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (response.ok) return { url, attempts: attempt, ok: true, status };
    } catch {
      status = undefined;
    }
    if (attempt < options.attempts) await sleep(options.backoffMs * 2 ** (attempt - 1));
  }
  log(`Webhook of watch ${watch.id} failed after ${options.attempts} attempts (last status ${status ?? "no answer"}).`);
  return { url, attempts: options.attempts, ok: false, status };
}
