import type { AssignmentStatus } from "@/lib/classroom/assignment-state";

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  "not-open": "Not open yet",
  open: "To do",
  submitted: "Submitted",
  released: "Results released",
};

/** "3 Dec 2026, 09:00", or "—" for no date. */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Date(date).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** A score in [0, 1] as a percentage, or "—" when undefined. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}
