import { W3C_ANNOTATION_CONTEXT, W3C_ANNOTATION_CONTEXT_ALIASES } from "./w3c-context";

/** Hostile-input limits: deeper nesting or more items than this and nothing is parsed. */
export const W3C_PARSE_LIMITS = { maxDepth: 64, maxItems: 100_000 } as const;

export interface ParsedAgent {
  id: string | null;
  name: string | null;
}

/** A span of a text: offsets in Unicode code points, as the model counts (the caller converts). */
export interface ParsedTextTarget {
  kind: "text";
  source: string;
  sourceTitle: string | null;
  position: { start: number; end: number } | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
}

/** A whole resource named by IRI: for links and replies, another annotation. */
export interface ParsedResourceTarget {
  kind: "resource";
  id: string;
}

export type ParsedTarget = ParsedTextTarget | ParsedResourceTarget;

export interface ParsedBody {
  id: string | null;
  type: string | null;
  purpose: string | null;
  value: string | null;
  confidence: number | null;
  creator: ParsedAgent | null;
}

export interface ParsedAnnotation {
  /** Position among the input's annotations, as in `ParseError.index`. */
  index: number;
  id: string | null;
  motivations: string[];
  targets: ParsedTarget[];
  bodies: ParsedBody[];
  creator: ParsedAgent | null;
  created: string | null;
  modified: string | null;
  /** The workbench's extension: "private" for an annotation only its author sees. */
  visibility: string | null;
}

export interface ParseError {
  /** The annotation's position among the input's annotations; null for the input as a whole. */
  index: number | null;
  message: string;
}

export interface W3cParseResult {
  annotations: ParsedAnnotation[];
  errors: ParseError[];
}

type JsonObject = Record<string, unknown>;

/**
 * Reads W3C Web Annotations: one Annotation, an array of them, an AnnotationPage, or an
 * AnnotationCollection with embedded pages. A string is taken as JSON text. It never throws: a
 * bad item is reported with its index and the others are still read; only input that cannot be
 * read at all (not JSON, not an object, nested deeper than 64 levels, over 100,000 items) yields
 * no annotations. It checks the fields the model requires (`@context`, `type`, `target`) and that
 * every text target carries a usable TextPositionSelector or TextQuoteSelector; positions stay in
 * code points, and whether they fit a text is for the caller, who holds the text.
 */
export function parseW3cAnnotations(input: unknown): W3cParseResult {
  const root = typeof input === "string" ? parseJsonText(input) : { value: input };
  if ("error" in root) return failure(root.error);
  if (nestingExceeds(root.value, W3C_PARSE_LIMITS.maxDepth)) return failure(`The input is nested more than ${W3C_PARSE_LIMITS.maxDepth} levels deep.`);

  const collected = collectItems(root.value);
  if ("error" in collected) return failure(collected.error);
  if (collected.items.length > W3C_PARSE_LIMITS.maxItems) {
    return failure(`The input holds ${collected.items.length} annotations; at most ${W3C_PARSE_LIMITS.maxItems} can be read at once.`);
  }

  const result: W3cParseResult = { annotations: [], errors: collected.problems.map((message) => ({ index: null, message })) };
  collected.items.forEach((item, index) => {
    const parsed = parseAnnotation(item, index, collected.contextInherited);
    if (typeof parsed === "string") result.errors.push({ index, message: parsed });
    else result.annotations.push(parsed);
  });
  return result;
}

function failure(message: string): W3cParseResult {
  return { annotations: [], errors: [{ index: null, message }] };
}

function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `The input is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).` };
  }
}

/** Walks with an explicit stack, so hostile nesting cannot overflow the call stack. */
function nestingExceeds(root: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (typeof entry.value !== "object" || entry.value === null) continue;
    if (entry.depth > maxDepth) return true;
    for (const child of Object.values(entry.value)) stack.push({ value: child, depth: entry.depth + 1 });
  }
  return false;
}

