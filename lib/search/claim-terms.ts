import { foldSearchText } from "./fold-search-text";

/**
 * The terms of a claim worth searching other documents for: its numbers and names first (in a
 * contradiction they are what differs or agrees: "1,306 delegates" against "over 1,300"), then its
 * longest other words. Common words go; a long word is searched by its stem (a prefix), so
 * "industrialisation" finds "industrialization" and "Зиновьев" finds "Зиновьева".
 */
export interface ClaimTerm {
  /** An FTS5 phrase, quoted: `"zinov"*`, `"1 306"`. */
  expression: string;
  kind: "number" | "name" | "word";
  /** Its tokens as the index holds them (lower case), and whether the last is a prefix: for looking up how common it is. */
  tokens: string[];
  prefix: boolean;
}

const STOPWORDS = new Set(
  (
    "about above after again against all also although among and another any are around as at be because been before being below between both but by can could did does doing down during each either else even ever every few for from further had has have having he her here hers him his how however if in into is it its itself just least less made make many may more most much must neither never no nor not now of off often on once one only or other our out over own per perhaps rather said same several she should since so some still such than that the their them then there these they this those though through thus to too under until upon very was we were what when where whether which while who whom whose why will with within without would yet you your " +
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между"
  ).split(/\s+/),
);

const MAX_TERMS = 20;

/** Ordinals are written both ways: "14th Congress", "Fourteenth Congress". */
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];

function quote(text: string, prefix: boolean): string {
  return `"${foldSearchText(text).replace(/"/g, '""')}"${prefix ? "*" : ""}`;
}

/** A word by its stem: long words lose their last ~40% (endings, -isation/-ization, Russian cases). */
function stemExpression(word: string): string {
  const characters = [...word];
  if (characters.length < 6) return quote(word, false);
  return quote(characters.slice(0, Math.max(5, Math.ceil(characters.length * 0.6))).join(""), true);
}

export function claimTerms(text: string): ClaimTerm[] {
  const terms: ClaimTerm[] = [];
  const seen = new Set<string>();
  const add = (expression: string, kind: ClaimTerm["kind"]) => {
    if (seen.has(expression)) return;
    seen.add(expression);
    const prefix = expression.endsWith("*");
    const tokens = expression.replace(/^"|"\*?$/g, "").toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (tokens.length > 0) terms.push({ expression, kind, tokens, prefix });
  };

  for (const match of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)\b/gi)) {
    const word = ORDINALS[Number(match[1]) - 1];
    if (word) add(quote(word, false), "number");
  }
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const number = ORDINALS.indexOf(match[0].toLowerCase());
    if (number >= 0) add(quote(`${number + 1}th`, false), "number");
  }
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const groups = match[0].split(/[.,]/);
    add(quote(groups.join(" "), false), "number");
    // "1,306" is also written "1306"; "5.2" stays a phrase.
    if (groups.length > 1 && groups.slice(1).every((group) => group.length === 3)) add(quote(groups.join(""), false), "number");
  }

  const words = [...text.matchAll(/[\p{L}][\p{L}\p{M}]*/gu)].map((match) => ({ word: match[0], index: match.index }));
  const names: string[] = [];
  const others: string[] = [];
  for (const { word, index } of words) {
    const lower = word.toLocaleLowerCase();
    if (lower.length < 3 || STOPWORDS.has(lower)) continue;
    // A capital not at the start of a sentence marks a name: Zinoviev, Leningrad, Pomgol.
    const sentenceStart = index === 0 || /[.!?…]\s*$/.test(text.slice(Math.max(0, index - 3), index));
    if (/^\p{Lu}/u.test(word) && !sentenceStart) names.push(word);
    else others.push(lower);
  }
  for (const name of names) add(stemExpression(name), "name");
  const longestFirst = [...new Set(others)].sort((a, b) => b.length - a.length);
  for (const word of longestFirst) add(stemExpression(word), "word");
  return terms.slice(0, MAX_TERMS);
}

/**
 * The terms worth searching for: the `count` that the fewest rows of the index hold (a term no row
 * holds finds nothing), and, rarest first, only while the rows they hold together stay within
 * `budget`: a word held by tens of thousands of rows weighs almost nothing in BM25 yet makes it
 * rank every one of them. The rarest term is always kept.
 */
export function rarestTerms(terms: readonly ClaimTerm[], rowsHolding: readonly number[], count: number, budget = Infinity): ClaimTerm[] {
  let rows = 0;
  return terms
    .map((term, index) => ({ term, rows: rowsHolding[index] ?? 0, index }))
    .filter(({ rows }) => rows > 0)
    .sort((a, b) => a.rows - b.rows || a.index - b.index)
    .filter((candidate, position) => {
      if (position >= count || (position > 0 && rows + candidate.rows > budget)) return false;
      rows += candidate.rows;
      return true;
    })
    .sort((a, b) => a.index - b.index)
    .map(({ term }) => term);
}

/**
 * The FTS5 expression: any of the terms, ranked by BM25 (rare terms weigh most). Numbers and names
 * are named twice, which BM25 counts twice.
 */
export function claimQuery(terms: readonly ClaimTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.flatMap((term) => (term.kind === "word" ? [term.expression] : [term.expression, term.expression])).join(" OR ");
}
