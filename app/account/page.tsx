import type { Metadata } from "next";
import Link from "next/link";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-access";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/auth";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";
import { ROLE_LABEL } from "@/lib/workspaces/require-workspace-role";
import { changePasswordAction, createWorkspaceAction, signOutEverywhereAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const workspaces = await listUserWorkspaces(getDb(), { actor: user });
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p>
            Signed in as <strong>{user.email}</strong>
          </p>
        </div>
      </div>
      <div className="stack">
        <section aria-labelledby="workspaces-title">
          <h2 id="workspaces-title">Your workspaces</h2>
          <div className="cards">
            {workspaces.map((workspace) => (
              <div className="card" key={workspace.id}>
                <h3>
                  <Link href={`/w/${workspace.id}`}>{workspace.name}</Link>
                </h3>
                <p className="muted" style={{ margin: 0 }}>
                  You are {ROLE_LABEL[workspace.role]} · {workspace.documentCount} document{workspace.documentCount === 1 ? "" : "s"} ·{" "}
                  {workspace.memberCount} member{workspace.memberCount === 1 ? "" : "s"}
                </p>
                <p style={{ margin: "8px 0 0" }}>
                  <Link href={`/w/${workspace.id}/members`}>Members</Link>
                </p>
              </div>
            ))}
          </div>
        </section>
        <div className="form-grid" style={{ alignItems: "start" }}>
          <fieldset className="form-section">
            <legend>New workspace</legend>
            <CreateWorkspaceForm action={createWorkspaceAction} />
          </fieldset>
          <fieldset className="form-section">
            <legend>Profile</legend>
            <ProfileForm action={updateProfileAction} name={user.name} />
          </fieldset>
          <fieldset className="form-section">
            <legend>Password</legend>
            <PasswordForm action={changePasswordAction} minLength={PASSWORD_MIN_LENGTH} />
          </fieldset>
          <fieldset className="form-section">
            <legend>Sessions</legend>
            <SignOutEverywhereForm action={signOutEverywhereAction} />
          </fieldset>
        </div>
      </div>
    </div>
  );
}
