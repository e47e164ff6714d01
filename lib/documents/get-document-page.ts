import { readReadingAnnotations } from "../annotations/list-reading-annotations";
import { visibleToSql, type ReadingAnnotation } from "../annotations/annotation-view";
import { AppError } from "../errors";
import type { AnnotationKind, AnchorStatus, ContradictionVerdict, LinkType, Role, SourceKind, TagCategory, TechniqueTaxonomy } from "../generated/prisma/enums";
import type { LinkView } from "../links/link-view";
import { fromStoredDate } from "../sqlite-connection";
import { readConnection, type ReadConnection } from "../sqlite-read-connection";
import type { WorkspaceTags } from "../tags/list-workspace-tags";
import { compareTitles, toStringArray } from "./list-documents";
import { summariseReliability } from "./get-reliability-summary";
import { readPageBreaks } from "./page-breaks";
import { revisionTextFromCache, revisionWordCount } from "./revision-text-cache";
import { currentDatabaseEngine } from "../database-engine";
import { readPostgresSnapshot } from "../postgres/postgres-connection";
import { readPagePostgres } from "./get-document-page-postgres";

export const NOT_FOUND = "That document does not exist or you do not have access to it.";

// The document, the actor's membership of its workspace and its current revision (without the
// text, which comes from the revision cache): one row, or none for a document the actor may not see.
export const DOCUMENT_SQL = `
  SELECT d.id, d.title, d.authors, d.dateText, d.place, d.sourceKind, d.genre, d.language, d.provenance, d.notes,
         d.containerTitle, d.publisher, d.publisherPlace, d.edition, d.volume, d.issue, d.pages, d.url, d.archiveLocation,
         d.createdAt, creator.name AS createdByName, d.reliabilityRating, d.reliabilityReason, d.reliabilityRatedAt, rater.name AS ratedByName,
         m.role, w.id AS workspaceId, w.name AS workspaceName, w.techniqueTaxonomy, r.id AS revisionId, r.number AS revisionNumber, r.pageBreaks
  FROM "Document" d
    JOIN "Membership" m ON m.workspaceId = d.workspaceId AND m.userId = @userId
    JOIN "Workspace" w ON w.id = d.workspaceId
    JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber
    LEFT JOIN "User" creator ON creator.id = d.createdById
    LEFT JOIN "User" rater ON rater.id = d.reliabilityRatedById
  WHERE d.id = @documentId`;

export interface DocumentRow {
  id: string;
  title: string;
  authors: string;
  dateText: string | null;
  place: string | null;
  sourceKind: SourceKind | null;
  genre: string | null;
  language: string | null;
  provenance: string | null;
  notes: string;
  containerTitle: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  edition: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  url: string | null;
  archiveLocation: string | null;
  createdAt: string;
  createdByName: string | null;
  reliabilityRating: number | null;
  reliabilityReason: string | null;
  reliabilityRatedAt: string | null;
  ratedByName: string | null;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  techniqueTaxonomy: TechniqueTaxonomy;
  revisionId: string;
  revisionNumber: number;
  pageBreaks: string;
}

// The workspace's pickers, as listWorkspaceTags orders them (categories and names in byte order).
export const TAGS_SQL = `
  SELECT id, category, key, name, description, colour, kind FROM "Tag"
  WHERE workspaceId = @workspaceId AND archived = 0 AND (category IN ('KIND', 'CUSTOM') OR (category = 'TECHNIQUE' AND taxonomy = @taxonomy))
  ORDER BY category ASC, position ASC, name ASC`;

export type TagRow = { id: string; category: TagCategory; key: string; name: string; description: string; colour: string; kind: AnnotationKind | null };

