"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { pageWorkspaceId } from "./page-workspace";

/** The workspace a page belongs to: from the path (/w/:id/…), or as the page marks it (a document's page). */
function currentWorkspaceId(pathname: string): string | null {
  const fromPath = /^\/w\/([^/]+)/.exec(pathname)?.[1];
  if (fromPath) return decodeURIComponent(fromPath);
  return pageWorkspaceId();
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true']") !== null;
}

/** The header's search box: searches the workspace of the page; `/` focuses it from anywhere but a text field. */
export function HeaderSearch() {
  const router = useRouter();
  const pathname = usePathname();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const query = q.trim();
    if (!query) return;
    const workspaceId = currentWorkspaceId(pathname);
    router.push(workspaceId ? `/w/${encodeURIComponent(workspaceId)}/search?q=${encodeURIComponent(query)}` : `/search?q=${encodeURIComponent(query)}`);
  }

  return (
    <form className="header-search" role="search" aria-label="Search the workspace" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        name="q"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder="Search  /"
        aria-label="Search this workspace (press / to focus)"
        aria-keyshortcuts="/"
        maxLength={500}
      />
    </form>
  );
}
