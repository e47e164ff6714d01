import type { Db } from "../db";
import { diffTexts } from "../anchoring/map-offset-through-edit";
import { reanchorAnnotation } from "../anchoring/reanchor-annotation";
import { AppError } from "../errors";
import { reviseTextSchema } from "../validations/annotation";
import { parseInput } from "../validations/parse-input";
import { contentHash } from "./create-document";
import { mapPageBreaks, readPageBreaks } from "./page-breaks";
import { readPastedText } from "./read-document-text";
import { requireDocumentRole } from "./require-document-role";
import { indexDocumentText } from "../search/index-document-text";

export interface ReanchorCounts {
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/**
 * Saves an edited transcription as a new revision and re-checks every annotation on the document
 * (private ones included) against it: at its mapped position, then its quote near there, then a
 * windowed fuzzy match with a minimum score; below that it becomes an orphan, never moved to other
 * words. A re-anchored span stays within its old span ∪ the edited region (reanchorAnnotation), the
 * rule the section editor applies on screen, so what was drawn while editing is what is stored.
 * One transaction: the revision and all re-anchored annotations land together.
 */
export async function reviseDocumentText(db: Db, { actor, documentId, input }: { actor: { id: string }; documentId: string; input: unknown }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "EDITOR" });
  const { baseRevisionId, text: rawText, note } = parseInput(reviseTextSchema, input);
  const { text } = readPastedText(rawText);

  return db.$transaction(async (tx) => {
    const document = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { currentRevisionNumber: true } });
    const current = await tx.documentRevision.findUniqueOrThrow({
      where: { documentId_number: { documentId, number: document.currentRevisionNumber } },
      select: { id: true, text: true, number: true, mediaType: true, pageBreaks: true },
    });
    if (current.id !== baseRevisionId) {
      throw new AppError("CONFLICT", "Someone saved a newer version of this text while you were editing. Reload to see it; your edit was not saved.");
    }
    if (current.text === text) throw new AppError("INVALID_INPUT", "The text has not changed; there is nothing to save.");

    const edit = diffTexts(current.text, text);
    const pageBreaks = mapPageBreaks(readPageBreaks(current.pageBreaks, current.text.length), edit, text.length);
    const revision = await tx.documentRevision.create({
      data: { documentId, number: current.number + 1, text, mediaType: current.mediaType, contentHash: contentHash(text), createdById: actor.id, note, pageBreaks },
      select: { id: true, number: true },
    });
    const { workspaceId } = await tx.document.update({ where: { id: documentId }, data: { currentRevisionNumber: revision.number }, select: { workspaceId: true } });
    await indexDocumentText(tx, { workspaceId, documentId, revisionId: revision.id, text });

    const counts: ReanchorCounts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const annotations = await tx.annotation.findMany({
      where: { documentId, anchorStatus: "ANCHORED" },
      select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, authorId: true, visibility: true },
    });
    const unchanged: string[] = [];
    const orphaned: string[] = [];
    for (const a of annotations) {
      const result = reanchorAnnotation(current.text, text, { position: { start: a.start, end: a.end }, quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix } }, edit);
      // Every annotation is re-anchored; only those the editor may see are counted in the answer.
      if (a.visibility === "WORKSPACE" || a.authorId === actor.id) counts[result.status] += 1;
      if (result.status === "orphaned" || !result.selectors) {
        orphaned.push(a.id);
        continue;
      }
      const { position, quote } = result.selectors;
      if (position.start === a.start && position.end === a.end && quote.exact === a.exact && quote.prefix === a.prefix && quote.suffix === a.suffix) {
        unchanged.push(a.id);
        continue;
      }
      await tx.annotation.update({
        where: { id: a.id },
        data: { anchorRevisionId: revision.id, start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      });
    }
    // Most annotations sit outside the edit and only change revision: one statement for them all.
    // Orphans keep their old quote and offsets, so the user sees what they were on.
    await tx.annotation.updateMany({ where: { id: { in: unchanged } }, data: { anchorRevisionId: revision.id } });
    await tx.annotation.updateMany({ where: { id: { in: orphaned } }, data: { anchorStatus: "ORPHANED" } });
    return { revisionId: revision.id, revisionNumber: revision.number, counts };
    // Re-anchoring thousands of annotations on a large text can take seconds; Prisma's default is 5 s.
  }, { timeout: 60_000, maxWait: 10_000 });
}