// Links touching the document whose two ends the actor may both see, oldest first (as listDocumentLinks).
export const LINKS_SQL = `
  SELECT l.id, l.type, l.note, l.verdict, l.verdictRationale, l.verdictById, verdictBy.name AS verdictByName, l.verdictAt,
         l.authorId, author.name AS authorName, l.originalAuthorName, l.createdAt,
         s.id AS sId, s.documentId AS sDocumentId, s.kind AS sKind, s.exact AS sExact, s.start AS sStart, s."end" AS sEnd, s.anchorStatus AS sAnchorStatus,
         sd.title AS sTitle, sd.dateText AS sDateText,
         t.id AS tId, t.documentId AS tDocumentId, t.kind AS tKind, t.exact AS tExact, t.start AS tStart, t."end" AS tEnd, t.anchorStatus AS tAnchorStatus,
         td.title AS tTitle, td.dateText AS tDateText
  FROM "AnnotationLink" l
    JOIN "Annotation" s ON s.id = l.sourceAnnotationId
    JOIN "Annotation" t ON t.id = l.targetAnnotationId
    JOIN "Document" sd ON sd.id = s.documentId
    JOIN "Document" td ON td.id = t.documentId
    JOIN "User" author ON author.id = l.authorId
    LEFT JOIN "User" verdictBy ON verdictBy.id = l.verdictById
  WHERE (l.sourceAnnotationId IN (SELECT id FROM "Annotation" WHERE documentId = @documentId)
         OR l.targetAnnotationId IN (SELECT id FROM "Annotation" WHERE documentId = @documentId))
    AND ${visibleToSql("s", "@userId")} AND ${visibleToSql("t", "@userId")}
  ORDER BY l.createdAt ASC, l.id ASC`;

export interface LinkRow {
  id: string;
  type: LinkType;
  note: string;
  verdict: ContradictionVerdict | null;
  verdictRationale: string;
  verdictById: string | null;
  verdictByName: string | null;
  verdictAt: string | null;
  authorId: string;
  authorName: string;
  originalAuthorName: string | null;
  createdAt: string;
  sId: string;
  sDocumentId: string;
  sKind: AnnotationKind;
  sExact: string;
  sStart: number;
  sEnd: number;
  sAnchorStatus: AnchorStatus;
  sTitle: string;
  sDateText: string | null;
  tId: string;
  tDocumentId: string;
  tKind: AnnotationKind;
  tExact: string;
  tStart: number;
  tEnd: number;
  tAnchorStatus: AnchorStatus;
  tTitle: string;
  tDateText: string | null;
}

export const DOCUMENTS_SQL = `SELECT id, title FROM "Document" WHERE workspaceId = @workspaceId`;

export function toLinkView(row: LinkRow): LinkView {
  const end = (side: "s" | "t") => ({
    id: side === "s" ? row.sId : row.tId,
    documentId: side === "s" ? row.sDocumentId : row.tDocumentId,
    kind: side === "s" ? row.sKind : row.tKind,
    exact: side === "s" ? row.sExact : row.tExact,
    start: side === "s" ? row.sStart : row.tStart,
    end: side === "s" ? row.sEnd : row.tEnd,
    anchorStatus: side === "s" ? row.sAnchorStatus : row.tAnchorStatus,
    document: side === "s" ? { id: row.sDocumentId, title: row.sTitle, dateText: row.sDateText } : { id: row.tDocumentId, title: row.tTitle, dateText: row.tDateText },
  });
  return {
    id: row.id,
    type: row.type,
    note: row.note,
    verdict: row.verdict,
    verdictRationale: row.verdictRationale,
    verdictBy: row.verdictById !== null && row.verdictByName !== null ? { id: row.verdictById, name: row.verdictByName } : null,
    verdictAt: row.verdictAt === null ? null : fromStoredDate(row.verdictAt),
    author: { id: row.authorId, name: row.authorName },
    creditedTo: row.originalAuthorName,
    createdAt: fromStoredDate(row.createdAt),
    source: end("s"),
    target: end("t"),
  };
}

/** A JSON column's value, or null when it does not parse (read as empty by the callers). */
function parseJson(stored: string): unknown {
  try {
    return JSON.parse(stored);
  } catch {
    return null;
  }
}

