import { createHash } from "node:crypto";
import type { DbClient } from "../db";
import type { SessionUser } from "../auth/session-user";
import { documentMetadataSchema } from "../validations/document-metadata";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { documentMetadataData } from "./document-metadata-data";
import { validPageBreaks, type PageBreak } from "./page-breaks";
import type { DocumentText } from "./read-document-text";

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Adds a document with its first text revision to a workspace. The caller has already read the
 * text through readUploadedText/readPastedText; editors and owners may add documents.
 */
export async function createDocument(
  db: DbClient,
  {
    actor,
    workspaceId,
    metadata,
    content,
    pageBreaks = [],
  }: {
    actor: Pick<SessionUser, "id">;
    workspaceId: string;
    metadata: unknown;
    content: DocumentText;
    /** Where each page of the source starts in the text (from a PDF or TEI file); see DocumentRevision.pageBreaks. */
    pageBreaks?: readonly PageBreak[];
  },
) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const data = documentMetadataData(parseInput(documentMetadataSchema, metadata));
  // One nested write: Prisma commits the document and its revision together or not at all.
  return db.document.create({
    data: {
      ...data,
      workspaceId,
      createdById: actor.id,
      currentRevisionNumber: 1,
      revisions: {
        create: {
          number: 1,
          text: content.text,
          mediaType: content.mediaType,
          contentHash: contentHash(content.text),
          createdById: actor.id,
          note: "Added",
          pageBreaks: validPageBreaks(pageBreaks, content.text.length),
        },
      },
    },
  });
}
