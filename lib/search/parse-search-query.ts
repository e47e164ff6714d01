import { foldSearchText } from "./fold-search-text";

/**
 * The query language a historian types, translated into an FTS5 MATCH expression:
 *
 *   famine 1921          both words (anywhere in the same block, annotation, reply or link)
 *   "settling accounts"  the exact phrase
 *   industrial*          words starting with "industrial"
 *   Zinoviev OR Kamenev  either
 *   -Trotsky, NOT Trotsky  without that word (or "-"exact phrase"")
 *   Zinoviev NEAR Kamenev, Zinoviev NEAR/5 Kamenev, NEAR(Zinoviev Kamenev, 5)
 *                        both within 10 (or 5) words of each other
 *
 * Every word and phrase reaches FTS5 as a quoted string, so nothing a user types (unbalanced
 * quotes, a bare `*`, column filters such as `body:x`, `^`, brackets) can make a syntax error:
 * what is not one of the forms above is read as plain words.
 */
export interface ParsedSearchQuery {
  /** The FTS5 expression, or null when nothing is left to search for. */
  match: string | null;
  /** Why there is nothing to search for, in words for the reader; null when `match` is set. */
  problem: string | null;
  /** The words and phrases searched for, for display ("famine", "settling accounts", "industrial*"). */
  terms: string[];
}

export const MAX_QUERY_LENGTH = 500;
/** More terms than this make a slow query and no better answer; the rest are ignored. */
const MAX_TERMS = 24;
const DEFAULT_NEAR_DISTANCE = 10;
const MAX_NEAR_DISTANCE = 100;

interface Term {
  /** The words, as typed. */
  text: string;
  prefix: boolean;
}

type Item =
  | { type: "term"; term: Term; negated: boolean }
  | { type: "near"; terms: Term[]; distance: number; negated: boolean }
  | { type: "or" }
  | { type: "near-operator"; distance: number };

/** FTS5's unicode61 tokenizer makes tokens of letters, numbers and private-use characters only. */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

function hasToken(text: string): boolean {
  return TOKEN_CHARACTER.test(text);
}

function quote(term: Term): string {
  return `"${foldSearchText(term.text).replace(/"/g, '""')}"${term.prefix ? "*" : ""}`;
}

function display(term: Term): string {
  return term.prefix ? `${term.text}*` : term.text;
}

/** A bare word as typed: a trailing `*` makes it a prefix; other punctuation is left to the tokenizer. */
function wordTerm(raw: string): Term | null {
  const prefix = /[\p{L}\p{N}\p{Co}]\*+$/u.test(raw);
  const text = raw.replace(/\*+$/, "");
  return hasToken(text) ? { text, prefix } : null;
}

function clampDistance(text: string | undefined): number {
  const value = text === undefined ? DEFAULT_NEAR_DISTANCE : Number.parseInt(text, 10);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), MAX_NEAR_DISTANCE) : DEFAULT_NEAR_DISTANCE;
}

function scan(query: string): Item[] {
  const items: Item[] = [];
  let index = 0;
  let negateNext = false;
  const push = (item: Item) => {
    if (item.type === "term" || item.type === "near") item.negated = negateNext;
    negateNext = false;
    items.push(item);
  };
  while (index < query.length) {
    const rest = query.slice(index);
    const space = /^[\s()]+/u.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    const near = /^NEAR\(([^()"]*)\)/.exec(rest);
    if (near) {
      const [words, distance] = near[1]!.split(",", 2);
      const terms = (words ?? "").split(/\s+/).map(wordTerm).filter((term): term is Term => term !== null);
      if (terms.length > 0) push({ type: "near", terms, distance: clampDistance(distance?.trim()), negated: false });
      index += near[0].length;
      continue;
    }
    if (rest.startsWith('"') || rest.startsWith('-"')) {
      const open = rest.indexOf('"');
      const close = rest.indexOf('"', open + 1);
      if (close === -1) {
        // An unbalanced quote: the rest is plain words.
        index += open + 1;
        continue;
      }
      if (open === 1) negateNext = true;
      const text = rest.slice(open + 1, close);
      const prefix = rest[close + 1] === "*";
      if (hasToken(text)) push({ type: "term", term: { text, prefix }, negated: false });
      else negateNext = false;
      index += close + 1 + (prefix ? 1 : 0);
      continue;
    }
    const word = /^[^\s"()]+/u.exec(rest)![0];
    index += word.length;
    if (word === "OR") {
      items.push({ type: "or" });
      continue;
    }
    if (word === "AND") continue;
    if (word === "NOT") {
      negateNext = true;
      continue;
    }
    const nearOperator = /^NEAR(?:\/(\d{1,3}))?$/.exec(word);
    if (nearOperator) {
      items.push({ type: "near-operator", distance: clampDistance(nearOperator[1]) });
      continue;
    }
    const negated = word.startsWith("-");
    const term = wordTerm(negated ? word.replace(/^-+/, "") : word);
    if (term) {
      if (negated) negateNext = true;
      push({ type: "term", term, negated: false });
    }
  }
  return items;
}

/** Joins `a NEAR b` (and `a NEAR b NEAR c`) into one NEAR group; an operator without both sides is dropped. */
function joinNear(items: Item[]): Item[] {
  const joined: Item[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    if (item.type !== "near-operator") {
      joined.push(item);
      continue;
    }
    const before = joined.at(-1);
    const after = items[i + 1];
    if (!before || !after || (before.type !== "term" && before.type !== "near") || before.negated || after.type !== "term" || after.negated) continue;
    const terms = before.type === "term" ? [before.term] : before.terms;
    const distance = before.type === "near" ? Math.max(before.distance, item.distance) : item.distance;
    joined[joined.length - 1] = { type: "near", terms: [...terms, after.term], distance, negated: false };
    i += 1;
  }
  return joined;
}

export function parseSearchQuery(input: string): ParsedSearchQuery {
  const query = input.slice(0, MAX_QUERY_LENGTH);
  const groups: string[][] = [[]];
  const excluded: string[] = [];
  const terms: string[] = [];
  let count = 0;
  for (const item of joinNear(scan(query))) {
    if (item.type === "or") {
      if (groups.at(-1)!.length > 0) groups.push([]);
      continue;
    }
    if (item.type === "near-operator") continue;
    if (count >= MAX_TERMS) break;
    count += 1;
    const expression = item.type === "term" ? quote(item.term) : `NEAR(${item.terms.map(quote).join(" ")}, ${item.distance})`;
    if (item.negated) {
      excluded.push(expression);
      continue;
    }
    groups.at(-1)!.push(expression);
    if (item.type === "term") terms.push(display(item.term));
    else terms.push(item.terms.map(display).join(" … "));
  }
  const alternatives = groups.filter((group) => group.length > 0).map((group) => (group.length === 1 ? group[0]! : `(${group.join(" AND ")})`));
  if (alternatives.length === 0) {
    const problem = excluded.length > 0 ? "Add a word to search for: a search cannot only leave words out." : "Type a word or a phrase to search for.";
    return { match: null, problem, terms: [] };
  }
  const positive = alternatives.length === 1 ? alternatives[0]! : alternatives.join(" OR ");
  const match = excluded.length === 0 ? positive : `(${positive}) ${excluded.map((expression) => `NOT ${expression}`).join(" ")}`;
  return { match, problem: null, terms };
}
