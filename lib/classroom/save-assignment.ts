import type { Db } from "../db";
import { AppError } from "../errors";
import { assignmentSchema } from "../validations/classroom";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { requireAssignment } from "./require-assignment";

/**
 * Creates an assignment (no `assignmentId`) or replaces one's title, instructions, documents,
 * kinds and dates. Teachers (editors and owners) of the workspace; the documents must be its own.
 */
export async function saveAssignment(
  db: Db,
  { actor, input, ...target }: { actor: { id: string }; input: unknown } & ({ workspaceId: string; assignmentId?: undefined } | { assignmentId: string; workspaceId?: undefined }),
) {
  const { assignmentId } = target;
  let workspaceId: string;
  if (target.assignmentId !== undefined) {
    workspaceId = (await requireAssignment(db, { userId: actor.id, assignmentId: target.assignmentId, asTeacher: true })).assignment.workspaceId;
  } else {
    workspaceId = target.workspaceId;
    await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  }
  const { documentIds, ...fields } = parseInput(assignmentSchema, input);
  const unique = [...new Set(documentIds)];
  const found = await db.document.count({ where: { id: { in: unique }, workspaceId } });
  if (found !== unique.length) throw new AppError("INVALID_INPUT", "Choose documents of this workspace.", { documentIds: "Choose documents of this workspace." });
  const documents = unique.map((documentId, position) => ({ documentId, position }));

  return db.$transaction(async (tx) => {
    if (!assignmentId) {
      return tx.assignment.create({ data: { ...fields, workspaceId, documents: { create: documents } } });
    }
    await tx.assignmentDocument.deleteMany({ where: { assignmentId } });
    // Key annotations on documents no longer in the assignment leave the key.
    await tx.assignmentKeyAnnotation.deleteMany({ where: { assignmentId, annotation: { documentId: { notIn: unique } } } });
    return tx.assignment.update({ where: { id: assignmentId }, data: { ...fields, documents: { create: documents } } });
  });
}