function readPage(connection: ReadConnection, userId: string, documentId: string) {
  const row = connection.statement(DOCUMENT_SQL).get({ documentId, userId }) as DocumentRow | undefined;
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  const text = revisionTextFromCache(row.revisionId, () => {
    const stored = connection.statement(`SELECT text FROM "DocumentRevision" WHERE id = ?`).pluck(true).get(row.revisionId);
    if (typeof stored !== "string") throw new AppError("NOT_FOUND", NOT_FOUND);
    return stored;
  });
  const annotations = readReadingAnnotations(connection, { documentId, userId });
  const tagRows = connection.statement(TAGS_SQL).all({ workspaceId: row.workspaceId, taxonomy: row.techniqueTaxonomy }) as TagRow[];
  const links = (connection.statement(LINKS_SQL).all({ documentId, userId }) as LinkRow[]).map(toLinkView);
  const documents = (connection.statement(DOCUMENTS_SQL).all({ workspaceId: row.workspaceId }) as { id: string; title: string }[]).sort(compareTitles);
  return { row, text, annotations, tagRows, links, documents };
}

/**
 * Everything the document page shows, for an actor who may read the document (else NOT_FOUND, as
 * for a missing one): the document with its metadata, role and current text; the annotations the
 * actor may see; the workspace's taxonomy; the links touching the document; the workspace's
 * documents (for making links) and the reliability summary. Seven statements in one read
 * snapshot on the process's read connection, the text from the per-revision cache, and the
 * reliability derived from the annotations and links already read — where the separate services
 * (which the API keeps using) ran some thirty Prisma queries, checking access in each.
 */
export async function getDocumentPage({ actor, documentId, databaseFile }: { actor: { id: string }; documentId: string; databaseFile?: string }) {
  const { row, text, annotations, tagRows, links, documents } =
    currentDatabaseEngine() === "postgresql"
      ? await readPostgresSnapshot((statements) => readPagePostgres(statements, actor.id, documentId))
      : readConnection(databaseFile).read((connection) => readPage(connection, actor.id, documentId));
  const tags: WorkspaceTags = {
    taxonomy: row.techniqueTaxonomy,
    kinds: tagRows.filter((t) => t.category === "KIND"),
    techniques: tagRows.filter((t) => t.category === "TECHNIQUE"),
    custom: tagRows.filter((t) => t.category === "CUSTOM"),
  };
  const claims = annotations.filter((a: ReadingAnnotation) => a.kind === "CLAIM" && a.anchorStatus === "ANCHORED");
  const reliability = summariseReliability({
    documentId,
    claims,
    contradictions: links.filter((l) => l.type === "CONTRADICTS"),
    manual: {
      rating: row.reliabilityRating,
      reason: row.reliabilityReason,
      by: row.ratedByName,
      at: row.reliabilityRatedAt === null ? null : fromStoredDate(row.reliabilityRatedAt),
    },
  });
  const document = {
    id: row.id,
    title: row.title,
    authors: toStringArray(parseJson(row.authors)),
    dateText: row.dateText,
    place: row.place,
    sourceKind: row.sourceKind,
    genre: row.genre,
    language: row.language,
    provenance: row.provenance,
    notes: row.notes,
    containerTitle: row.containerTitle,
    publisher: row.publisher,
    publisherPlace: row.publisherPlace,
    edition: row.edition,
    volume: row.volume,
    issue: row.issue,
    pages: row.pages,
    url: row.url,
    archiveLocation: row.archiveLocation,
    createdAt: new Date(fromStoredDate(row.createdAt)),
    createdBy: row.createdByName === null ? null : { name: row.createdByName },
    workspace: { id: row.workspaceId, name: row.workspaceName },
    role: row.role,
    revision: { id: row.revisionId, number: row.revisionNumber, text, words: revisionWordCount(row.revisionId, text), pageBreaks: readPageBreaks(parseJson(row.pageBreaks), text.length) },
    annotationCount: annotations.length,
  };
  return { document, annotations, tags, links, documents, reliability };
}

export type DocumentPage = Awaited<ReturnType<typeof getDocumentPage>>;
