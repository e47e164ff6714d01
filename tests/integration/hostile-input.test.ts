import fs from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { streamExport } from "@/lib/export/export-stream";
import { openExportReader } from "@/lib/export/read-export-set";
import { GET as exportRoute } from "@/app/api/workspaces/[workspaceId]/export/route";
import { POST as importRoute } from "@/app/api/workspaces/[workspaceId]/import/route";
import { PUT as saveTextRoute } from "@/app/api/documents/[documentId]/text/route";
import { proxy } from "@/proxy";
import { createTestDocument, createTestUser, createTestWorkspace, currentRevision, TEST_PASSWORD } from "@/tests/factories";
import { CookieJar, routeParams, signIn, siteRequest } from "./http-harness";

const db = getDb();
const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir = path.join(root, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" && !full.includes("nextauth") ? [full] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What Next hands a handler for an id segment, once decoded: none of these can be an id. */
const BAD_IDS = ["\uFFFD\uFFFD", "\uD800", "a".repeat(2000), "../../etc/passwd", "%", "x y", "\u0000", "'; DROP TABLE User; --", "ﾠ", "__proto__x.y"];

describe("no 500 from any input", () => {
  let user: SessionUser;
  let jar: CookieJar;
  let workspaceId: string;
  let documentId: string;

  beforeAll(async () => {
    user = await createTestUser(db);
    workspaceId = (await createTestWorkspace(db, user)).id;
    documentId = (await createTestDocument(db, user, workspaceId, { title: "Pravda, 19 December 1925", text: "The congress opened on 18 December 1925." })).id;
    jar = await signIn(user.email, TEST_PASSWORD);
  });

  it("malformed percent-encoding in a path is answered 404 by the proxy: JSON for the API, the not-found page otherwise", async () => {
    for (const segment of ["%FF%FE", "%ED%A0%80", "%E0%A4%A", "%"]) {
      for (const route of ["/api/documents/", "/api/annotations/", "/api/links/", "/api/replies/", "/api/workspaces/"]) {
        const response = proxy(new NextRequest(`http://localhost:3000${route}${segment}/x`));
        expect(response.status, route + segment).toBe(404);
        expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
      }
      for (const page of ["/documents/", "/w/", "/compare/"]) {
        const response = proxy(new NextRequest(`http://localhost:3000${page}${segment}`));
        // A rewrite to a path no route has: Next renders the not-found page with status 404.
        expect(response.headers.get("x-middleware-rewrite"), page + segment).toBe("http://localhost:3000/_malformed-address");
      }
    }
    // Well-formed paths pass through (a signed-out visitor of a page is sent to sign in).
    expect(proxy(new NextRequest("http://localhost:3000/api/documents/abc")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(new NextRequest("http://localhost:3000/documents/abc")).status).toBe(307);
  });

  it("every route handler answers an id of the wrong shape with a 4xx JSON error, never 5xx", async () => {
    const files = routeFiles();
    let tried = 0;
    for (const file of files) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const handler = exports[method] as Handler | undefined;
        if (!handler) continue;
        for (const bad of BAD_IDS) {
          const params = { documentId: bad, annotationId: bad, linkId: bad, replyId: bad, workspaceId: bad };
          const request = siteRequest("/api/x", { method, jar, ...(method === "GET" ? {} : { json: { text: "x", body: "x" } }) });
          const response = await handler(request, { params: Promise.resolve(params) });
          const where = `${method} ${path.relative(root, file)} with ${JSON.stringify(bad.slice(0, 20))}`;
          expect(response.status, where).toBeGreaterThanOrEqual(400);
          expect(response.status, where).toBeLessThan(500);
          expect(response.headers.get("content-type"), where).toMatch(/application\/json/);
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThan(200);
  });

  it("every write handler answers hostile JSON bodies (huge numbers, wrong types, NUL, lone surrogates, __proto__) with a 4xx, never 5xx", async () => {
    const revision = await currentRevision(db, documentId);
    const annotation = await db.annotation.create({
      data: { workspaceId, documentId, authorId: user.id, madeOnRevisionId: revision.id, anchorRevisionId: revision.id, start: 4, end: 12, exact: "congress", kind: "CLAIM" },
    });
    const ids = { documentId, annotationId: annotation.id, linkId: "cl0000000000000000000000", replyId: "cl0000000000000000000000", workspaceId };
    const huge = 9007199254740991;
    const bodies: unknown[] = [
      { revisionId: revision.id, start: huge, end: huge + 1, exact: "congress", kind: "CLAIM" },
      { revisionId: revision.id, start: -1, end: 1e308, exact: "congress", kind: "CLAIM", confidence: 1e20 },
      { revisionId: revision.id, start: 4, end: 12, exact: "congress", kind: "CLAIM", confidence: -5, note: "\u0000" },
      { baseRevisionId: revision.id, text: "x\u0000y" },
      { baseRevisionId: huge, text: 12 },
      { rating: 1e308, reason: "r" },
      { rating: 3.5, reason: "\uD800" },
      { verdict: ["CORROBORATED"], rationale: { a: 1 } },
      { sourceAnnotationId: annotation.id, targetAnnotationId: huge, type: "CONTRADICTS" },
      { body: "\uDC00" },
      { name: "x".repeat(100_000) },
      JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
      [1, 2, 3],
      "a string",
      null,
    ];
    let tried = 0;
    for (const file of routeFiles()) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const method of ["POST", "PUT", "PATCH"]) {
        const handler = exports[method] as Handler | undefined;
        if (!handler || file.includes("import") || file.includes(`workspaces${path.sep}[workspaceId]${path.sep}documents`)) continue;
        for (const body of bodies) {
          const response = await handler(siteRequest("/api/x", { method, jar, json: body }), { params: Promise.resolve(ids) });
          const where = `${method} ${path.relative(root, file)} with ${JSON.stringify(body)?.slice(0, 80)}`;
          expect(response.status, where).toBeLessThan(500);
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(await db.documentRevision.count({ where: { documentId } })).toBe(1);
  });

  it("refuses impossible export dates (2025-02-30 is not 2 March) with 422", async () => {
    for (const [from, to] of [["2025-02-30", ""], ["2025-13-01", ""], ["2025-04-31", ""], ["", "2024-02-30"], ["2025-00-10", ""]]) {
      const query = new URLSearchParams({ format: "csv", ...(from && { from }), ...(to && { to }) });
      const response = await exportRoute(siteRequest(`/api/workspaces/${workspaceId}/export?${query}`, { jar }), routeParams({ workspaceId }));
      expect(response.status, `${from}/${to}`).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "That is not a calendar date." } });
    }
    const leap = await exportRoute(siteRequest(`/api/workspaces/${workspaceId}/export?format=csv&from=2024-02-29`, { jar }), routeParams({ workspaceId }));
    expect(leap.status).toBe(200);
    await leap.body?.cancel();
  });

  describe("import applies the text rules of paste and bounds every number", () => {
    let bundle: Record<string, Uint8Array>;

    beforeAll(async () => {
      const reader = openExportReader({ userId: user.id, workspaceId, selection: { documentIds: [documentId] } });
      const { body } = streamExport(reader, "bundle", { baseUrl: "https://workbench.test", now: new Date() });
      bundle = unzipSync(new Uint8Array(await new Response(body).arrayBuffer()));
      const revision = await currentRevision(db, documentId);
      // One annotation in the bundle, so quotes and notes travel too.
      const annotation = {
        id: "a-1", documentId, start: 4, end: 12, exact: "congress", prefix: "The ", suffix: " opened", kind: "CLAIM", technique: null, verdict: "DISPUTED",
        confidence: 40, note: "A note.", visibility: "WORKSPACE", tags: [], author: { id: user.id, name: user.name }, creditedTo: null, anchorStatus: "ANCHORED",
        createdAt: "2025-12-01T10:00:00.000Z", updatedAt: "2025-12-01T10:00:00.000Z", replies: [],
      };
      expect(revision.text.slice(4, 12)).toBe("congress");
      bundle["annotations.jsonl"] = strToU8(JSON.stringify(annotation) + "\n");
    });

    /** The bundle with one record of one file changed. */
    function edited(file: "documents.jsonl" | "annotations.jsonl", change: (record: Record<string, unknown>) => void): Uint8Array {
      const record = JSON.parse(strFromU8(bundle[file]!).trim().split("\n")[0]!) as Record<string, unknown>;
      change(record);
      return zipSync({ ...bundle, [file]: strToU8(JSON.stringify(record) + "\n") });
    }

    async function importThroughRoute(bytes: Uint8Array) {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], "bundle.zip", { type: "application/zip" }));
      const encoded = new Response(form);
      const request = siteRequest(`/api/workspaces/${workspaceId}/import`, { method: "POST", jar, body: await encoded.arrayBuffer(), headers: { "content-type": encoded.headers.get("content-type")! } });
      const response = await importRoute(request, routeParams({ workspaceId }));
      return { status: response.status, body: (await response.json()) as { error?: { details?: string[] }; report?: { documentsCreated: { id: string }[] } } };
    }

    it("imports the untouched bundle (the control), and the imported document can still be saved", async () => {
      const answer = await importThroughRoute(zipSync(bundle));
      expect(answer.status).toBe(201);
      const imported = answer.body.report!.documentsCreated[0]!.id;
      const revision = await currentRevision(db, imported);
      await reviseDocumentText(db, { actor: user, documentId: imported, input: { baseRevisionId: revision.id, text: revision.text + " It closed on 31 December." } });
    });

    it.each([
      ["a revision number of 2^53 − 1", "documents.jsonl", (r: Record<string, unknown>): void => void (r.revisionNumber = 9007199254740991), /revision number \(9007199254740991\)/],
      ["a revision number past the database's integers", "documents.jsonl", (r: Record<string, unknown>): void => void (r.revisionNumber = 2 ** 31), /revision number/],
      ["a text holding NUL", "documents.jsonl", (r: Record<string, unknown>): void => void (r.text = "The congress\u0000 opened on 18 December 1925."), /control characters/],
      ["a title holding a control character", "documents.jsonl", (r: Record<string, unknown>): void => void (r.title = "Pravda\u0007"), /control characters/],
      ["a quote with a lone surrogate", "annotations.jsonl", (r: Record<string, unknown>): void => void (r.exact = "congress\uD800"), /lone surrogate/],
      ["a note with a lone low surrogate", "annotations.jsonl", (r: Record<string, unknown>): void => void (r.note = "\uDC00 note"), /lone surrogate/],
      ["a date in the year 200000", "annotations.jsonl", (r: Record<string, unknown>): void => void (r.createdAt = "+200000-01-01T00:00:00.000Z"), /out of range/],
    ] as const)("refuses %s with 422, naming it, and writes nothing", async (_name, file, change, message) => {
      const documents = await db.document.count({ where: { workspaceId } });
      const answer = await importThroughRoute(edited(file, change));
      expect(answer.status).toBe(422);
      expect(answer.body.error?.details?.join("\n")).toMatch(message);
      expect(await db.document.count({ where: { workspaceId } })).toBe(documents);
    });
  });

  it("annotation notes and replies follow the same text rule: NUL and lone surrogates are refused with 422", async () => {
    const { POST: createAnnotationRoute } = await import("@/app/api/documents/[documentId]/annotations/route");
    const revision = await currentRevision(db, documentId);
    for (const note of ["a\u0000b", "half \uD800 a pair"]) {
      const response = await createAnnotationRoute(
        siteRequest(`/api/documents/${documentId}/annotations`, { method: "POST", jar, json: { revisionId: revision.id, start: 4, end: 12, exact: "congress", kind: "CLAIM", note } }),
        routeParams({ documentId }),
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { fieldErrors: { note: expect.any(String) } } });
    }
  });

  it("a text save with a lone surrogate (JSON can carry one) is refused, not stored as broken UTF-8", async () => {
    const revision = await currentRevision(db, documentId);
    const request = siteRequest(`/api/documents/${documentId}/text`, { method: "PUT", jar, json: { baseRevisionId: revision.id, text: "The congress \uD800 opened." } });
    const response = await saveTextRoute(request, routeParams({ documentId }));
    expect(response.status).toBe(422);
    expect((await currentRevision(db, documentId)).id).toBe(revision.id);
  });
});
