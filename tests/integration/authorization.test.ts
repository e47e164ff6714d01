import { rejection } from "./rejection";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { createDocument } from "@/lib/documents/create-document";
import { deleteDocument } from "@/lib/documents/delete-document";
import { getDocument } from "@/lib/documents/get-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { readPastedText } from "@/lib/documents/read-document-text";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { addMember } from "@/lib/workspaces/add-member";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listMembers } from "@/lib/workspaces/list-members";
import { removeMember } from "@/lib/workspaces/remove-member";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace } from "@/tests/factories";

const db = getDb();

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  return error;
}

const content = () => readPastedText("A short text about the congress.");

async function roleOf(workspaceId: string, userId: string) {
  return (await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } }))?.role ?? null;
}

describe("authorization", () => {
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  let workspaceId: string;
  let documentId: string;

  beforeAll(async () => {
    [owner, editor, viewer, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, editor.id, "EDITOR");
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    documentId = (await createTestDocument(db, owner, workspaceId, { title: "Protocol of the 14th Congress" })).id;
    // The outsider has a workspace of their own: being signed in and a member elsewhere grants nothing here.
    await createTestWorkspace(db, outsider);
  });

  describe("someone outside the workspace gets NOT_FOUND, never FORBIDDEN", () => {
    it("for reading a document, the library, the workspace and its members", async () => {
      await expectCode(getDocument(db, { actor: outsider, documentId }), "NOT_FOUND");
      await expectCode(listDocuments(db, { actor: outsider, workspaceId }), "NOT_FOUND");
      await expectCode(getWorkspace(db, { actor: outsider, workspaceId }), "NOT_FOUND");
      await expectCode(listMembers(db, { actor: outsider, workspaceId }), "NOT_FOUND");
    });

    it("for writing, and nothing changes", async () => {
      const before = await db.document.count({ where: { workspaceId } });
      await expectCode(updateDocumentMetadata(db, { actor: outsider, documentId, metadata: { title: "Hijacked" } }), "NOT_FOUND");
      await expectCode(deleteDocument(db, { actor: outsider, documentId }), "NOT_FOUND");
      await expectCode(createDocument(db, { actor: outsider, workspaceId, metadata: { title: "Planted" }, content: content() }), "NOT_FOUND");
      await expectCode(addMember(db, { actor: outsider, workspaceId, input: { email: outsider.email, role: "OWNER" } }), "NOT_FOUND");

      const document = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      expect(document.title).toBe("Protocol of the 14th Congress");
      expect(await db.document.count({ where: { workspaceId } })).toBe(before);
      expect(await roleOf(workspaceId, outsider.id)).toBeNull();
    });

    it("with the same answer as for an id that does not exist, so ids cannot be probed", async () => {
      const madeUp = "cl0000000000000000000000";
      const forMissing = await expectCode(getDocument(db, { actor: owner, documentId: madeUp }), "NOT_FOUND");
      const forForeign = await expectCode(getDocument(db, { actor: outsider, documentId }), "NOT_FOUND");
      expect(forForeign.message).toBe(forMissing.message);

      const missingWorkspace = await expectCode(getWorkspace(db, { actor: owner, workspaceId: madeUp }), "NOT_FOUND");
      const foreignWorkspace = await expectCode(getWorkspace(db, { actor: outsider, workspaceId }), "NOT_FOUND");
      expect(foreignWorkspace.message).toBe(missingWorkspace.message);
    });
  });

  it("a made-up document id is NOT_FOUND for every document service, even for an owner", async () => {
    const documentIdMadeUp = "no-such-document";
    await expectCode(getDocument(db, { actor: owner, documentId: documentIdMadeUp }), "NOT_FOUND");
    await expectCode(updateDocumentMetadata(db, { actor: owner, documentId: documentIdMadeUp, metadata: { title: "x" } }), "NOT_FOUND");
    await expectCode(deleteDocument(db, { actor: owner, documentId: documentIdMadeUp }), "NOT_FOUND");
  });

  describe("a viewer", () => {
    it("can read the library, a document and the members", async () => {
      const documents = await listDocuments(db, { actor: viewer, workspaceId });
      expect(documents.map((d) => d.id)).toContain(documentId);
      const document = await getDocument(db, { actor: viewer, documentId });
      expect(document.title).toBe("Protocol of the 14th Congress");
      expect(document.role).toBe("VIEWER");
      expect(document.revision.number).toBe(1);
      expect((await getWorkspace(db, { actor: viewer, workspaceId })).role).toBe("VIEWER");
      expect((await listMembers(db, { actor: viewer, workspaceId })).map((m) => m.userId).sort()).toEqual(
        [owner.id, editor.id, viewer.id].sort(),
      );
    });

    it("gets FORBIDDEN for adding, editing and deleting documents and for adding members", async () => {
      const before = await db.document.count({ where: { workspaceId } });
      await expectCode(createDocument(db, { actor: viewer, workspaceId, metadata: { title: "By a viewer" }, content: content() }), "FORBIDDEN");
      await expectCode(updateDocumentMetadata(db, { actor: viewer, documentId, metadata: { title: "Edited by a viewer" } }), "FORBIDDEN");
      await expectCode(deleteDocument(db, { actor: viewer, documentId }), "FORBIDDEN");
      await expectCode(addMember(db, { actor: viewer, workspaceId, input: { email: outsider.email, role: "VIEWER" } }), "FORBIDDEN");

      expect(await db.document.count({ where: { workspaceId } })).toBe(before);
      expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).title).toBe("Protocol of the 14th Congress");
      expect(await roleOf(workspaceId, outsider.id)).toBeNull();
    });
  });

  describe("an editor", () => {
    it("can add, edit and delete documents", async () => {
      const created = await createDocument(db, { actor: editor, workspaceId, metadata: { title: "Added by the editor" }, content: content() });
      expect(created.createdById).toBe(editor.id);

      const updated = await updateDocumentMetadata(db, { actor: editor, documentId: created.id, metadata: { title: "Renamed by the editor" } });
      expect(updated.title).toBe("Renamed by the editor");

      await expect(deleteDocument(db, { actor: editor, documentId: created.id })).resolves.toEqual({ workspaceId });
      expect(await db.document.findUnique({ where: { id: created.id } })).toBeNull();
    });

    it("gets FORBIDDEN for adding members, changing roles and removing others", async () => {
      await expectCode(addMember(db, { actor: editor, workspaceId, input: { email: outsider.email, role: "VIEWER" } }), "FORBIDDEN");
      await expectCode(changeMemberRole(db, { actor: editor, workspaceId, userId: viewer.id, role: "EDITOR" }), "FORBIDDEN");
      await expectCode(changeMemberRole(db, { actor: editor, workspaceId, userId: editor.id, role: "OWNER" }), "FORBIDDEN");
      await expectCode(removeMember(db, { actor: editor, workspaceId, userId: viewer.id }), "FORBIDDEN");
      await expectCode(removeMember(db, { actor: editor, workspaceId, userId: owner.id }), "FORBIDDEN");

      expect(await roleOf(workspaceId, outsider.id)).toBeNull();
      expect(await roleOf(workspaceId, viewer.id)).toBe("VIEWER");
      expect(await roleOf(workspaceId, editor.id)).toBe("EDITOR");
      expect(await roleOf(workspaceId, owner.id)).toBe("OWNER");
    });
  });

  describe("membership management", () => {
    // Each test has its own workspace: these tests change who belongs where.
    async function team() {
      const [boss, member] = await Promise.all([createTestUser(db), createTestUser(db)]);
      const { id } = await createTestWorkspace(db, boss);
      await addTestMember(db, id, member.id, "VIEWER");
      return { boss, member, workspaceId: id };
    }

    it("an owner adds a member by email (any case, surrounding spaces), changes their role and removes them", async () => {
      const { boss, workspaceId: teamId } = await team();
      const newcomer = await createTestUser(db);

      const membership = await addMember(db, { actor: boss, workspaceId: teamId, input: { email: `  ${newcomer.email.toUpperCase()} `, role: "VIEWER" } });
      expect(membership).toMatchObject({ userId: newcomer.id, workspaceId: teamId, role: "VIEWER" });
      expect((await getWorkspace(db, { actor: newcomer, workspaceId: teamId })).role).toBe("VIEWER");

      await changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: newcomer.id, role: "EDITOR" });
      expect(await roleOf(teamId, newcomer.id)).toBe("EDITOR");

      await removeMember(db, { actor: boss, workspaceId: teamId, userId: newcomer.id });
      expect(await roleOf(teamId, newcomer.id)).toBeNull();
      await expectCode(getWorkspace(db, { actor: newcomer, workspaceId: teamId }), "NOT_FOUND");
    });

    it("adding an unknown email is NOT_FOUND, an existing member CONFLICT, a made-up role INVALID_INPUT", async () => {
      const { boss, member, workspaceId: teamId } = await team();
      const unknown = await expectCode(addMember(db, { actor: boss, workspaceId: teamId, input: { email: "nobody-here@example.org", role: "VIEWER" } }), "NOT_FOUND");
      expect(unknown.fieldErrors.email).toBeTruthy();
      const duplicate = await expectCode(addMember(db, { actor: boss, workspaceId: teamId, input: { email: member.email, role: "EDITOR" } }), "CONFLICT");
      expect(duplicate.fieldErrors.email).toBeTruthy();
      expect(await roleOf(teamId, member.id)).toBe("VIEWER");
      await expectCode(changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: member.id, role: "ADMIN" }), "INVALID_INPUT");
      expect(await roleOf(teamId, member.id)).toBe("VIEWER");
    });

    it("two owners stepping down at the same moment leave one owner, never none", async () => {
      const { boss, member, workspaceId: teamId } = await team();
      await changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: member.id, role: "OWNER" });
      const results = await Promise.allSettled([
        changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: boss.id, role: "EDITOR" }),
        removeMember(db, { actor: member, workspaceId: teamId, userId: member.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.membership.count({ where: { workspaceId: teamId, role: "OWNER" } })).toBe(1);
    });

    it("the last owner can neither step down nor leave (CONFLICT); with a second owner both work", async () => {
      const { boss, member, workspaceId: teamId } = await team();
      await expectCode(changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: boss.id, role: "EDITOR" }), "CONFLICT");
      await expectCode(removeMember(db, { actor: boss, workspaceId: teamId, userId: boss.id }), "CONFLICT");
      expect(await roleOf(teamId, boss.id)).toBe("OWNER");

      await changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: member.id, role: "OWNER" });
      await changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: boss.id, role: "EDITOR" });
      expect(await roleOf(teamId, boss.id)).toBe("EDITOR");

      // Now `member` is the only owner and meets the same rule.
      await expectCode(removeMember(db, { actor: member, workspaceId: teamId, userId: member.id }), "CONFLICT");
      await expectCode(changeMemberRole(db, { actor: member, workspaceId: teamId, userId: member.id, role: "VIEWER" }), "CONFLICT");
      await removeMember(db, { actor: boss, workspaceId: teamId, userId: boss.id });
      expect(await roleOf(teamId, boss.id)).toBeNull();
      expect(await roleOf(teamId, member.id)).toBe("OWNER");
    });

    it("a member can leave on their own, and afterwards sees NOT_FOUND", async () => {
      const { boss, member, workspaceId: teamId } = await team();
      await removeMember(db, { actor: member, workspaceId: teamId, userId: member.id });
      expect(await roleOf(teamId, member.id)).toBeNull();
      await expectCode(listDocuments(db, { actor: member, workspaceId: teamId }), "NOT_FOUND");
      expect(await roleOf(teamId, boss.id)).toBe("OWNER");
    });

    it("an owner cannot be removed by a non-owner, and removing a non-member is NOT_FOUND", async () => {
      const { boss, member, workspaceId: teamId } = await team();
      await expectCode(removeMember(db, { actor: member, workspaceId: teamId, userId: boss.id }), "FORBIDDEN");
      const stranger = await createTestUser(db);
      await expectCode(removeMember(db, { actor: boss, workspaceId: teamId, userId: stranger.id }), "NOT_FOUND");
      await expectCode(changeMemberRole(db, { actor: boss, workspaceId: teamId, userId: stranger.id, role: "EDITOR" }), "NOT_FOUND");
      expect(await roleOf(teamId, boss.id)).toBe("OWNER");
    });
  });

  describe("annotation counts in the library", () => {
    it("count workspace annotations and the actor's own private ones, never another person's private ones", async () => {
      const { id: countedId } = await createTestDocument(db, owner, workspaceId, { title: "Counted" });
      const revision = await db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId: countedId, number: 1 } } });
      const annotate = (authorId: string, visibility: Visibility) =>
        db.annotation.create({
          data: {
            workspaceId,
            documentId: countedId,
            authorId,
            madeOnRevisionId: revision.id,
            anchorRevisionId: revision.id,
            start: 0,
            end: 7,
            exact: revision.text.slice(0, 7),
            kind: "CLAIM",
            visibility,
          },
        });
      await annotate(owner.id, "WORKSPACE");
      await annotate(owner.id, "PRIVATE");
      await annotate(editor.id, "PRIVATE");
      await annotate(editor.id, "PRIVATE");
      await annotate(viewer.id, "WORKSPACE");

      const countFor = async (actor: SessionUser) => {
        const documents = await listDocuments(db, { actor, workspaceId });
        const counted = documents.find((d) => d.id === countedId);
        expect(counted).toBeDefined();
        return counted?.annotationCount;
      };
      expect(await countFor(owner)).toBe(3); // 2 workspace + own private
      expect(await countFor(editor)).toBe(4); // 2 workspace + 2 own private
      expect(await countFor(viewer)).toBe(2); // 2 workspace, no private of their own
      // The document without annotations counts zero.
      expect((await listDocuments(db, { actor: owner, workspaceId })).find((d) => d.id === documentId)?.annotationCount).toBe(0);
    });
  });
});
