/**
 * Turns a date as a historian writes it ("c. 1925", "1924-01-09", "10 January 1924",
 * "1945–1952", "1920s") into sortable day keys (YYYYMMDD). Unknown month or day count as 00 in
 * the start key, so "1925" sorts before "1925-03-01"; the end key is the last day the text allows.
 * Returns null when the text names no date we can read; the text itself is always kept.
 */
export interface HistoricalDateKeys {
  sortKey: number;
  endKey: number;
  approximate: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface Point {
  year: number;
  month?: number;
  day?: number;
  decade?: boolean;
}

const APPROXIMATE = /^(?:c\.|ca\.|circa|about|approx\.?|~)\s*|\?$/i;

export function parseHistoricalDate(input: string | null | undefined): HistoricalDateKeys | null {
  if (!input) return null;
  let text = input.trim().replace(/\s+/g, " ");
  if (!text) return null;

  let approximate = false;
  while (APPROXIMATE.test(text)) {
    approximate = true;
    text = text.replace(APPROXIMATE, "").trim();
  }

  // A range: "1945–1952", "1945-1952", "1945 to 1952", "March 1917 – 1921".
  const range = text.match(/^(.+?)\s*(?:–|—|\s-\s|\bto\b|\/)\s*(.+)$/) ?? text.match(/^(\d{4})-(\d{4})$/);
  if (range?.[1] && range[2]) {
    const from = parsePoint(range[1]);
    const to = parsePoint(range[2]);
    if (from && to) {
      const sortKey = startKey(from);
      const endKey = lastKey(to);
      if (endKey >= sortKey) return { sortKey, endKey, approximate };
    }
    return null;
  }

  const point = parsePoint(text);
  return point ? { sortKey: startKey(point), endKey: lastKey(point), approximate } : null;
}

function parsePoint(raw: string): Point | null {
  const text = raw.trim().replace(/,/g, "").replace(/\.$/, "");
  let m: RegExpMatchArray | null;

  if ((m = text.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/))) {
    return checked(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  }
  if ((m = text.match(/^(\d{3})0s$/))) {
    return { year: Number(m[1]) * 10, decade: true };
  }
  // "10 January 1924", "10 Jan. 1924"
  if ((m = text.match(/^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/))) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? checked(Number(m[3]), month, Number(m[1])) : null;
  }
  // "January 10 1924" (the comma was removed above)
  if ((m = text.match(/^([A-Za-z]+)\.? (\d{1,2}) (\d{4})$/))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? checked(Number(m[3]), month, Number(m[2])) : null;
  }
  // "December 1925"
  if ((m = text.match(/^([A-Za-z]+)\.? (\d{4})$/))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? checked(Number(m[2]), month) : null;
  }
  return null;
}

function checked(year: number, month?: number, day?: number): Point | null {
  if (year < 1 || year > 9999) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (month === undefined || day < 1 || day > DAYS_IN_MONTH[month - 1]!)) return null;
  return { year, month, day };
}

function startKey(p: Point): number {
  return p.year * 10000 + (p.month ?? 0) * 100 + (p.day ?? 0);
}

function lastKey(p: Point): number {
  if (p.decade) return (p.year + 9) * 10000 + 1231;
  const month = p.month ?? 12;
  const day = p.day ?? DAYS_IN_MONTH[month - 1]!;
  return p.year * 10000 + month * 100 + day;
}

/** A sort key back as text for display: 19251200 → "1925-12", 19240109 → "1924-01-09". */
export function formatDateKey(key: number): string {
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  const yyyy = String(year).padStart(4, "0");
  if (!month) return yyyy;
  const mm = String(month).padStart(2, "0");
  return day ? `${yyyy}-${mm}-${String(day).padStart(2, "0")}` : `${yyyy}-${mm}`;
}
