import type { Db } from "../db";
import { AppError } from "../errors";
import { parseW3cAnnotations } from "../export/parse-w3c-annotations";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { applyImportPlan } from "./apply-import";
import { checkImportPlan } from "./check-plan";
import type { ImportPlan, ImportReport } from "./import-plan";
import { ImportRejected } from "./import-problems";
import { planFromBundle } from "./plan-from-bundle";
import { planFromW3c, type W3cTargetDocument } from "./plan-from-w3c";
import { isZip, readBundle } from "./read-bundle";

/** The largest import file accepted, compressed or not. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface ImportFileInput {
  bytes: Uint8Array;
  /** For W3C files: place every annotation on this document rather than matching sources. */
  documentId: string | null;
  /** The SQLite file `db` works on, when it is not the configured one (the bench's). */
  databaseFile?: string;
}

/**
 * Imports a file into a workspace (editors and owners): a workbench bundle (ZIP) adds its
 * documents with their annotations, replies and links; W3C Web Annotation JSON-LD adds
 * annotations to documents already here. Either all of it is imported or none of it.
 */
export async function importFile(db: Db, { actor, workspaceId, input }: { actor: { id: string }; workspaceId: string; input: ImportFileInput }): Promise<ImportReport> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const { bytes } = input;
  if (bytes.length === 0) throw new ImportRejected("The file is empty.");
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const plan = isZip(bytes) ? planFromBundle(await readBundle(bytes)) : await planFromJson(db, workspaceId, input);
  checkImportPlan(plan);
  return applyImportPlan(db, { actor, workspaceId, plan, databaseFile: input.databaseFile });
}

async function planFromJson(db: Db, workspaceId: string, { bytes, documentId }: ImportFileInput): Promise<ImportPlan> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRejected("The file is neither a ZIP bundle nor UTF-8 text (JSON-LD).");
  }
  const parsed = parseW3cAnnotations(text);
  if (parsed.errors.length > 0) {
    throw new ImportRejected(
      parsed.annotations.length === 0 && parsed.errors.some((error) => error.index === null) ? "The file cannot be read as W3C Web Annotations." : "Some annotations in the file are malformed; nothing was imported.",
      parsed.errors.slice(0, 20).map((error) => ({ where: error.index === null ? "file" : `item ${error.index + 1}`, message: error.message })),
    );
  }
  return planFromW3c(parsed.annotations, { documents: await targetDocuments(db, workspaceId, documentId), chosenDocumentId: documentId });
}

/** The chosen document, or all of the workspace's, each with its current text. */
async function targetDocuments(db: Db, workspaceId: string, documentId: string | null): Promise<W3cTargetDocument[]> {
  const documents = await db.document.findMany({
    where: { workspaceId, ...(documentId && { id: documentId }) },
    select: { id: true, title: true, currentRevisionNumber: true },
  });
  if (documentId && documents.length === 0) throw new AppError("NOT_FOUND", "That document is not in this workspace.");
  if (documents.length === 0) return [];
  const revisions = await db.documentRevision.findMany({
    where: { OR: documents.map((document) => ({ documentId: document.id, number: document.currentRevisionNumber })) },
    select: { documentId: true, text: true },
  });
  const texts = new Map(revisions.map((revision) => [revision.documentId, revision.text]));
  return documents.map((document) => ({ id: document.id, title: document.title, text: texts.get(document.id) ?? "" }));
}
