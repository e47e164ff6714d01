import { useCallback, useEffect, useState } from "react";
import type { StatusMessage } from "../status-line";

/** Messages handed from a workbench to the one that replaces it after a new revision, per document. */
const carriedStatus = new Map<string, StatusMessage>();

/**
 * The status line's message. A saved revision remounts the workbench (it is keyed by revision):
 * `carry` hands a message to the next mount, which shows it once.
 */
export function useStatusMessage(documentId: string) {
  const [status, setStatus] = useState<StatusMessage | null>(() => carriedStatus.get(documentId) ?? null);
  useEffect(() => {
    carriedStatus.delete(documentId);
  }, [documentId]);
  const carry = useCallback(
    (message: StatusMessage) => {
      setStatus(message);
      carriedStatus.set(documentId, message);
    },
    [documentId],
  );
  return { status, setStatus, carry };
}
