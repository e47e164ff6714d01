// The hostile-input sweep: every endpoint of the README's API table with malformed JSON, wrong
// types, huge strings, lone surrogates, NUL, `__proto__`, bad percent-encoding in ids and
// out-of-range numbers. Counts the answers of 500 and above (the goal is none).
import { ENDPOINTS, fillPath, type Endpoint, type StressWorld } from "./stress-world";

/** Path ids that are not ids: bad percent-encoding, prototype names, NUL, huge, traversal. */
export const HOSTILE_IDS = [
  "%FF%FE",
  "%ED%A0%80",
  "%E0%A4%A",
  "%",
  "%00",
  "%C0%AF",
  "__proto__",
  "constructor",
  "x".repeat(5_000),
  "%F0%9F%98%80",
  "..%2F..%2Fetc%2Fpasswd",
  "'%20OR%201%3D1%20--",
  "-1",
  "9007199254740993",
];

/** Field values of the wrong type or out of range, as raw JSON text. */
const HOSTILE_VALUES = [
  "null",
  "true",
  "[]",
  "{}",
  "-1",
  "1e308",
  "9007199254740993",
  "-9007199254740993",
  "1.5",
  '""',
  '"\\u0000"',
  '"\\ud800"',
  '"\\udfff tail"',
  '"__proto__"',
  '{"__proto__":{"polluted":true}}',
  '"2025-02-30"',
  JSON.stringify("x".repeat(100_000)),
];

/** Whole bodies that are not the object asked for. */
const HOSTILE_BODIES = [
  "",
  "{",
  '{"a":',
  "null",
  "[]",
  '"text"',
  "123",
  "\u0000",
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
  "[".repeat(5_000) + "]".repeat(5_000),
  '{"text":"\\ud800\\ud800"}',
  JSON.stringify({ big: "y".repeat(1_500_000) }),
];

const HOSTILE_QUERIES = [
  "sort=__proto__&dir=constructor",
  "sort=%FF&dir=%ED%A0%80",
  "format=%E0%A4%A",
  "format=zzz",
  "from=2025-02-30",
  "to=9999-99-99",
  "from=2025-13-01&to=0000-00-00",
  "document=%FF%FE",
  "document=__proto__&document=constructor",
  "kind=__proto__&verdict=%00",
  "technique=" + "t".repeat(5_000),
  "%=%&%%=1",
];

export interface HostileRequest {
  /** The API table's row, e.g. "POST /api/links". */
  endpoint?: string;
  method: string;
  path: string;
  body?: string | FormData;
  contentType?: string;
  label: string;
}

function validFields(endpoint: Endpoint, world: StressWorld): Record<string, unknown> | null {
  const made = endpoint.valid(world);
  if (made instanceof Promise) return null; // deletes (valid bodies need fresh objects): ids only
  return made.body.kind === "json" && made.body.value !== null && typeof made.body.value === "object" ? { ...made.body.value } : null;
}

function multipart(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** Every hostile request of the sweep, for `world`'s objects. */
export function hostileRequests(world: StressWorld): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const endpoint of ENDPOINTS) {
    const row = `${endpoint.method} ${endpoint.path.split("?")[0]}`;
    for (const request of endpointRequests(endpoint, world)) requests.push({ ...request, endpoint: row });
  }
  return requests;
}

