import { z } from "zod";

import { MARK_KINDS } from "../vocabulary/annotation-kind";

const id = z.string().min(1).max(64);

/** "" or nothing → null; otherwise a date-time a browser's datetime-local field or an API client sends. */
const optionalDate = z
  .union([z.string().trim().max(40), z.null()])
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === null || value === "") return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "Give a date and time, e.g. 2026-12-01T09:00." });
      return z.NEVER;
    }
    return date;
  });

export const assignmentSchema = z
  .object({
    title: z.string().trim().min(1, "Give the assignment a title.").max(200, "Use at most 200 characters."),
    instructions: z.string().trim().max(10_000, "Use at most 10,000 characters.").default(""),
    documentIds: z.array(id, { error: "Choose the documents." }).min(1, "Choose at least one document.").max(50, "At most 50 documents."),
    markKinds: z.array(z.enum(MARK_KINDS, { error: "Choose what to mark: bias markers, claims or contradictions." })).min(1, "Choose what students mark.").max(3),
    opensAt: optionalDate,
    dueAt: optionalDate,
  })
  .refine((a) => !a.opensAt || !a.dueAt || a.opensAt.getTime() < a.dueAt.getTime(), { message: "The due date must come after the opening date.", path: ["dueAt"] });

export const assignmentKeySchema = z.object({
  annotationIds: z.array(id).max(5000, "A key holds at most 5,000 annotations."),
});

export const teacherCommentSchema = z.object({
  comment: z.string().trim().max(5000, "Use at most 5,000 characters."),
});

export const inviteCodeSchema = z.object({
  days: z.coerce.number({ error: "Give the number of days." }).int("Whole days only.").min(1, "At least 1 day.").max(90, "At most 90 days."),
});

export const joinCodeSchema = z.object({
  code: z
    .string({ error: "Type the class code." })
    .trim()
    .min(1, "Type the class code.")
    .max(32, "That is not a class code.")
    .transform((code) => code.toUpperCase().replace(/[\s-]/g, "")),
});

/** Releasing an assignment's results to its students, or withdrawing them. */
export const releaseResultsSchema = z.object({ released: z.boolean({ error: "Send released: true or false." }) });
