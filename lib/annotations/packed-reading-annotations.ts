import type { ReadingAnnotation } from "./annotation-view";

type Named = [id: string, name: string];
type Coloured = [id: string, name: string, colour: string];

type PackedRow = [
  id: string,
  anchorStatus: ReadingAnnotation["anchorStatus"],
  start: number,
  end: number,
  /** null when the quote is the text at start–end (every anchored annotation): the reader slices it. */
  exact: string | null,
  kind: ReadingAnnotation["kind"],
  /** Index into `techniques`, or -1. */
  technique: number,
  verdict: ReadingAnnotation["verdict"],
  confidence: number | null,
  note: string,
  visibility: ReadingAnnotation["visibility"],
  /** Index into `people`. */
  author: number,
  creditedTo: string | null,
  /** Indexes into `tags`. */
  tags: number[],
  replyCount: number,
  /** Milliseconds since the epoch; updated as an offset from created (0: never edited). */
  createdAt: number,
  updatedAfter: number,
  /** 1 when `note` is only the opening of a longer note (NOTE_OPENING_CHARS), 0 when it is whole. */
  noteCut: 0 | 1,
];

/** How much of a note the page sends; the rest comes with `GET /api/annotations/:id/note`. */
export const NOTE_OPENING_CHARS = 280;

/** A note's opening, cut so no UTF-16 surrogate pair is split; the note itself when short. */
export function noteOpening(note: string): string {
  if (note.length <= NOTE_OPENING_CHARS) return note;
  const high = note.charCodeAt(NOTE_OPENING_CHARS - 1);
  return note.slice(0, high >= 0xd800 && high <= 0xdbff ? NOTE_OPENING_CHARS - 1 : NOTE_OPENING_CHARS);
}

/**
 * A document's annotations as the page sends them to the reading view: rows of values instead of
 * objects with repeated keys, each person, technique and tag once, dates as numbers, no quote
 * where the text already holds it, and only the opening of a long note (a class writing pages of
 * notes must not make every reader's page carry them all). For 5,000 annotations this is about a third of the JSON of the
 * objects, and the page's HTML (which carries it inline) shrinks by as much.
 */
export interface PackedReadingAnnotations {
  people: Named[];
  techniques: Coloured[];
  tags: Coloured[];
  rows: PackedRow[];
}

function indexer<T extends { id: string }, R>(toRow: (item: T) => R) {
  const rows: R[] = [];
  const index = new Map<string, number>();
  return {
    rows,
    indexOf(item: T): number {
      let at = index.get(item.id);
      if (at === undefined) {
        at = rows.length;
        index.set(item.id, at);
        rows.push(toRow(item));
      }
      return at;
    },
  };
}

/** Packs annotations on `text` (the revision they are anchored to). */
export function packReadingAnnotations(annotations: readonly ReadingAnnotation[], text: string): PackedReadingAnnotations {
  const people = indexer((p: { id: string; name: string }): Named => [p.id, p.name]);
  const techniques = indexer((t: { id: string; name: string; colour: string }): Coloured => [t.id, t.name, t.colour]);
  const tags = indexer((t: { id: string; name: string; colour: string }): Coloured => [t.id, t.name, t.colour]);
  const rows = annotations.map((a): PackedRow => {
    const created = Date.parse(a.createdAt);
    return [
      a.id,
      a.anchorStatus,
      a.start,
      a.end,
      a.anchorStatus === "ANCHORED" && text.slice(a.start, a.end) === a.exact ? null : a.exact,
      a.kind,
      a.technique ? techniques.indexOf(a.technique) : -1,
      a.verdict,
      a.confidence,
      noteOpening(a.note),
      a.visibility,
      people.indexOf(a.author),
      a.creditedTo,
      a.tags.map((tag) => tags.indexOf(tag)),
      a.replyCount,
      created,
      Date.parse(a.updatedAt) - created,
      a.note.length > NOTE_OPENING_CHARS ? 1 : 0,
    ];
  });
  return { people: people.rows, techniques: techniques.rows, tags: tags.rows, rows };
}

/** The annotations back, as the reading view holds them. */
export function unpackReadingAnnotations(packed: PackedReadingAnnotations, text: string): ReadingAnnotation[] {
  const people = packed.people.map(([id, name]) => ({ id, name }));
  const techniques = packed.techniques.map(([id, name, colour]) => ({ id, name, colour }));
  const tags = packed.tags.map(([id, name, colour]) => ({ id, name, colour }));
  return packed.rows.map(([id, anchorStatus, start, end, exact, kind, technique, verdict, confidence, note, visibility, author, creditedTo, tagIndexes, replyCount, createdAt, updatedAfter, noteCut]) => {
    const person = people[author];
    if (!person) throw new RangeError(`Annotation ${id} names author ${author}, which the packed set does not hold.`);
    const created = new Date(createdAt).toISOString();
    const annotation: ReadingAnnotation = {
      id,
      anchorStatus,
      start,
      end,
      exact: exact ?? text.slice(start, end),
      kind,
      technique: techniques[technique] ?? null,
      verdict,
      confidence,
      note,
      visibility,
      author: person,
      creditedTo,
      tags: tagIndexes.length === 0 ? [] : tagIndexes.flatMap((i) => tags[i] ?? []),
      replyCount,
      createdAt: created,
      updatedAt: updatedAfter === 0 ? created : new Date(createdAt + updatedAfter).toISOString(),
    };
    // Set afterwards, not spread into the literal: a spread makes each of thousands of objects slower to build.
    if (noteCut === 1) annotation.noteIsOpening = true;
    return annotation;
  });
}

/**
 * The packed set as one JSON string, the form the page hands the reading view: React's server
 * payload carries a string as it is, where it would walk every value of the rows (and the browser
 * would revive each) — tens of thousands for a long source.
 */
export type PackedReadingAnnotationsJson = string & { readonly __packedReadingAnnotations: true };

export function toPackedJson(annotations: readonly ReadingAnnotation[], text: string): PackedReadingAnnotationsJson {
  return JSON.stringify(packReadingAnnotations(annotations, text)) as PackedReadingAnnotationsJson;
}

export function fromPackedJson(json: PackedReadingAnnotationsJson, text: string): ReadingAnnotation[] {
  return unpackReadingAnnotations(JSON.parse(json) as PackedReadingAnnotations, text);
}
