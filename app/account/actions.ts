"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { requireSession, requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { changePassword } from "@/lib/users/change-password";
import { updateProfile } from "@/lib/users/update-profile";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export async function updateProfileAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  return runAction(async () => {
    const actor = await requireSessionUser();
    await updateProfile(getDb(), { actor, input: { name: formData.get("name") } });
    revalidatePath("/", "layout");
  });
}

export async function changePasswordAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  return runAction(async () => {
    const { user: actor, sessionId } = await requireSession();
    await changePassword(getDb(), {
      actor,
      input: { currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") },
      keepSessionId: sessionId,
    });
  });
}

/** Ends every session of the signed-in person, this one included, and goes to the sign-in page. */
export async function signOutEverywhereAction(_previous: ActionResult<unknown> | null, _formData: FormData) {
  const result = await runAction(async () => {
    const { user } = await requireSession();
    await endUserSessions(getDb(), { userId: user.id });
    const jar = await cookies();
    for (const { name } of jar.getAll()) if (name.startsWith(sessionCookieName())) jar.delete(name);
  });
  if (result.ok) redirect("/signin");
  return result;
}

export async function createWorkspaceAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  const result = await runAction(async () => {
    const actor = await requireSessionUser();
    return getDb().$transaction((tx) =>
      createWorkspace(tx, { actor, input: { name: formData.get("name"), description: formData.get("description") ?? "" } }),
    );
  });
  if (result.ok) redirect(`/w/${result.data.id}`);
  return result;
}
