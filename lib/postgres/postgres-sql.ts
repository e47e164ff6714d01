/**
 * The workbench's plain SQL is written once, for SQLite: identifiers unquoted where SQLite does not need
 * quotes (`d.workspaceId`), parameters as `?` or `@name`, booleans as 0/1. PostgreSQL folds unquoted
 * identifiers to lower case and numbers its parameters, so its readers run the same text through this:
 * camelCase identifiers get quoted, `?`/`@name` become `$1…`, `@name` bound once however often it is
 * named, SQLite's `INDEXED BY` hints go, and the one Boolean column compares with false/true.
 * String literals and quoted identifiers are left as they are.
 */
export interface PostgresSql {
  text: string;
  /** For each `$n` (from 1), the `@name` it stands for, or the position of the `?` it replaced. */
  parameters: (string | number)[];
}

const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\bINDEXED BY\s+("(?:[^"]|"")*"|\w+)\s*|@[A-Za-z_]\w*|\?|\b[a-z]+[A-Z][A-Za-z0-9_]*\b|\b(?:"?archived"?)\s*(?:=|<>|!=)\s*[01]\b/g;
const BOOLEAN_COMPARISON = /^("?archived"?)\s*(=|<>|!=)\s*([01])$/;

export function toPostgresSql(sql: string): PostgresSql {
  const parameters: (string | number)[] = [];
  const named = new Map<string, number>();
  let positional = 0;
  const text = sql.replace(TOKEN, (token) => {
    if (token.startsWith("'") || token.startsWith('"')) {
      if (token.startsWith('"archived"')) return booleanComparison(token);
      return token;
    }
    if (/^INDEXED BY/i.test(token)) return "";
    if (token === "?") {
      parameters.push(positional++);
      return `$${parameters.length}`;
    }
    if (token.startsWith("@")) {
      const name = token.slice(1);
      let index = named.get(name);
      if (index === undefined) {
        parameters.push(name);
        index = parameters.length;
        named.set(name, index);
      }
      return `$${index}`;
    }
    if (BOOLEAN_COMPARISON.test(token)) return booleanComparison(token);
    return `"${token}"`;
  });
  return { text, parameters };
}

function booleanComparison(token: string): string {
  const [, column = "", operator, value] = BOOLEAN_COMPARISON.exec(token) ?? [];
  return `"${column.replaceAll('"', "")}" ${operator === "=" ? "=" : "<>"} ${value === "1"}`;
}

/** The values for a translated statement's `$n`, from `?` arguments or one object of `@name` values. */
export function bindPostgres(sql: PostgresSql, values: unknown[] | Record<string, unknown>): unknown[] {
  return sql.parameters.map((parameter) => {
    if (typeof parameter === "number") {
      if (!Array.isArray(values)) throw new Error("positional parameters need an array of values");
      return values[parameter];
    }
    if (Array.isArray(values)) throw new Error(`named parameter @${parameter} needs an object of values`);
    if (!(parameter in values)) throw new Error(`no value for @${parameter}`);
    return values[parameter];
  });
}
