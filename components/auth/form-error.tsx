"use client";

import { useEffect, useRef } from "react";

/**
 * A form-level error. It takes focus when it appears, so it is scrolled into view and read out
 * even when the button that caused it sits far below.
 */
export function FormError({ message }: { message?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="alert alert--error" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}
