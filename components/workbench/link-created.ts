"use client";

import { useEffect } from "react";
import type { LinkView } from "@/lib/links/link-view";
import { useLatest } from "./hooks/use-latest";

/**
 * A link made somewhere on the page outside the workbench's own calls (the link finder, which
 * opens in a portal from an annotation card), announced so that the document's list of links
 * takes it in at once: the card's links and count, without a reload.
 */
const EVENT = "workbench:link-created";

export function announceLinkCreated(link: LinkView): void {
  window.dispatchEvent(new CustomEvent<LinkView>(EVENT, { detail: link }));
}

/** Calls `onCreated` with every link announced while the component is mounted. */
export function useLinkCreated(onCreated: (link: LinkView) => void): void {
  const latest = useLatest(onCreated);
  useEffect(() => {
    const listener = (event: Event) => {
      if (event instanceof CustomEvent) latest.current(event.detail as LinkView);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [latest]);
}
