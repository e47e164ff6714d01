import { BUNDLE_FILES } from "../export/bundle-format";
import { documentMetadataSchema } from "../validations/document-metadata";
import type { BundleContents } from "./read-bundle";
import { fileDate, type ImportPlan, type PlannedAnnotation, type PlannedDocument, type PlannedLink } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

/**
 * A read bundle as an import plan: every document becomes a new document, every annotation is
 * placed on its new document's text. The bundle must hold together — each annotation's document
 * and each link's annotations in the bundle, ids unique, offsets inside the text — or it is
 * refused whole with the records at fault named.
 */
export function planFromBundle(bundle: BundleContents, now: Date = new Date()): ImportPlan {
  const problems: ImportProblem[] = [];
  const problem = (where: string, message: string) => {
    if (problems.length < 20) problems.push({ where, message });
  };

  const documents: PlannedDocument[] = [];
  const texts = new Map<string, string>();
  bundle.documents.forEach((document, index) => {
    const where = `${BUNDLE_FILES.documents}, record ${index + 1}`;
    if (texts.has(document.id)) return problem(where, `The document id ${document.id} appears twice.`);
    const metadata = documentMetadataSchema.safeParse(document);
    if (!metadata.success) return problem(where, metadata.error.issues[0]?.message ?? "Its metadata cannot be read.");
    texts.set(document.id, document.text);
    documents.push({ ref: document.id, metadata: metadata.data, reliability: document.reliability ?? null, text: document.text, revisionNumber: document.revisionNumber });
  });

  const annotations: PlannedAnnotation[] = [];
  const refs = new Set<string>();
  bundle.annotations.forEach((annotation, index) => {
    const where = `${BUNDLE_FILES.annotations}, record ${index + 1}`;
    const text = texts.get(annotation.documentId);
    if (text === undefined) return problem(where, `Its document (${annotation.documentId}) is not in the bundle.`);
    if (refs.has(annotation.id)) return problem(where, `The annotation id ${annotation.id} appears twice.`);
    // An orphan's offsets refer to an older text, so only an anchored annotation's must fit.
    if (annotation.start > annotation.end || (annotation.anchorStatus === "ANCHORED" && annotation.end > text.length)) {
      return problem(where, `Offsets ${annotation.start}–${annotation.end} lie outside its document's text (${text.length} characters).`);
    }
    refs.add(annotation.id);
    annotations.push({
      ref: annotation.id,
      where,
      document: { kind: "new", ref: annotation.documentId },
      // For an orphan the stored offsets are only a hint; anchoring finds what the source found.
      position: { start: annotation.start, end: annotation.end },
      quote: { exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix },
      kind: annotation.kind,
      technique: annotation.technique,
      tags: annotation.tags,
      verdict: annotation.verdict,
      confidence: annotation.confidence,
      note: annotation.note,
      visibility: annotation.visibility,
      author: annotation.author,
      creditedTo: annotation.creditedTo ?? null,
      createdAt: fileDate(annotation.createdAt, now),
      updatedAt: fileDate(annotation.updatedAt, now),
      replies: annotation.replies.map((reply) => ({ body: reply.body, author: reply.author, creditedTo: reply.creditedTo ?? null, createdAt: fileDate(reply.createdAt, now) })),
    });
  });

  const links: PlannedLink[] = [];
  bundle.links.forEach((link, index) => {
    const where = `${BUNDLE_FILES.links}, record ${index + 1}`;
    for (const end of [link.sourceAnnotationId, link.targetAnnotationId]) {
      if (!refs.has(end)) return problem(where, `It links annotation ${end}, which is not in the bundle.`);
    }
    links.push({
      where,
      sourceRef: link.sourceAnnotationId,
      targetRef: link.targetAnnotationId,
      type: link.type,
      note: link.note,
      verdict: link.verdict,
      verdictRationale: link.verdictRationale,
      author: link.author,
      creditedTo: link.creditedTo ?? null,
      verdictBy: link.verdictBy,
      createdAt: fileDate(link.createdAt, now),
    });
  });

  if (problems.length > 0) throw new ImportRejected("The bundle does not hold together; nothing was imported.", problems);
  return {
    source: "bundle",
    documents,
    annotations,
    links,
    tagDefinitions: new Map(bundle.manifest.tags.map((tag) => [tag.key, tag])),
    warnings: [],
  };
}