// ── Containers ────────────────────────────────────────────────────────────────────────────────

interface CollectedItems {
  items: unknown[];
  /** Items inside a page or collection share its @context. */
  contextInherited: boolean;
  /** Problems with the container that still let its readable items through. */
  problems: string[];
}

function collectItems(root: unknown): CollectedItems | { error: string } {
  if (Array.isArray(root)) return { items: root, contextInherited: false, problems: [] };
  if (!isObject(root)) return { error: `Expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection, found ${describe(root)}.` };
  const types = stringList(own(root, "type"));
  if (types.includes("Annotation")) return { items: [root], contextInherited: false, problems: [] };
  const isCollection = types.includes("AnnotationCollection");
  if (!isCollection && !types.includes("AnnotationPage")) return { error: `Expected type Annotation, AnnotationPage or AnnotationCollection, found ${describe(own(root, "type"))}.` };

  const collected: CollectedItems = { items: [], contextInherited: hasAnnotationContext(root), problems: [] };
  if (!collected.contextInherited) collected.problems.push(`The ${types.join("/")} has no @context "${W3C_ANNOTATION_CONTEXT}"; each annotation must then name it.`);
  readPages(isCollection ? own(root, "first") : root, collected);
  return collected;
}

/** Follows embedded `next` pages; pages given only by IRI are not fetched (this module does no I/O). */
function readPages(first: unknown, collected: CollectedItems) {
  const seen = new Set<unknown>();
  let page = first;
  for (let number = 1; page !== undefined && page !== null; number += 1) {
    if (typeof page === "string") {
      collected.problems.push(`Page ${number} (${page}) is referenced, not embedded; it was not read.`);
      return;
    }
    const items = isObject(page) && stringList(own(page, "type")).includes("AnnotationPage") && !seen.has(page) ? own(page, "items") : undefined;
    if (!isObject(page) || !Array.isArray(items)) {
      collected.problems.push(`Page ${number} is not an embedded AnnotationPage with an items array; it and any later pages were not read.`);
      return;
    }
    seen.add(page);
    // Stop copying once over the limit: the caller rejects the input without copying all of it.
    for (const item of items) {
      if (collected.items.length > W3C_PARSE_LIMITS.maxItems) return;
      collected.items.push(item);
    }
    page = own(page, "next");
  }
}

// ── One annotation ────────────────────────────────────────────────────────────────────────────

function parseAnnotation(item: unknown, index: number, contextInherited: boolean): ParsedAnnotation | string {
  if (!isObject(item)) return `Expected an annotation object, found ${describe(item)}.`;
  if (!contextInherited && !hasAnnotationContext(item)) return `Missing @context "${W3C_ANNOTATION_CONTEXT}".`;
  if (!stringList(own(item, "type")).includes("Annotation")) return `Expected type "Annotation", found ${describe(own(item, "type"))}.`;

  const rawTargets = listOf(own(item, "target"));
  if (rawTargets.length === 0) return "Missing target.";
  const targets: ParsedTarget[] = [];
  for (const [position, raw] of rawTargets.entries()) {
    const target = parseTarget(raw);
    if (typeof target === "string") return rawTargets.length > 1 ? `Target ${position + 1}: ${target}` : `Target: ${target}`;
    targets.push(target);
  }

  const bodies: ParsedBody[] = [];
  for (const [position, raw] of bodyList(item).entries()) {
    const body = parseBody(raw);
    if (!body) return `Body ${position + 1} is neither an IRI nor an object.`;
    bodies.push(body);
  }

  return {
    index,
    id: optionalString(own(item, "id")),
    motivations: stringList(own(item, "motivation")),
    targets,
    bodies,
    creator: parseAgent(own(item, "creator")),
    created: optionalString(own(item, "created")),
    modified: optionalString(own(item, "modified")),
    visibility: optionalString(own(item, "visibility")),
  };
}

