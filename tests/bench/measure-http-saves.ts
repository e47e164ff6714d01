import { planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng } from "./prng";
import type { BenchCorpus } from "./seed-bench-database";

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Saves `count` annotations through the HTTP API with the browser context's session cookie, one
 * after another, and returns each round trip in milliseconds: the save as the server answers it
 * (session check, service, JSON), without the browser.
 */
export async function measureHttpSaves({
  baseUrl,
  cookies,
  corpus,
  count,
}: {
  baseUrl: string;
  cookies: { name: string; value: string }[];
  corpus: BenchCorpus;
  count: number;
}): Promise<number[]> {
  const rng = createRng(0x4e_77);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const url = `${baseUrl}/api/documents/${corpus.documentId}/annotations`;
  const timings: number[] = [];
  // Two unmeasured saves first, so the route's first compilation and connection set-up are not counted.
  const spans = planSpans(rng, corpus.text, count + 2);
  for (const [i, span] of spans.entries()) {
    const body = { ...planAnnotationBody(rng, corpus.techniqueIds), revisionId: corpus.revisionId, start: span.start, end: span.end, exact: corpus.text.slice(span.start, span.end) };
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: new URL(baseUrl).origin },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
    if (i >= 2) timings.push(ms);
  }
  return timings;
}
