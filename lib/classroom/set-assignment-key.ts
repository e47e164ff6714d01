import type { Db } from "../db";
import { AppError } from "../errors";
import { assignmentKeySchema } from "../validations/classroom";
import { parseInput } from "../validations/parse-input";
import { requireAssignment } from "./require-assignment";

/**
 * Makes the given annotations the assignment's answer key (replacing the previous key). Each
 * must be on one of its documents, of a kind it asks for, and written by a teacher (an editor or
 * owner) — never a student's. Key annotations are shared with the workspace: students still
 * cannot see them until the results are released (see `visibleTo`).
 */
export async function setAssignmentKey(db: Db, { actor, assignmentId, input }: { actor: { id: string }; assignmentId: string; input: unknown }) {
  const { assignment, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  const annotationIds = [...new Set(parseInput(assignmentKeySchema, input).annotationIds)];
  const teacherIds = (await db.membership.findMany({ where: { workspaceId: assignment.workspaceId, role: { in: ["OWNER", "EDITOR"] } }, select: { userId: true } })).map((m) => m.userId);
  const eligible = await db.annotation.findMany({
    where: {
      id: { in: annotationIds },
      kind: { in: markKinds },
      authorId: { in: teacherIds },
      anchorStatus: "ANCHORED",
      document: { assignments: { some: { assignmentId } } },
      OR: [{ visibility: "WORKSPACE" }, { authorId: actor.id }],
    },
    select: { id: true },
  });
  if (eligible.length !== annotationIds.length) {
    throw new AppError("INVALID_INPUT", `${annotationIds.length - eligible.length} of the chosen annotations cannot be in this key: a key holds teachers' placed annotations of the assignment's kinds on its documents.`);
  }
  await db.$transaction(async (tx) => {
    await tx.assignmentKeyAnnotation.deleteMany({ where: { assignmentId } });
    await tx.assignmentKeyAnnotation.createMany({ data: annotationIds.map((annotationId) => ({ annotationId, assignmentId })) });
    await tx.annotation.updateMany({ where: { id: { in: annotationIds } }, data: { visibility: "WORKSPACE" } });
  });
  return { keySize: annotationIds.length };
}
