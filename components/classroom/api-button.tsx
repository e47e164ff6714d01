"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workbench/api-client";

/** A button that calls one API endpoint, shows its error, and refreshes the page's data on success. */
export function ApiButton({
  url,
  method = "POST",
  body,
  label,
  pendingLabel,
  confirmText,
  className = "button",
  redirectTo,
}: {
  url: string;
  method?: string;
  body?: unknown;
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
          const result = await callApi(url, { method, body });
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
