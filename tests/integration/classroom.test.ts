import { beforeAll, describe, expect, it } from "vitest";
import { visibleToSql } from "@/lib/annotations/annotation-view";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { listDocumentAnnotations } from "@/lib/annotations/list-document-annotations";
import { listReadingAnnotations } from "@/lib/annotations/list-reading-annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getAssignment } from "@/lib/classroom/get-assignment";
import { getAssignmentResults } from "@/lib/classroom/get-assignment-results";
import { getClassHeatmap, listFlagsAt } from "@/lib/classroom/get-class-heatmap";
import { getStudentFeedback } from "@/lib/classroom/get-student-feedback";
import { createInviteCode, joinByInviteCode, revokeInviteCode } from "@/lib/classroom/invite-codes";
import { listMyAssignments, listWorkspaceAssignments } from "@/lib/classroom/list-assignments";
import { releaseResults } from "@/lib/classroom/release-results";
import { commentOnSubmission, reopenSubmission } from "@/lib/classroom/review-submission";
import { saveAssignment } from "@/lib/classroom/save-assignment";
import { setAssignmentKey } from "@/lib/classroom/set-assignment-key";
import { submitAssignment } from "@/lib/classroom/submit-assignment";
import { getDb } from "@/lib/db";
import { createDocument } from "@/lib/documents/create-document";
import { getDocument } from "@/lib/documents/get-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { readPastedText } from "@/lib/documents/read-document-text";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import type { ErrorCode } from "@/lib/errors";
import { openExportReader, readAllAnnotations } from "@/lib/export/read-export-set";
import { createLink } from "@/lib/links/create-link";
import { listDocumentLinks } from "@/lib/links/list-document-links";
import { addReply } from "@/lib/replies/add-reply";
import { openSqlite } from "@/lib/sqlite-connection";
import { addMember } from "@/lib/workspaces/add-member";
import { listMembers } from "@/lib/workspaces/list-members";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase } from "@/tests/factories";
import { rejection } from "./rejection";

const db = getDb();
const TEXT = "The beloved leader spoke. The generals without an army whined about capitulatory plans. The hall applauded.";

async function expectCode(promise: Promise<unknown>, code: ErrorCode) {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  return error;
}

/** What a full-text search would return: it reads annotations through visibleToSql, as the search index does. */
function searchAnnotations(userId: string, documentId: string): string[] {
  const sql = openSqlite({ readonly: true });
  try {
    const rows = sql.prepare(`SELECT a.exact FROM "Annotation" a WHERE a.documentId = @documentId AND ${visibleToSql("a", "@userId")} ORDER BY a.start`).all({ documentId, userId }) as { exact: string }[];
    return rows.map((r) => r.exact);
  } finally {
    sql.close();
  }
}

async function exportedQuotes(userId: string, workspaceId: string): Promise<string[]> {
  const reader = openExportReader({ userId, workspaceId, selection: { documentIds: [] } });
  try {
    return (await readAllAnnotations(reader)).map((a) => a.exact).sort();
  } finally {
    reader.close();
  }
}

