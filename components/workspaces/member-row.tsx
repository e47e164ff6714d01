"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { Role } from "@/lib/generated/prisma/enums";

interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export function MemberRow({
  member,
  isSelf,
  canManage,
  changeRole,
  remove,
}: {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  changeRole: (role: string) => Promise<ActionResult<unknown>>;
  remove: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) setError(result.message);
      else after?.();
    });

  return (
    <tr aria-busy={pending || undefined}>
      <td>
        {member.name}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </td>
      <td>{member.email}</td>
      <td>
        {canManage ? (
          <select
            aria-label={`Role of ${member.name}`}
            defaultValue={member.role}
            disabled={pending}
            onChange={(event) => run(() => changeRole(event.target.value), () => router.refresh())}
          >
            <option value="VIEWER">Viewer</option>
            <option value="EDITOR">Editor</option>
            <option value="OWNER">Owner</option>
          </select>
        ) : (
          member.role.charAt(0) + member.role.slice(1).toLowerCase()
        )}
        {error ? (
          <div className="error" role="alert" style={{ color: "var(--danger)", fontSize: "0.86rem" }}>
            {error}
          </div>
        ) : null}
      </td>
      <td>
        {canManage || isSelf ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={pending}
            onClick={() => {
              const question = isSelf ? "Leave this workspace? You will lose access to its documents." : `Remove ${member.name} from this workspace?`;
              if (window.confirm(question)) run(remove, () => (isSelf ? router.push("/library") : router.refresh()));
            }}
          >
            {isSelf ? "Leave" : "Remove"}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
