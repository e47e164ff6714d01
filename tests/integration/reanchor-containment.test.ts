import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAnnotationsRoute } from "@/app/api/documents/[documentId]/annotations/route";
import { PUT as reviseTextRoute } from "@/app/api/documents/[documentId]/text/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { normaliseDocumentText } from "@/lib/documents/read-document-text";
import { createTestDocument, createTestUser, createTestWorkspace, currentRevision, TEST_PASSWORD } from "@/tests/factories";
import { createRng, type Rng } from "../bench/prng";
import { type CookieJar, routeParams, signIn, siteRequest } from "./http-harness";

/**
 * Issue 16 end to end: random seeded revisions of a document in English, Russian and astral script
 * (insertions, deletions, replacements, a paragraph moved), each saved through the real
 * `PUT /api/documents/:id/text` handler as a signed-in editor, and every annotation read back through
 * `GET /api/documents/:id/annotations` must lie within its old span ∪ the edited region.
 */

const db = getDb();

interface ApiAnnotation {
  id: string;
  start: number;
  end: number;
  exact: string;
  anchorStatus: "ANCHORED" | "ORPHANED";
}

// --- The document and its random revisions ---------------------------------------------------------

const PARAGRAPHS = [
  "The 14th congress of the All-Union Communist Party (Bolsheviks) opened on 18 December 1925 in the Andreevsky Hall of the Great Kremlin Palace.",
  "XIV съезд ВКП(б) проходил в Москве с 18 по 31 декабря 1925 года. На съезде присутствовали 665 делегатов с решающим голосом.",
  "It went down in history as the congress of industrialisation 𝔄: the decision made there began turning the USSR into an industrial country.",
  "The “new opposition” of Zinoviev and Kamenev demanded a co-report; the delegates from Leningrad stood with them, the rest did not. 𝔅𝔇",
  "Сталин в политическом отчёте говорил о «построении социализма в одной стране», а Зиновьев — о государственном капитализме. 📜",
  "Question: Is the Central Committee's position approved by the party? Answer: more than 90% of the members approve it.",
  "The congress renamed the party from the Russian to the All-Union Communist Party (Bolsheviks), in keeping with the new Union state.",
  "Бухарин защищал курс на союз с середняком; оппозиция называла его политику уступкой кулаку. 𝔖𝔗 — так писали газеты.",
];
const INSERTS = ["the ", "Lenin ", "Сталин ", "съезд ", "“NEP” ", "𝔄", "📜 ", "of the ", "и ", "о", "е", "x", ", ", "1925 ", "—"];

const isLowSurrogate = (text: string, at: number) => at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(at)) && /[\uD800-\uDBFF]/.test(text.charAt(at - 1));
const whole = (text: string, at: number) => (isLowSurrogate(text, at) ? at - 1 : at);

interface Edit {
  kind: "insert" | "delete" | "replace" | "move";
  text: string;
  /** The edit as old [p, q) → new [p, p + insertedLength). */
  p: number;
  q: number;
  insertedLength: number;
}

/** One random revision, placed near an annotation most of the time; null when it would not survive normalisation. */
function randomEdit(rng: Rng, old: string, near: ApiAnnotation[]): Edit | null {
  const target = near.length > 0 && rng.next() < 0.7 ? rng.pick(near) : undefined;
  const at = whole(old, Math.min(old.length, Math.max(0, target ? (rng.next() < 0.5 ? target.start : target.end) + rng.int(-12, 12) : rng.int(0, old.length))));
  const inserted = () => Array.from({ length: rng.int(1, 4) }, () => rng.pick(INSERTS)).join("");
  const kind = rng.pick(["insert", "delete", "replace", "replace", "delete", "move"] as const);
  let edit: Edit;
  if (kind === "move") {
    const paragraphs = old.split("\n\n");
    const from = rng.int(0, paragraphs.length - 1);
    const to = rng.int(0, paragraphs.length - 1);
    if (from === to) return null;
    const moved = [...paragraphs];
    const [paragraph] = moved.splice(from, 1);
    moved.splice(to, 0, paragraph ?? "");
    const offsetOf = (index: number) => paragraphs.slice(0, index).reduce((sum, p) => sum + p.length + 2, 0);
    const first = Math.min(from, to);
    const last = Math.max(from, to);
    const p = offsetOf(first);
    const q = offsetOf(last) + (paragraphs[last]?.length ?? 0);
    edit = { kind, text: moved.join("\n\n"), p, q, insertedLength: q - p };
  } else {
    const q = kind === "insert" ? at : whole(old, Math.min(old.length, at + rng.int(1, 40)));
    const added = kind === "delete" ? "" : inserted();
    edit = { kind, text: old.slice(0, at) + added + old.slice(q), p: at, q, insertedLength: added.length };
  }
  if (edit.text === old) return null;
  try {
    return normaliseDocumentText(edit.text) === edit.text ? edit : null;
  } catch {
    return null;
  }
}

/** Where an annotation may lie after the edit: its old span ∪ the edited region, mapped through it. */
function allowedSpan(s: number, e: number, p: number, q: number, insertedLength: number) {
  const delta = insertedLength - (q - p);
  if (p > e || q < s) return { lo: s >= q ? s + delta : s, hi: e >= q ? e + delta : e };
  return { lo: Math.min(s, p), hi: e >= q ? e + delta : p + insertedLength };
}

