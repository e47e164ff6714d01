/**
 * PostgreSQL's reading of our query language: the FTS5 expression parseSearchQuery builds (quoted
 * words and phrases, `*` prefixes, AND, OR, NOT, parentheses, NEAR(…, n)) rewritten as one SQL
 * expression of type tsquery. Each word or phrase goes through phraseto_tsquery('simple',
 * search_fold(…)), the same parser and folding that built the index's tsvector, so both sides split
 * and fold text alike; a prefix becomes `lexeme:*`; NEAR(a b, n) becomes "b within n words after a,
 * or a after b" (tsquery_phrase at each distance) for two single words, and both terms (AND) otherwise.
 */
export interface TsQuerySql {
  /** A SQL expression of type tsquery; its parameters are $<offset+1>… */
  sql: string;
  params: string[];
}

type Token = { type: "string"; text: string; prefix: boolean } | { type: "word"; word: string } | { type: "(" } | { type: ")" } | { type: "," };

function tokenize(match: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < match.length) {
    const character = match[i]!;
    if (/\s/.test(character)) {
      i += 1;
    } else if (character === '"') {
      let text = "";
      i += 1;
      while (i < match.length) {
        if (match[i] === '"' && match[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (match[i] === '"') {
          i += 1;
          break;
        } else {
          text += match[i];
          i += 1;
        }
      }
      const prefix = match[i] === "*";
      if (prefix) i += 1;
      tokens.push({ type: "string", text, prefix });
    } else if (character === "(" || character === ")" || character === ",") {
      tokens.push({ type: character });
      i += 1;
    } else {
      const word = /^[^\s"(),]+/.exec(match.slice(i))![0];
      tokens.push({ type: "word", word });
      i += word.length;
    }
  }
  return tokens;
}

const WORD_CHARACTERS = /[\p{L}\p{N}\p{Co}]+/gu;

export function fts5ToTsQuery(match: string, offset = 0): TsQuerySql {
  const params: string[] = [];
  const bind = (value: string) => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  const term = (text: string, prefix: boolean): string => {
    const words = text.match(WORD_CHARACTERS) ?? [];
    if (!prefix || words.length === 0) return `phraseto_tsquery('simple', search_fold(${bind(text)}))`;
    // The prefix applies to the last word: "industrial*" → industrial:*, "five year pl*" → five <-> year <-> pl:*
    const last = `to_tsquery('simple', quote_literal(search_fold(${bind(words.at(-1)!)})) || ':*')`;
    if (words.length === 1) return last;
    return `tsquery_phrase(phraseto_tsquery('simple', search_fold(${bind(words.slice(0, -1).join(" "))})), ${last})`;
  };

  const tokens = tokenize(match);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  // expression := and-chain (OR and-chain)*; and-chain := unary ((AND | NOT | juxtaposition) unary)*
  function expression(): string {
    const alternatives = [andChain()];
    while (peek()?.type === "word" && (peek() as { word: string }).word === "OR") {
      next();
      alternatives.push(andChain());
    }
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" || ")})`;
  }

  function andChain(): string {
    let result = unary();
    for (;;) {
      const token = peek();
      if (!token || token.type === ")" || token.type === ",") return result;
      if (token.type === "word" && token.word === "OR") return result;
      if (token.type === "word" && token.word === "AND") {
        next();
        result = `(${result} && ${unary()})`;
      } else if (token.type === "word" && token.word === "NOT") {
        next();
        result = `(${result} && !!${unary()})`;
      } else {
        result = `(${result} && ${unary()})`;
      }
    }
  }

  function unary(): string {
    const token = next();
    if (!token) throw new Error("unexpected end of search expression");
    if (token.type === "string") return term(token.text, token.prefix);
    if (token.type === "(") {
      const inner = expression();
      if (next()?.type !== ")") throw new Error("unbalanced parentheses in search expression");
      return inner;
    }
    if (token.type === "word" && token.word === "NEAR" && peek()?.type === "(") {
      next();
      const terms: { text: string; prefix: boolean }[] = [];
      let distance = 10;
      for (let token2 = next(); token2 && token2.type !== ")"; token2 = next()) {
        if (token2.type === "string") terms.push({ text: token2.text, prefix: token2.prefix });
        else if (token2.type === ",") {
          const value = next();
          if (value?.type === "word") distance = Number.parseInt(value.word, 10);
        }
      }
      return near(terms, Number.isFinite(distance) ? distance : 10);
    }
    throw new Error(`unexpected ${token.type === "word" ? token.word : token.type} in search expression`);
  }

  function near(terms: { text: string; prefix: boolean }[], distance: number): string {
    const single = terms.length === 2 && terms.every((t) => (t.text.match(WORD_CHARACTERS) ?? []).length === 1);
    if (!single) return `(${terms.map((t) => term(t.text, t.prefix)).join(" && ")})`;
    const [a, b] = terms.map((t) => term(t.text, t.prefix));
    const alternatives: string[] = [];
    // FTS5's NEAR counts the words between the two; tsquery_phrase the step from one to the other.
    for (let step = 1; step <= distance + 1; step += 1) alternatives.push(`tsquery_phrase(${a}, ${b}, ${step})`, `tsquery_phrase(${b}, ${a}, ${step})`);
    return `(${alternatives.join(" || ")})`;
  }

  const sql = expression();
  if (position < tokens.length) throw new Error("unexpected text after search expression");
  return { sql, params };
}
