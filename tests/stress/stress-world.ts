// The objects the stress run works on, made through the HTTP API as the demo account, and the
// README's API table as request templates.
import Database from "better-sqlite3";

export interface StressWorld {
  baseUrl: string;
  cookie: string;
  databaseFile: string;
  workspaceId: string;
  /** The seed corpus's documents (read by the load run). */
  seedDocumentIds: string[];
  /** A document of the run's own, which the hostile sweep may change at will. */
  documentId: string;
  revisionId: string;
  text: string;
  annotationId: string;
  otherAnnotationId: string;
  replyId: string;
  linkId: string;
}

export type Body = { kind: "json"; value: unknown } | { kind: "multipart"; fields: Record<string, string | { name: string; type: string; content: string }> } | { kind: "none" };

export function toRequestBody(body: Body): { body?: BodyInit; contentType?: string } {
  if (body.kind === "none") return {};
  if (body.kind === "json") return { body: JSON.stringify(body.value), contentType: "application/json" };
  const form = new FormData();
  for (const [name, value] of Object.entries(body.fields)) {
    if (typeof value === "string") form.set(name, value);
    else form.set(name, new Blob([value.content], { type: value.type }), value.name);
  }
  return { body: form };
}

export async function api(world: Pick<StressWorld, "baseUrl" | "cookie">, method: string, path: string, body: Body = { kind: "none" }): Promise<{ status: number; json: unknown }> {
  const { body: payload, contentType } = toRequestBody(body);
  const response = await fetch(`${world.baseUrl}${path}`, {
    method,
    headers: { cookie: world.cookie, origin: world.baseUrl, ...(contentType ? { "content-type": contentType } : {}) },
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === "object" ? Reflect.get(at, key) : undefined;
  return at;
}

function stringField(value: unknown, ...path: string[]): string {
  const found = field(value, ...path);
  if (typeof found !== "string") throw new Error(`Expected a string at ${path.join(".")} in ${JSON.stringify(value).slice(0, 300)}`);
  return found;
}

/** The current revision and text of a document, as the API gives them. */
export async function currentText(world: Pick<StressWorld, "baseUrl" | "cookie">, documentId: string): Promise<{ revisionId: string; text: string }> {
  const { status, json } = await api(world, "GET", `/api/documents/${documentId}`);
  if (status !== 200) throw new Error(`GET /api/documents/${documentId} answered ${status}`);
  return { revisionId: stringField(json, "document", "revision", "id"), text: stringField(json, "document", "revision", "text") };
}

/** A span of whole words in `text` starting near `from`. */
export function wordSpan(text: string, from: number, words = 2): { start: number; end: number; exact: string } {
  const re = /\p{L}[\p{L}\p{N}'’-]*/gu;
  re.lastIndex = Math.max(0, Math.min(from, text.length - 1));
  let first = re.exec(text);
  if (!first) {
    re.lastIndex = 0;
    first = re.exec(text);
  }
  if (!first) throw new Error("The text has no words.");
  let end = first.index + first[0].length;
  for (let i = 1; i < words; i++) {
    const next = re.exec(text);
    if (!next || next.index - end > 3) break;
    end = next.index + next[0].length;
  }
  return { start: first.index, end, exact: text.slice(first.index, end) };
}

/** The body of a save: a claim on whole words near `at` of `text` (the revision's). */
export function claimBody(revisionId: string, text: string, at: number, note = "") {
  return { revisionId, ...wordSpan(text, at), kind: "CLAIM" as const, note };
}

/** The id of the annotation a save acknowledged (201: `{ annotation: { id } }`), or null. */
export function acknowledgedId(status: number, json: unknown): string | null {
  const id = field(json, "annotation", "id");
  return status === 201 && typeof id === "string" ? id : null;
}

export async function createAnnotation(world: Pick<StressWorld, "baseUrl" | "cookie">, documentId: string, revisionId: string, text: string, at: number, note = ""): Promise<{ status: number; id: string | null }> {
  const { status, json } = await api(world, "POST", `/api/documents/${documentId}/annotations`, { kind: "json", value: claimBody(revisionId, text, at, note) });
  return { status, id: acknowledgedId(status, json) };
}

/** Sets up the run's own document with an annotation, a reply and a link on it. */
export async function buildWorld({ baseUrl, cookie, databaseFile, demoEmail }: { baseUrl: string; cookie: string; databaseFile: string; demoEmail: string }): Promise<StressWorld> {
  const sql = new Database(databaseFile, { readonly: true, fileMustExist: true });
  let workspaceId: string;
  let seedDocumentIds: string[];
  try {
    const workspace = sql.prepare(`SELECT m.workspaceId FROM "Membership" m JOIN "User" u ON u.id = m.userId WHERE u.email = ? ORDER BY m.createdAt LIMIT 1`).pluck().get(demoEmail);
    if (typeof workspace !== "string") throw new Error(`${demoEmail} has no workspace.`);
    workspaceId = workspace;
    seedDocumentIds = sql.prepare(`SELECT id FROM "Document" WHERE workspaceId = ? ORDER BY createdAt`).pluck().all(workspaceId).filter((id): id is string => typeof id === "string");
  } finally {
    sql.close();
  }
  const world = { baseUrl, cookie };
  const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: the delegates of the congress debated the report of the central committee, and the minutes record the vote.`).join("\n\n");
  const created = await api(world, "POST", `/api/workspaces/${workspaceId}/documents`, { kind: "multipart", fields: { title: "Stress run document", text } });
  if (created.status !== 201 && created.status !== 200) throw new Error(`Creating the stress document answered ${created.status}: ${JSON.stringify(created.json).slice(0, 300)}`);
  const documentId = stringField(created.json, "id");
  const current = await currentText(world, documentId);
  const first = await createAnnotation(world, documentId, current.revisionId, current.text, 10);
  const second = await createAnnotation(world, documentId, current.revisionId, current.text, 400);
  if (!first.id || !second.id) throw new Error(`Creating annotations answered ${first.status}, ${second.status}`);
  const reply = await api(world, "POST", `/api/annotations/${first.id}/replies`, { kind: "json", value: { body: "A reply to probe." } });
  const link = await api(world, "POST", "/api/links", { kind: "json", value: { sourceAnnotationId: first.id, targetAnnotationId: second.id, type: "CONTRADICTS" } });
  return {
    baseUrl,
    cookie,
    databaseFile,
    workspaceId,
    seedDocumentIds,
    documentId,
    revisionId: current.revisionId,
    text: current.text,
    annotationId: first.id,
    otherAnnotationId: second.id,
    replyId: stringField(reply.json, "reply", "id"),
    linkId: stringField(link.json, "link", "id"),
  };
}

/** One row of the README's API table: a method and a path with `:name` ids. */
export interface Endpoint {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** A request the server should accept from the app itself (for deletes: on a fresh object). */
  valid: (world: StressWorld) => Promise<{ path: string; body: Body }> | { path: string; body: Body };
}

export function fillPath(template: string, world: StressWorld, override?: string): string {
  const ids: Record<string, string> = {
    workspaceId: world.workspaceId,
    documentId: world.documentId,
    annotationId: world.annotationId,
    replyId: world.replyId,
    linkId: world.linkId,
    revisionId: world.revisionId,
  };
  return template.replace(/:(\w+)/g, (_, name: string) => override ?? ids[name] ?? name);
}

const json = (value: unknown): Body => ({ kind: "json", value });
let sequence = 0;
const unique = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}`;

async function freshAnnotation(world: StressWorld): Promise<string> {
  const made = await createAnnotation(world, world.documentId, world.revisionId, world.text, 200 + (sequence++ % 2000));
  if (!made.id) throw new Error(`Creating an annotation answered ${made.status}`);
  return made.id;
}

export const ENDPOINTS: Endpoint[] = [
  { method: "POST", path: "/api/users", valid: () => ({ path: "/api/users", body: json({ name: "Probe", email: `probe-${unique()}@example.test`, password: "a-long-enough-password" }) }) },
  { method: "GET", path: "/api/workspaces/:workspaceId/documents?sort=title&dir=asc", valid: (w) => ({ path: fillPath("/api/workspaces/:workspaceId/documents?sort=title&dir=asc", w), body: { kind: "none" } }) },
  {
    method: "POST",
    path: "/api/workspaces/:workspaceId/documents",
    valid: (w) => ({ path: fillPath("/api/workspaces/:workspaceId/documents", w), body: { kind: "multipart", fields: { title: `Probe ${unique()}`, text: "A short probe text of a few words." } } }),
  },
  { method: "GET", path: "/api/documents/:documentId", valid: (w) => ({ path: fillPath("/api/documents/:documentId", w), body: { kind: "none" } }) },
  { method: "PATCH", path: "/api/documents/:documentId", valid: (w) => ({ path: fillPath("/api/documents/:documentId", w), body: json({ title: "Stress run document" }) }) },
  {
    method: "DELETE",
    path: "/api/documents/:documentId",
    valid: async (w) => {
      const made = await api(w, "POST", `/api/workspaces/${w.workspaceId}/documents`, { kind: "multipart", fields: { title: `Doomed ${unique()}`, text: "To be deleted." } });
      return { path: `/api/documents/${stringField(made.json, "id")}`, body: { kind: "none" } };
    },
  },
  {
    method: "PUT",
    path: "/api/documents/:documentId/text",
    valid: async (w) => {
      const made = await api(w, "POST", `/api/workspaces/${w.workspaceId}/documents`, { kind: "multipart", fields: { title: `Revised ${unique()}`, text: "The first words." } });
      const id = stringField(made.json, "id");
      const { revisionId } = await currentText(w, id);
      return { path: `/api/documents/${id}/text`, body: json({ baseRevisionId: revisionId, text: "The first words, revised." }) };
    },
  },
  { method: "GET", path: "/api/revisions/:revisionId/text", valid: (w) => ({ path: fillPath("/api/revisions/:revisionId/text", w), body: { kind: "none" } }) },
  { method: "GET", path: "/api/documents/:documentId/annotations", valid: (w) => ({ path: fillPath("/api/documents/:documentId/annotations", w), body: { kind: "none" } }) },
  {
    method: "POST",
    path: "/api/documents/:documentId/annotations",
    valid: (w) => ({ path: fillPath("/api/documents/:documentId/annotations", w), body: json({ revisionId: w.revisionId, ...wordSpan(w.text, 300), kind: "CLAIM" }) }),
  },
  { method: "PATCH", path: "/api/annotations/:annotationId", valid: (w) => ({ path: fillPath("/api/annotations/:annotationId", w), body: json({ note: `probed ${unique()}` }) }) },
  { method: "DELETE", path: "/api/annotations/:annotationId", valid: async (w) => ({ path: `/api/annotations/${await freshAnnotation(w)}`, body: { kind: "none" } }) },
  {
    method: "POST",
    path: "/api/annotations/:annotationId/reattach",
    valid: (w) => ({ path: fillPath("/api/annotations/:annotationId/reattach", w), body: json({ revisionId: w.revisionId, ...wordSpan(w.text, 500) }) }),
  },
  { method: "GET", path: "/api/annotations/:annotationId/note", valid: (w) => ({ path: fillPath("/api/annotations/:annotationId/note", w), body: { kind: "none" } }) },
  { method: "GET", path: "/api/annotations/:annotationId/replies", valid: (w) => ({ path: fillPath("/api/annotations/:annotationId/replies", w), body: { kind: "none" } }) },
  { method: "POST", path: "/api/annotations/:annotationId/replies", valid: (w) => ({ path: fillPath("/api/annotations/:annotationId/replies", w), body: json({ body: "A probing reply." }) }) },
  {
    method: "DELETE",
    path: "/api/replies/:replyId",
    valid: async (w) => {
      const made = await api(w, "POST", `/api/annotations/${w.annotationId}/replies`, { kind: "json", value: { body: "Doomed reply." } });
      return { path: `/api/replies/${stringField(made.json, "reply", "id")}`, body: { kind: "none" } };
    },
  },
  { method: "GET", path: "/api/workspaces/:workspaceId/tags", valid: (w) => ({ path: fillPath("/api/workspaces/:workspaceId/tags", w), body: { kind: "none" } }) },
  { method: "POST", path: "/api/workspaces/:workspaceId/tags", valid: (w) => ({ path: fillPath("/api/workspaces/:workspaceId/tags", w), body: json({ name: `Probe tag ${unique()}` }) }) },
  {
    method: "POST",
    path: "/api/links",
    valid: async (w) => ({ path: "/api/links", body: json({ sourceAnnotationId: await freshAnnotation(w), targetAnnotationId: w.otherAnnotationId, type: "CORROBORATES" }) }),
  },
  {
    method: "DELETE",
    path: "/api/links/:linkId",
    valid: async (w) => {
      const made = await api(w, "POST", "/api/links", { kind: "json", value: { sourceAnnotationId: await freshAnnotation(w), targetAnnotationId: w.otherAnnotationId, type: "RESPONDS_TO" } });
      return { path: `/api/links/${stringField(made.json, "link", "id")}`, body: { kind: "none" } };
    },
  },
  { method: "PUT", path: "/api/links/:linkId/verdict", valid: (w) => ({ path: fillPath("/api/links/:linkId/verdict", w), body: json({ verdict: "BOTH_WRONG", rationale: "probe" }) }) },
  { method: "GET", path: "/api/documents/:documentId/links", valid: (w) => ({ path: fillPath("/api/documents/:documentId/links", w), body: { kind: "none" } }) },
  { method: "GET", path: "/api/documents/:documentId/reliability", valid: (w) => ({ path: fillPath("/api/documents/:documentId/reliability", w), body: { kind: "none" } }) },
  { method: "PUT", path: "/api/documents/:documentId/reliability", valid: (w) => ({ path: fillPath("/api/documents/:documentId/reliability", w), body: json({ rating: 3, reason: "probe" }) }) },
  { method: "GET", path: "/api/workspaces/:workspaceId/export?format=csv", valid: (w) => ({ path: fillPath("/api/workspaces/:workspaceId/export?format=csv", w), body: { kind: "none" } }) },
  {
    method: "POST",
    path: "/api/workspaces/:workspaceId/import",
    valid: (w) => ({
      path: fillPath("/api/workspaces/:workspaceId/import", w),
      body: {
        kind: "multipart",
        fields: {
          documentId: w.documentId,
          file: {
            name: "probe.jsonld",
            type: "application/ld+json",
            content: JSON.stringify({
              "@context": "http://www.w3.org/ns/anno.jsonld",
              type: "Annotation",
              motivation: "commenting",
              body: { type: "TextualBody", value: "imported probe" },
              target: { source: "urn:probe", selector: { type: "TextQuoteSelector", exact: wordSpan(w.text, 700).exact } },
            }),
          },
        },
      },
    }),
  },
];

export const isWrite = (endpoint: Endpoint) => endpoint.method !== "GET";
