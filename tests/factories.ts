// Small factories for tests (and later seeds): every call makes rows with unique keys, so callers
// never collide with each other or with the seed corpus.
import { randomUUID } from "node:crypto";
import type { DbClient } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import type { SessionUser } from "../lib/auth/session-user";
import { createDocument } from "../lib/documents/create-document";
import { readPastedText, type DocumentText } from "../lib/documents/read-document-text";
import type { Role } from "../lib/generated/prisma/enums";
import type { DocumentMetadataInput } from "../lib/validations/document-metadata";
import { createWorkspace } from "../lib/workspaces/create-workspace";

/** The password of every user createTestUser makes unless told otherwise. */
export const TEST_PASSWORD = "test-password-1925";

// argon2id is deliberately slow: hash the shared password once per process.
let testPasswordHash: Promise<string> | undefined;

function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** A user with a unique email (stored lower-cased and trimmed, as sign-up stores it). */
export async function createTestUser(
  db: DbClient,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<SessionUser> {
  const passwordHash =
    overrides.password === undefined ? await (testPasswordHash ??= hashPassword(TEST_PASSWORD)) : await hashPassword(overrides.password);
  const email = (overrides.email ?? `user-${randomUUID()}@example.org`).trim().toLowerCase();
  const name = overrides.name ?? `Test User ${uniqueSuffix()}`;
  return db.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true, name: true } });
}

/** A workspace owned by `owner`, with its tag taxonomy, made the way the app makes one. */
export function createTestWorkspace(db: DbClient, owner: { id: string }, overrides: { name?: string; description?: string } = {}) {
  return createWorkspace(db, {
    actor: owner,
    input: { name: overrides.name ?? `Test workspace ${uniqueSuffix()}`, description: overrides.description ?? "" },
  });
}

/** Makes `userId` a member of the workspace with `role`, bypassing the owner-only service. */
export function addTestMember(db: DbClient, workspaceId: string, userId: string, role: Role) {
  return db.membership.create({ data: { workspaceId, userId, role } });
}

/** A document with revision 1, added by `actor` through the createDocument service. */
export function createTestDocument(
  db: DbClient,
  actor: { id: string },
  workspaceId: string,
  overrides: Partial<DocumentMetadataInput> & { text?: string; mediaType?: DocumentText["mediaType"] } = {},
) {
  const { text, mediaType, ...metadata } = overrides;
  return createDocument(db, {
    actor,
    workspaceId,
    metadata: { title: `Test document ${uniqueSuffix()}`, ...metadata },
    content: readPastedText(text ?? "The congress opened on 18 December 1925.\n\nIt closed on 31 December.", mediaType),
  });
}

/** The id and text of a document's current revision. */
export async function currentRevision(db: DbClient, documentId: string) {
  const document = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { currentRevisionNumber: true } });
  return db.documentRevision.findUniqueOrThrow({
    where: { documentId_number: { documentId, number: document.currentRevisionNumber } },
    select: { id: true, text: true, number: true },
  });
}

/** The input createAnnotation expects for the first occurrence of `phrase` in the current text. */
export async function selectPhrase(db: DbClient, documentId: string, phrase: string, occurrence = 0) {
  const revision = await currentRevision(db, documentId);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = revision.text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`“${phrase}” is not in the document`);
  return { revisionId: revision.id, start, end: start + phrase.length, exact: phrase };
}