/** The same change read between the two texts' common start and end (how the server sees it). */
function shortestReading(old: string, next: string) {
  let p = 0;
  while (p < old.length && p < next.length && old[p] === next[p]) p += 1;
  let suffix = 0;
  while (suffix < Math.min(old.length, next.length) - p && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix += 1;
  return { p, q: old.length - suffix, insertedLength: next.length - suffix - p };
}

const SEEDS = [16, 1925];
const REVISIONS = 40;
const ANNOTATIONS = 40;

describe("revising a text through PUT /api/documents/:id/text", () => {
  let editor: SessionUser;
  let jar: CookieJar;
  const totals = { revisions: 0, checks: 0, orphans: 0, followed: 0 };

  beforeAll(async () => {
    editor = await createTestUser(db);
    jar = await signIn(editor.email, TEST_PASSWORD);
  });

  afterAll(() => {
    console.log(`reanchor containment through the API: ${totals.revisions} revisions, ${totals.checks} checks, ${totals.orphans} orphans, ${totals.followed} followed an edit inside them; seeds ${SEEDS.join(", ")}`);
  });

  for (const seed of SEEDS) {
    it(`never widens an annotation into words it did not cover (seed ${seed})`, async () => {
      const rng = createRng(seed);
      const workspaceId = (await createTestWorkspace(db, editor)).id;
      const documentId = (await createTestDocument(db, editor, workspaceId, { text: PARAGRAPHS.join("\n\n") })).id;
      const start = await currentRevision(db, documentId);
      // 40 annotations on whole words within a paragraph, some overlapping.
      const wordStarts = [...start.text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)].map((m) => m.index);
      const wordEnds = [...start.text.matchAll(/[\p{L}\p{N}](?![\p{L}\p{N}])/gu)].map((m) => m.index + m[0].length);
      for (let made = 0; made < ANNOTATIONS; ) {
        const from = rng.pick(wordStarts);
        const to = wordEnds.find((end) => end > from + rng.int(8, 90)) ?? start.text.length;
        if (start.text.slice(from, to).includes("\n")) continue;
        await createAnnotation(db, { actor: editor, documentId, input: { revisionId: start.id, start: from, end: to, exact: start.text.slice(from, to), kind: "CLAIM" } });
        made += 1;
      }

      const read = async () => {
        const response = await listAnnotationsRoute(siteRequest(`/api/documents/${documentId}/annotations`, { jar }), routeParams({ documentId }));
        expect(response.status).toBe(200);
        return ((await response.json()) as { annotations: ApiAnnotation[] }).annotations;
      };

      let text = start.text;
      let revisionId = start.id;
      let annotations = await read();
      expect(annotations.filter((a) => a.anchorStatus === "ANCHORED")).toHaveLength(ANNOTATIONS);
      for (let revision = 0; revision < REVISIONS; ) {
        const anchored = annotations.filter((a) => a.anchorStatus === "ANCHORED");
        const edit = randomEdit(rng, text, anchored);
        if (!edit) continue;
        revision += 1;

        const response = await reviseTextRoute(
          siteRequest(`/api/documents/${documentId}/text`, { method: "PUT", jar, json: { baseRevisionId: revisionId, text: edit.text } }),
          routeParams({ documentId }),
        );
        expect(response.status).toBe(200);
        const answer = (await response.json()) as { revisionId: string; counts: Record<"exact" | "moved" | "fuzzy" | "orphaned", number> };
        totals.revisions += 1;

        const after = new Map((await read()).map((a) => [a.id, a]));
        const shortest = shortestReading(text, edit.text);
        let orphaned = 0;
        for (const before of anchored) {
          const now = after.get(before.id);
          expect(now).toBeDefined();
          if (!now) continue;
          totals.checks += 1;
          if (now.anchorStatus === "ORPHANED") {
            orphaned += 1;
            continue;
          }
          // What the API answers reads its quote in the new text …
          expect(edit.text.slice(now.start, now.end)).toBe(now.exact);
          // … and lies within the old span ∪ the edited region (read as made, or as the server reads it).
          const within = (w: { lo: number; hi: number }) => now.start >= w.lo && now.end <= w.hi;
          const inside =
            within(allowedSpan(before.start, before.end, edit.p, edit.q, edit.insertedLength)) || within(allowedSpan(before.start, before.end, shortest.p, shortest.q, shortest.insertedLength));
          expect({ kind: edit.kind, was: before.exact, now: now.exact, inside }).toEqual({ kind: edit.kind, was: before.exact, now: now.exact, inside: true });
          const touched = edit.p === edit.q ? edit.p > before.start && edit.p < before.end : edit.p < before.end && edit.q > before.start;
          if (touched) totals.followed += 1;
        }
        totals.orphans += orphaned;
        expect(answer.counts.orphaned).toBe(orphaned);
        text = edit.text;
        revisionId = answer.revisionId;
        annotations = [...after.values()];
      }
    }, 120_000);
  }
});
