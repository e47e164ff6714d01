"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { releaseResults, reopenSubmission, revokeInviteCode, submitAssignment } from "@/components/api/classroom-api";

/**
 * The calls a button may make, as plain data: server pages render these buttons, and a function
 * cannot cross from a server component to a client one.
 */
export type ButtonCall =
  | { action: "submit-assignment"; assignmentId: string }
  | { action: "release-results"; assignmentId: string; released: boolean }
  | { action: "reopen-submission"; assignmentId: string; studentId: string }
  | { action: "revoke-invite-code"; inviteCodeId: string };

function run(call: ButtonCall) {
  switch (call.action) {
    case "submit-assignment":
      return submitAssignment(call.assignmentId);
    case "release-results":
      return releaseResults(call.assignmentId, { released: call.released });
    case "reopen-submission":
      return reopenSubmission(call.assignmentId, call.studentId);
    case "revoke-invite-code":
      return revokeInviteCode(call.inviteCodeId);
  }
}

/** A button that makes one API call, shows its error, and refreshes the page's data on success. */
export function ApiButton({
  call,
  label,
  pendingLabel,
  confirmText,
  className = "button",
  redirectTo,
}: {
  call: ButtonCall;
  label: string;
  pendingLabel: string;
  confirmText?: string;
  className?: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="api-button">
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={async () => {
          if (confirmText && !window.confirm(confirmText)) return;
          setPending(true);
          setError(null);
          const result = await run(call);
          setPending(false);
          if (!result.ok) return setError(result.message);
          if (redirectTo) router.push(redirectTo);
          else router.refresh();
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {error ? (
        <span className="field error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
