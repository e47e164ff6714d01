"use client";

import { useEffect } from "react";

/** The performance mark set once a page has hydrated (read by `npm run bench`). */
export const HYDRATED_MARK = "app:hydrated";

/**
 * Marks the moment the page's first render has hydrated: the last child of the body, so its
 * effect runs after those of everything before it. The bench's floor is this mark on the app's
 * smallest signed-in page: what any page of the app costs before its own work begins.
 */
export function HydrationMark() {
  useEffect(() => {
    if (performance.getEntriesByName(HYDRATED_MARK).length === 0) performance.mark(HYDRATED_MARK);
  }, []);
  return null;
}