function endpointRequests(endpoint: Endpoint, world: StressWorld): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const [template = endpoint.path, query] = endpoint.path.split("?");
  const realPath = fillPath(template, world);
  const hasId = /:\w+/.test(template);
  // (The 1.5 MB body goes to the real ids only: sent to every malformed id it would be 200 MB.)
  const bodies = endpoint.method === "GET" || endpoint.method === "DELETE" ? [undefined] : HOSTILE_BODIES.filter((body) => body.length < 100_000);
  // Ids that are not ids, on every route that takes one (with a few malformed bodies besides).
  if (hasId) {
    for (const id of HOSTILE_IDS) {
      for (const body of bodies) {
        requests.push({ method: endpoint.method, path: fillPath(template, world, id) + (query ? `?${query}` : ""), body, contentType: body === undefined ? undefined : "application/json", label: `id ${id.slice(0, 20)}` });
      }
    }
  }
  if (endpoint.method === "GET") {
    for (const q of HOSTILE_QUERIES) requests.push({ method: "GET", path: `${realPath}?${q}`, label: `query ${q.slice(0, 30)}` });
    return requests;
  }
  if (endpoint.method === "DELETE") return requests;
  const isMultipart = endpoint.path.endsWith("/documents") || endpoint.path.endsWith("/import");
  if (isMultipart) {
    const text = "Some text.";
    const forms: [string, FormData | string, string | undefined][] = [
      ["no boundary", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n--x--", "multipart/form-data"],
      ["garbage", "\u0000\u0001garbage", "multipart/form-data; boundary=zz"],
      ["NUL in text", multipart({ title: "NUL", text: "bad\u0000text" }), undefined],
      ["lone surrogate", multipart({ title: "\ud800", text: "text \udfff here" }), undefined],
      ["huge title", multipart({ title: "T".repeat(200_000), text }), undefined],
      ["__proto__ fields", multipart({ ["__proto__"]: "x", constructor: "y", title: "__proto__", text }), undefined],
      ["bad date", multipart({ title: "Date", text, dateText: "2025-02-30", sourceKind: "__proto__" }), undefined],
      ["binary file", multipart({ file: new Blob([new Uint8Array([0, 255, 254, 0, 1])], { type: "text/plain" }) }), undefined],
      ["invalid UTF-8", multipart({ file: new File([new Uint8Array([0x66, 0xff, 0xfe, 0x66])], "a.txt", { type: "text/plain" }) }), undefined],
      ["JSON-LD, NUL quote", multipart({ documentId: world.documentId, file: new File([JSON.stringify({ type: "Annotation", target: { source: "x", selector: { type: "TextQuoteSelector", exact: "a\u0000b" } } })], "a.jsonld") }), undefined],
      ["JSON-LD, lone surrogate", multipart({ documentId: world.documentId, file: new File(['{"type":"Annotation","target":{"source":"x","selector":{"type":"TextQuoteSelector","exact":"\\ud800"}}}'], "a.jsonld") }), undefined],
      ["JSON-LD, huge offsets", multipart({ documentId: world.documentId, file: new File([JSON.stringify({ type: "Annotation", target: { source: "x", selector: { type: "TextPositionSelector", start: 9007199254740991, end: 1e308 } } })], "a.jsonld") }), undefined],
      ["JSON-LD, deep", multipart({ documentId: "__proto__", file: new File(["[".repeat(5000) + "]".repeat(5000)], "a.jsonld") }), undefined],
      ["ZIP, not a zip", multipart({ file: new File([new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xff])], "a.zip", { type: "application/zip" }) }), undefined],
      ["JSON body", '{"title":"x"}', "application/json"],
    ];
    for (const [label, body, contentType] of forms) requests.push({ method: endpoint.method, path: realPath, body, contentType, label });
    return requests;
  }
  for (const body of HOSTILE_BODIES) requests.push({ method: endpoint.method, path: realPath, body, contentType: "application/json", label: `body ${body.slice(0, 20)}` });
  requests.push({ method: endpoint.method, path: realPath, body: "{}", contentType: "text/plain", label: "text/plain" });
  requests.push({ method: endpoint.method, path: realPath, body: "a=1", contentType: "application/x-www-form-urlencoded", label: "form" });
  const fields = validFields(endpoint, world);
  if (!fields) return requests;
  for (const name of Object.keys(fields)) {
    for (const value of HOSTILE_VALUES) {
      const others = JSON.stringify({ ...fields, [name]: undefined }).slice(1, -1);
      requests.push({ method: endpoint.method, path: realPath, body: `{${others}${others ? "," : ""}${JSON.stringify(name)}:${value}}`, contentType: "application/json", label: `${name}=${value.slice(0, 20)}` });
    }
  }
  return requests;
}

export interface SweepResult {
  requests: number;
  serverErrors: number;
  failedToAnswer: number;
  byStatus: Map<number, number>;
  /** 5xx answers by endpoint and kind of input. */
  serverErrorsBy: Map<string, number>;
  examples: string[];
}

/** Sends every hostile request (`concurrency` at a time) and counts the answers. */
export async function runHostileSweep(world: StressWorld, { concurrency = 8 }: { concurrency?: number } = {}): Promise<SweepResult> {
  const queue = hostileRequests(world);
  const result: SweepResult = { requests: 0, serverErrors: 0, failedToAnswer: 0, byStatus: new Map(), serverErrorsBy: new Map(), examples: [] };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      result.requests += 1;
      try {
        const response = await fetch(`${world.baseUrl}${next.path}`, {
          method: next.method,
          headers: { cookie: world.cookie, origin: world.baseUrl, ...(next.contentType ? { "content-type": next.contentType } : {}) },
          body: next.body,
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        result.byStatus.set(response.status, (result.byStatus.get(response.status) ?? 0) + 1);
        if (response.status >= 500) {
          result.serverErrors += 1;
          const group = `${next.endpoint ?? next.method} · ${next.label.split(" ")[0]}`;
          result.serverErrorsBy.set(group, (result.serverErrorsBy.get(group) ?? 0) + 1);
          if (result.examples.length < 12) result.examples.push(`${response.status} ${next.method} ${next.path.slice(0, 80)} (${next.label})`);
        }
      } catch (error) {
        result.failedToAnswer += 1;
        if (result.examples.length < 12) result.examples.push(`no answer: ${next.method} ${next.path.slice(0, 80)} (${next.label}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
