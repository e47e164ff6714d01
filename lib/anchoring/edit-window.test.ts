import { describe, expect, it } from "vitest";
import { editWindow } from "./edit-window";

describe("editWindow", () => {
  // "The congress opened in December." with the annotation on "congress opened" (4–19).
  it("is the old span, shifted, when the edit is elsewhere", () => {
    expect(editWindow(4, 19, { from: 23, to: 31, newTo: 26 })).toEqual({ lo: 4, hi: 19 });
    expect(editWindow(4, 19, { from: 0, to: 3, newTo: 9 })).toEqual({ lo: 10, hi: 25 });
  });

  it("takes in the edited region when it overlaps the span, but nothing beyond it", () => {
    // "The " (0–4) and "con" replaced by "A con": the region starts before the span.
    expect(editWindow(4, 19, { from: 0, to: 7, newTo: 5 })).toEqual({ lo: 0, hi: 17 });
    // A replacement reaching past the span's end ends the window where the new text ends.
    expect(editWindow(4, 19, { from: 13, to: 31, newTo: 20 })).toEqual({ lo: 4, hi: 20 });
    // Everything deleted: nothing is left to anchor to.
    expect(editWindow(4, 19, { from: 2, to: 25, newTo: 2 })).toEqual({ lo: 2, hi: 2 });
  });

  it("includes text typed right at either edge of the span", () => {
    expect(editWindow(4, 19, { from: 4, to: 4, newTo: 10 })).toEqual({ lo: 4, hi: 25 });
    expect(editWindow(4, 19, { from: 19, to: 19, newTo: 25 })).toEqual({ lo: 4, hi: 25 });
  });
});
