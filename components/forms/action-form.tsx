"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { FormError } from "@/components/auth/form-error";

export type FormAction = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action (it works before JavaScript loads, too): shows the action's
 * error or success message and hands field errors and the pending state to its fields.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  successMessage,
  resetOnSuccess = false,
  className = "form",
  submitClassName = "button",
  children,
}: {
  action: FormAction;
  submitLabel: string;
  pendingLabel: string;
  successMessage?: string;
  resetOnSuccess?: boolean;
  className?: string;
  submitClassName?: string;
  children: (state: { fieldErrors: Record<string, string>; pending: boolean }) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  return (
    <form ref={formRef} className={className} action={formAction} noValidate>
      {state && !state.ok ? <FormError message={state.message} /> : null}
      {state?.ok && successMessage ? (
        <div className="alert alert--ok" role="status">
          {successMessage}
        </div>
      ) : null}
      {children({ fieldErrors: state && !state.ok ? state.fieldErrors : {}, pending })}
      <div className="form-actions">
        <button className={submitClassName} type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