function parseTarget(raw: unknown): ParsedTarget | string {
  if (typeof raw === "string" && raw !== "") return { kind: "resource", id: raw };
  if (!isObject(raw)) return `expected an IRI or an object, found ${describe(raw)}.`;
  const source = own(raw, "source");
  if (source === undefined) {
    const id = optionalString(own(raw, "id"));
    return id ? { kind: "resource", id } : "an object target needs a source (with selectors) or an id.";
  }
  const sourceId = typeof source === "string" ? source : isObject(source) ? optionalString(own(source, "id")) : null;
  if (!sourceId) return "the source must be an IRI or an object with an id.";
  const selectors = parseSelectors(own(raw, "selector"));
  if (typeof selectors === "string") return selectors;
  return { kind: "text", source: sourceId, sourceTitle: isObject(source) ? optionalString(own(source, "title")) : null, ...selectors };
}

function parseSelectors(raw: unknown): Pick<ParsedTextTarget, "position" | "quote"> | string {
  let position: ParsedTextTarget["position"] = null;
  let quote: ParsedTextTarget["quote"] = null;
  for (const selector of listOf(raw)) {
    if (!isObject(selector)) continue;
    const type = own(selector, "type");
    if (type === "TextPositionSelector" && !position) {
      const start = own(selector, "start");
      const end = own(selector, "end");
      if (!isOffset(start) || !isOffset(end) || start > end) return `TextPositionSelector needs whole-number offsets with 0 ≤ start ≤ end, not start ${describe(start)} and end ${describe(end)}.`;
      position = { start, end };
    } else if (type === "TextQuoteSelector" && !quote) {
      const exact = own(selector, "exact");
      const prefix = own(selector, "prefix") ?? "";
      const suffix = own(selector, "suffix") ?? "";
      if (typeof exact !== "string" || exact === "") return "TextQuoteSelector needs a non-empty exact quote.";
      if (typeof prefix !== "string" || typeof suffix !== "string") return "TextQuoteSelector's prefix and suffix must be strings.";
      quote = { exact, prefix, suffix };
    }
  }
  return position || quote ? { position, quote } : "no TextPositionSelector or TextQuoteSelector to place the annotation by.";
}

function bodyList(item: JsonObject): unknown[] {
  const body = own(item, "body");
  if (body !== undefined) return listOf(body);
  const bodyValue = own(item, "bodyValue");
  return typeof bodyValue === "string" ? [{ type: "TextualBody", value: bodyValue }] : [];
}

function parseBody(raw: unknown): ParsedBody | null {
  if (typeof raw === "string") return { id: raw, type: null, purpose: null, value: null, confidence: null, creator: null };
  if (!isObject(raw)) return null;
  const confidence = own(raw, "confidence");
  return {
    id: optionalString(own(raw, "id")),
    type: stringList(own(raw, "type"))[0] ?? null,
    purpose: stringList(own(raw, "purpose"))[0] ?? null,
    value: optionalString(own(raw, "value")),
    confidence: typeof confidence === "number" && Number.isFinite(confidence) ? confidence : null,
    creator: parseAgent(own(raw, "creator")),
  };
}

function parseAgent(raw: unknown): ParsedAgent | null {
  const agent = Array.isArray(raw) ? raw[0] : raw;
  if (typeof agent === "string") return { id: agent, name: null };
  if (!isObject(agent)) return null;
  return { id: optionalString(own(agent, "id")), name: optionalString(own(agent, "name")) };
}

// ── Small readers ─────────────────────────────────────────────────────────────────────────────

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own properties only: a key such as "constructor" must not be read from the prototype. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function hasAnnotationContext(object: JsonObject): boolean {
  return listOf(own(object, "@context")).some((context) => typeof context === "string" && W3C_ANNOTATION_CONTEXT_ALIASES.includes(context));
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function stringList(value: unknown): string[] {
  return listOf(value).filter((entry): entry is string => typeof entry === "string");
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function isOffset(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  if (value === undefined) return "none";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
}
