import { describe, expect, it } from "vitest";
import { assignmentStatus, isAssignmentOpen, isSubmissionLocked } from "./assignment-state";

const now = new Date("2026-12-02T09:00:00Z");
const later = new Date("2026-12-03T09:00:00Z");
const earlier = new Date("2026-12-01T09:00:00Z");

describe("assignment state", () => {
  it("is open from its opening date until its results are released", () => {
    expect(isAssignmentOpen({ opensAt: null, releasedAt: null }, now)).toBe(true);
    expect(isAssignmentOpen({ opensAt: earlier, releasedAt: null }, now)).toBe(true);
    expect(isAssignmentOpen({ opensAt: later, releasedAt: null }, now)).toBe(false);
    expect(isAssignmentOpen({ opensAt: null, releasedAt: earlier }, now)).toBe(false);
  });

  it("locks a submission once submitted; reopening clears submittedAt", () => {
    expect(isSubmissionLocked(null)).toBe(false);
    expect(isSubmissionLocked({ submittedAt: null })).toBe(false);
    expect(isSubmissionLocked({ submittedAt: earlier })).toBe(true);
  });

  it("names a student's state, release first", () => {
    expect(assignmentStatus({ opensAt: later, releasedAt: null }, null, now)).toBe("not-open");
    expect(assignmentStatus({ opensAt: null, releasedAt: null }, null, now)).toBe("open");
    expect(assignmentStatus({ opensAt: null, releasedAt: null }, { submittedAt: earlier }, now)).toBe("submitted");
    expect(assignmentStatus({ opensAt: null, releasedAt: earlier }, { submittedAt: earlier }, now)).toBe("released");
  });
});