describe("classroom", () => {
  let teacher: SessionUser;
  let colleague: SessionUser;
  let alice: SessionUser;
  let boris: SessionUser;
  let latecomer: SessionUser;
  let workspaceId: string;
  let documentId: string;
  let otherDocumentId: string;
  let assignmentId: string;
  let techniques: { loaded: string; nameCalling: string };
  let keyLoaded: string;
  let keyNameCalling: string;
  let teacherNote: string;
  let aliceMark: string;
  let borisMark: string;

  const mark = async (actor: SessionUser, phrase: string, techniqueId: string, doc = documentId) =>
    createAnnotation(db, { actor, documentId: doc, input: { ...(await selectPhrase(db, doc, phrase)), kind: "BIAS_MARKER", techniqueId } });

  beforeAll(async () => {
    [teacher, colleague, alice, boris, latecomer] = await Promise.all([createTestUser(db, { name: "Teacher" }), createTestUser(db), createTestUser(db, { name: "Alice" }), createTestUser(db, { name: "Boris" }), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, teacher)).id;
    await addTestMember(db, workspaceId, colleague.id, "VIEWER");
    documentId = (await createTestDocument(db, teacher, workspaceId, { title: "Pravda, 1925", text: TEXT })).id;
    otherDocumentId = (await createTestDocument(db, teacher, workspaceId, { title: "Not assigned" })).id;
    const tags = await db.tag.findMany({ where: { workspaceId, category: "TECHNIQUE" } });
    techniques = { loaded: tags.find((t) => t.key.endsWith("loaded-language"))!.id, nameCalling: tags.find((t) => t.key.includes("name-calling"))!.id };

    keyLoaded = (await mark(teacher, "beloved leader", techniques.loaded)).id;
    keyNameCalling = (await mark(teacher, "generals without an army", techniques.nameCalling)).id;
    teacherNote = (await createAnnotation(db, { actor: teacher, documentId, input: { ...(await selectPhrase(db, documentId, "The hall applauded")), kind: "CLAIM" } })).id;

    assignmentId = (await saveAssignment(db, { actor: teacher, workspaceId, input: { title: "Spot the propaganda", instructions: "Mark loaded words.", documentIds: [documentId], markKinds: ["BIAS_MARKER"] } })).id;
    await setAssignmentKey(db, { actor: teacher, assignmentId, input: { annotationIds: [keyLoaded, keyNameCalling] } });

    const invite = await createInviteCode(db, { actor: teacher, workspaceId, input: { days: 7 } });
    await joinByInviteCode(db, { actor: alice, input: { code: invite.code } });
    await joinByInviteCode(db, { actor: boris, input: { code: invite.code.toLowerCase() } });

    aliceMark = (await mark(alice, "beloved leader", techniques.loaded)).id;
    borisMark = (await mark(boris, "generals without an army", techniques.loaded)).id;
    await mark(boris, "capitulatory plans", techniques.loaded);
  });

  describe("invite codes", () => {
    it("add a signed-in person as a student, and only as a student", async () => {
      const roles = await db.membership.findMany({ where: { workspaceId, userId: { in: [alice.id, boris.id] } }, select: { role: true } });
      expect(roles.map((r) => r.role)).toEqual(["STUDENT", "STUDENT"]);
    });

    it("never change the role of someone already in the workspace, up or down", async () => {
      const invite = await createInviteCode(db, { actor: teacher, workspaceId, input: { days: 1 } });
      expect(await joinByInviteCode(db, { actor: teacher, input: { code: invite.code } })).toMatchObject({ role: "OWNER", joined: false });
      expect(await joinByInviteCode(db, { actor: colleague, input: { code: invite.code } })).toMatchObject({ role: "VIEWER", joined: false });
      expect((await db.membership.findUniqueOrThrow({ where: { userId_workspaceId: { userId: teacher.id, workspaceId } } })).role).toBe("OWNER");
    });

    it("refuse when expired, revoked or unknown, and add nobody", async () => {
      const expired = await createInviteCode(db, { actor: teacher, workspaceId, input: { days: 1 }, now: new Date(Date.now() - 2 * 86_400_000) });
      expect((await expectCode(joinByInviteCode(db, { actor: latecomer, input: { code: expired.code } }), "FORBIDDEN")).message).toMatch(/expired/);
      const revoked = await createInviteCode(db, { actor: teacher, workspaceId, input: { days: 7 } });
      await revokeInviteCode(db, { actor: teacher, inviteCodeId: revoked.id });
      expect((await expectCode(joinByInviteCode(db, { actor: latecomer, input: { code: revoked.code } }), "FORBIDDEN")).message).toMatch(/withdrawn/);
      await expectCode(joinByInviteCode(db, { actor: latecomer, input: { code: "NOSUCHCODE" } }), "NOT_FOUND");
      await expectCode(joinByInviteCode(db, { actor: latecomer, input: { code: "" } }), "INVALID_INPUT");
      expect(await db.membership.count({ where: { workspaceId, userId: latecomer.id } })).toBe(0);
    });

    it("are made and revoked by teachers only", async () => {
      await expectCode(createInviteCode(db, { actor: alice, workspaceId, input: { days: 7 } }), "FORBIDDEN");
      await expectCode(createInviteCode(db, { actor: colleague, workspaceId, input: { days: 7 } }), "FORBIDDEN");
      await expectCode(createInviteCode(db, { actor: latecomer, workspaceId, input: { days: 7 } }), "NOT_FOUND");
      const invite = await createInviteCode(db, { actor: teacher, workspaceId, input: { days: 7 } });
      await expectCode(revokeInviteCode(db, { actor: alice, inviteCodeId: invite.id }), "FORBIDDEN");
    });
  });

  describe("before release, a student sees only their own work", () => {
    it("in the reading view, the API list, the annotation count and the library", async () => {
      expect((await listReadingAnnotations(db, { actor: boris, documentId })).map((a) => a.exact)).toEqual(["generals without an army", "capitulatory plans"]);
      expect((await listDocumentAnnotations(db, { actor: alice, documentId })).map((a) => a.id)).toEqual([aliceMark]);
      expect((await getDocument(db, { actor: alice, documentId })).annotationCount).toBe(1);
      const library = await listDocuments(db, { actor: alice, workspaceId });
      expect(library.find((d) => d.id === documentId)?.annotationCount).toBe(1);
    });

    it("not a classmate's annotation, not the key, not the teacher's other annotations, by id", async () => {
      for (const annotationId of [borisMark, keyLoaded, teacherNote]) {
        await expectCode(getAnnotation(db, { actor: alice, annotationId }), "NOT_FOUND");
        await expectCode(addReply(db, { actor: alice, annotationId, input: { body: "peek" } }), "NOT_FOUND");
      }
      expect((await getAnnotation(db, { actor: alice, annotationId: aliceMark })).id).toBe(aliceMark);
    });

    it("in exports and search", async () => {
      expect(await exportedQuotes(alice.id, workspaceId)).toEqual(["beloved leader"]);
      expect(searchAnnotations(boris.id, documentId)).toEqual(["generals without an army", "capitulatory plans"]);
      // Teachers and other members still see the class's shared work.
      expect(searchAnnotations(colleague.id, documentId)).toHaveLength(6);
    });

    it("in links", async () => {
      await createLink(db, { actor: teacher, input: { sourceAnnotationId: keyLoaded, targetAnnotationId: teacherNote, type: "CORROBORATES" } });
      expect(await listDocumentLinks(db, { actor: alice, documentId })).toEqual([]);
      await expectCode(createLink(db, { actor: alice, input: { sourceAnnotationId: borisMark, targetAnnotationId: aliceMark, type: "CORROBORATES" } }), "NOT_FOUND");
      // Students do not make links at all.
      await expectCode(createLink(db, { actor: alice, input: { sourceAnnotationId: aliceMark, targetAnnotationId: teacherNote, type: "CORROBORATES" } }), "FORBIDDEN");
    });

    it("and the teacher's progress view, results and heatmap are closed to students", async () => {
      expect((await getAssignment(db, { actor: alice, assignmentId })).teacher).toBeNull();
      await expectCode(getAssignmentResults(db, { actor: alice, assignmentId }), "FORBIDDEN");
      await expectCode(getClassHeatmap(db, { actor: alice, assignmentId }), "FORBIDDEN");
      await expectCode(listFlagsAt(db, { actor: alice, assignmentId, documentId, at: 5 }), "FORBIDDEN");
      await expectCode(getStudentFeedback(db, { actor: alice, assignmentId }), "FORBIDDEN");
    });
  });

  describe("students cannot manage the class", () => {
    it("members, documents, workspace settings, assignments, the key or the release", async () => {
      await expectCode(listMembers(db, { actor: alice, workspaceId }), "FORBIDDEN");
      await expectCode(addMember(db, { actor: alice, workspaceId, input: { email: latecomer.email, role: "VIEWER" } }), "FORBIDDEN");
      await expectCode(createDocument(db, { actor: alice, workspaceId, metadata: { title: "Planted" }, content: readPastedText("text") }), "FORBIDDEN");
      await expectCode(updateDocumentMetadata(db, { actor: alice, documentId, metadata: { title: "Renamed" } }), "FORBIDDEN");
      await expectCode(saveAssignment(db, { actor: alice, workspaceId, input: { title: "Mine", documentIds: [documentId], markKinds: ["BIAS_MARKER"] } }), "FORBIDDEN");
      await expectCode(setAssignmentKey(db, { actor: alice, assignmentId, input: { annotationIds: [aliceMark] } }), "FORBIDDEN");
      await expectCode(releaseResults(db, { actor: alice, assignmentId, released: true }), "FORBIDDEN");
      await expectCode(reopenSubmission(db, { actor: alice, assignmentId, studentId: alice.id }), "FORBIDDEN");
    });

    it("nor annotate a document outside an open assignment, nor change a classmate's marks", async () => {
      await expectCode(mark(alice, "congress", techniques.loaded, otherDocumentId), "FORBIDDEN");
      await expectCode(updateAnnotation(db, { actor: alice, annotationId: borisMark, input: { note: "x" } }), "NOT_FOUND");
      await expectCode(deleteAnnotation(db, { actor: alice, annotationId: borisMark }), "NOT_FOUND");
    });

    it("and a teacher cannot put a student's mark in the key", async () => {
      await expectCode(setAssignmentKey(db, { actor: teacher, assignmentId, input: { annotationIds: [keyLoaded, aliceMark] } }), "INVALID_INPUT");
      expect(await db.assignmentKeyAnnotation.count({ where: { assignmentId } })).toBe(2);
    });
  });

  describe("submitting", () => {
    it("locks the work until the teacher reopens it", async () => {
      const extra = await mark(alice, "The hall", techniques.loaded);
      await submitAssignment(db, { actor: alice, assignmentId });
      await expectCode(mark(alice, "applauded", techniques.loaded), "FORBIDDEN");
      await expectCode(updateAnnotation(db, { actor: alice, annotationId: extra.id, input: { note: "late" } }), "FORBIDDEN");
      await expectCode(deleteAnnotation(db, { actor: alice, annotationId: extra.id }), "FORBIDDEN");
      await expectCode(submitAssignment(db, { actor: alice, assignmentId }), "CONFLICT");

      await reopenSubmission(db, { actor: teacher, assignmentId, studentId: alice.id });
      await deleteAnnotation(db, { actor: alice, annotationId: extra.id });
      await submitAssignment(db, { actor: alice, assignmentId });
      await submitAssignment(db, { actor: boris, assignmentId });
    });

    it("shows in the teacher's progress view", async () => {
      const detail = await getAssignment(db, { actor: teacher, assignmentId });
      const progress = Object.fromEntries((detail.teacher?.progress ?? []).map((p) => [p.name, p]));
      expect(progress.Alice).toMatchObject({ marks: 1, submittedAt: expect.any(Date), reopenedAt: expect.any(Date) });
      expect(progress.Boris).toMatchObject({ marks: 2, submittedAt: expect.any(Date) });
      expect(detail.teacher?.keySize).toBe(2);
    });
  });

  describe("results", () => {
    it("score each student against the key", async () => {
      const results = await getAssignmentResults(db, { actor: teacher, assignmentId });
      const byName = Object.fromEntries(results.students.map((s) => [s.name, s]));
      // Alice marked one key span exactly, with the right technique; she missed the other.
      expect(byName.Alice).toMatchObject({ marks: 1, precision: 1, recall: 0.5, techniqueAccuracy: 1 });
      expect(byName.Alice?.f1).toBeCloseTo(2 / 3, 10);
      // Boris found the other key span with the wrong technique, and marked one extra span.
      expect(byName.Boris).toMatchObject({ marks: 2, precision: 0.5, recall: 0.5, f1: 0.5, techniqueAccuracy: 0 });
      expect(results.confusion).toEqual(expect.arrayContaining([expect.objectContaining({ count: 1 })]));
      expect(results.agreement.coders).toBe(2);
      expect(results.pairwise.f1).toEqual([
        [1, 0],
        [0, 1],
      ]);
    });

    it("draw the class heatmap and list who flagged a span", async () => {
      const { heatmap } = await getClassHeatmap(db, { actor: teacher, assignmentId });
      expect(heatmap?.flaggers).toBe(2);
      expect(heatmap?.key).toEqual([TEXT.indexOf("beloved"), TEXT.indexOf("beloved") + 14, TEXT.indexOf("generals"), TEXT.indexOf("generals") + 24]);
      const flags = await listFlagsAt(db, { actor: teacher, assignmentId, documentId, at: TEXT.indexOf("army") });
      expect(flags.flags.map((f) => f.student)).toEqual(["Boris"]);
      expect(flags.key).toHaveLength(1);
    });
  });

  describe("after release", () => {
    beforeAll(async () => {
      await commentOnSubmission(db, { actor: teacher, assignmentId, studentId: alice.id, input: { comment: "Good eye; look again at the generals." } });
      await releaseResults(db, { actor: teacher, assignmentId, released: true });
    });

    it("a student sees the key and their own work, still nobody else's", async () => {
      expect((await listReadingAnnotations(db, { actor: alice, documentId })).map((a) => a.id).sort()).toEqual([aliceMark, keyLoaded, keyNameCalling].sort());
      expect(await exportedQuotes(alice.id, workspaceId)).toEqual(["beloved leader", "beloved leader", "generals without an army"]);
      expect(searchAnnotations(alice.id, documentId)).not.toContain("capitulatory plans");
      await expectCode(getAnnotation(db, { actor: alice, annotationId: borisMark }), "NOT_FOUND");
      await expectCode(getAnnotation(db, { actor: alice, annotationId: teacherNote }), "NOT_FOUND");
      expect((await getAnnotation(db, { actor: alice, annotationId: keyLoaded })).id).toBe(keyLoaded);
    });

    it("a student gets their feedback: hits, misses, extras, scores and the comment", async () => {
      const feedback = await getStudentFeedback(db, { actor: boris, assignmentId });
      expect(feedback.documents[0]?.mine.map((m) => m.status)).toEqual(["hit", "extra"]);
      expect(feedback.documents[0]?.key.map((k) => k.status)).toEqual(["missed", "found"]);
      expect(feedback.scores).toMatchObject({ precision: 0.5, recall: 0.5, marks: 2 });
      expect((await getStudentFeedback(db, { actor: alice, assignmentId })).comment).toBe("Good eye; look again at the generals.");
    });

    it("work stops: nobody can annotate a released assignment", async () => {
      await expectCode(mark(boris, "The hall", techniques.loaded), "FORBIDDEN");
    });

    it("lists the assignment as released in My assignments", async () => {
      expect((await listMyAssignments(db, { actor: alice })).map((a) => a.status)).toEqual(["released"]);
      expect((await listWorkspaceAssignments(db, { actor: teacher, workspaceId })).assignments[0]).toMatchObject({ submitted: 2, keySize: 2 });
    });
  });
});
