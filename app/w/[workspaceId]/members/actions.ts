"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { addMember } from "@/lib/workspaces/add-member";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { removeMember } from "@/lib/workspaces/remove-member";

export async function addMemberAction(workspaceId: string, _previous: ActionResult<unknown> | null, formData: FormData) {
  return runAction(async () => {
    const actor = await requireSessionUser();
    await addMember(getDb(), { actor, workspaceId, input: { email: formData.get("email"), role: formData.get("role") } });
    revalidatePath(`/w/${workspaceId}/members`);
  });
}

export async function changeMemberRoleAction(workspaceId: string, userId: string, role: string) {
  return runAction(async () => {
    const actor = await requireSessionUser();
    await changeMemberRole(getDb(), { actor, workspaceId, userId, role });
    revalidatePath(`/w/${workspaceId}/members`);
  });
}

export async function removeMemberAction(workspaceId: string, userId: string) {
  return runAction(async () => {
    const actor = await requireSessionUser();
    await removeMember(getDb(), { actor, workspaceId, userId });
    revalidatePath(`/w/${workspaceId}/members`);
  });
}
