"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { createAnnotation, suggestLinks } from "@/components/api/annotations-api";
import { getDocument } from "@/components/api/documents-api";
import { createLink } from "@/components/api/links-api";
import { searchWorkspace } from "@/components/api/search-api";
import type { LinkView } from "@/lib/links/link-view";
import type { SearchHit, SearchResult } from "@/lib/search/search-workspace";
import type { LinkSuggestions } from "@/lib/search/suggest-links";
import { SnippetText } from "./snippet-text";
import { truncate } from "@/components/labels/truncate";
import { LINK_LABEL, type LinkType } from "@/lib/vocabulary/link-type";

type Suggestion = LinkSuggestions["suggestions"][number];

/** A passage chosen for the preview: a block of a document, and the words to select at first. */
interface Chosen {
  documentId: string;
  documentTitle: string;
  block: { start: number; end: number; heading: string | null };
  select: { start: number; end: number } | null;
}

interface PreviewText {
  documentId: string;
  revisionId: string;
  text: string;
}

const ONE_CLICK_TYPES: LinkType[] = ["CONTRADICTS", "CORROBORATES", "SAME_CLAIM_AS"];

/** Text offsets of the current DOM selection inside `container`, or null when it is not all inside. */
function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** Selects `start..end` (offsets in the container's text) in the DOM. */
function selectOffsets(container: HTMLElement, start: number, end: number) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  const range = document.createRange();
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start <= seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    seen += length;
  }
}

/**
 * "Find while linking": search every document of the workspace (or take a suggested passage), see
 * the passage in a preview beside the current text, select the exact words, and create the target
 * annotation and the link without leaving the page. Suggested passages also link in one click.
 */
export function LinkFinder({
  workspaceId,
  annotation,
  initialType,
  onLinked,
  onClose,
}: {
  workspaceId: string;
  annotation: { id: string; exact: string };
  initialType: LinkType;
  onLinked: (link: LinkView) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [type, setType] = useState<LinkType>(initialType);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<SearchResult | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<PreviewText | null>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const previewText = useRef<HTMLParagraphElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    searchInput.current?.focus();
    let stale = false;
    void suggestLinks(annotation.id).then((answer) => {
      if (!stale) setSuggestions(answer.ok ? answer.data.suggestions : []);
    });
    return () => {
      stale = true;
    };
  }, [annotation.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!q.trim()) return;
    setSearching(true);
    setError(null);
    const answer = await searchWorkspace(workspaceId, { scope: "text", q });
    setSearching(false);
    if (answer.ok) setResults(answer.data);
    else setError(answer.message);
  }

  const choose = useCallback(async (next: Chosen) => {
    setChosen(next);
    setSelected(next.select);
    setError(null);
    setPreview((current) => (current?.documentId === next.documentId ? current : null));
    const answer = await getDocument(next.documentId);
    if (answer.ok) setPreview({ documentId: answer.data.document.id, revisionId: answer.data.document.revision.id, text: answer.data.document.revision.text });
    else setError(answer.message);
  }, []);

  // Once the passage is shown, select the words the search found so one click links them.
  useLayoutEffect(() => {
    if (!chosen || !preview || preview.documentId !== chosen.documentId || !previewText.current || !chosen.select) return;
    selectOffsets(previewText.current, chosen.select.start - chosen.block.start, chosen.select.end - chosen.block.start);
  }, [chosen, preview]);

  function readSelection() {
    if (!previewText.current || !chosen) return;
    const offsets = selectionOffsets(previewText.current);
    if (offsets) setSelected({ start: chosen.block.start + offsets.start, end: chosen.block.start + offsets.end });
  }

  /** Creates the target annotation (a claim on the words) unless one is given, then the link. */
  async function link(target: { documentId: string; revisionId: string; start: number; end: number; exact: string } | { existingId: string }, linkType: LinkType) {
    setBusy(true);
    setError(null);
    let targetId: string;
    if ("existingId" in target) {
      targetId = target.existingId;
    } else {
      const created = await createAnnotation(target.documentId, { revisionId: target.revisionId, start: target.start, end: target.end, exact: target.exact, kind: "CLAIM" });
      if (!created.ok) {
        setBusy(false);
        setError(created.message);
        return;
      }
      targetId = created.data.annotation.id;
    }
    const made = await createLink({ sourceAnnotationId: annotation.id, targetAnnotationId: targetId, type: linkType });
    setBusy(false);
    if (!made.ok) {
      setError(made.message);
      return;
    }
    onLinked(made.data.link);
    setNotice(`Linked: this annotation ${LINK_LABEL[linkType].forward.toLowerCase()} “${truncate(made.data.link.target.exact, 80)}”.`);
  }

  const selectedExact = preview && selected ? preview.text.slice(selected.start, selected.end) : "";

  // In a portal: the annotation panel is virtualised (transformed), which would pin a fixed panel to it.
  return createPortal(
    <div className="link-finder" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`}>
      <div className="link-finder__head">
        <h2 id={`${id}-title`}>Find the passage to link</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose} aria-label="Close the link finder">
          Close
        </button>
      </div>
      <p className="link-finder__claim">“{truncate(annotation.exact, 160)}”</p>
      <p>
        <label>
          This annotation{" "}
          <select value={type} onChange={(event) => setType(event.target.value as LinkType)}>
            {(Object.keys(LINK_LABEL) as LinkType[]).map((t) => (
              <option key={t} value={t}>
                {LINK_LABEL[t].forward.toLowerCase()}
              </option>
            ))}
          </select>{" "}
          the words you select in the preview.
        </label>
      </p>
      {notice && (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <form className="link-finder__search" role="search" onSubmit={search}>
        <input ref={searchInput} type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Search every document" aria-label="Search every document for the passage" maxLength={500} />
        <button type="submit" className="button" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>

      <div className="link-finder__body">
        <div className="link-finder__results">
          {results ? (
            <SearchHits results={results} chosen={chosen} onChoose={(hit, title) => void choose(hitToChosen(hit, title))} />
          ) : (
            <section className="link-suggestions" aria-label="Suggested passages">
              <h3>Passages elsewhere that may confirm or contradict it</h3>
              {suggestions === null ? (
                <p className="loading-line">Looking for passages…</p>
              ) : suggestions.length === 0 ? (
                <p className="muted">No passage in another document shares this claim&apos;s names, numbers or words. Search above.</p>
              ) : (
                <ol>
                  {suggestions.map((suggestion) => (
                    <li key={suggestion.hit.id} className="link-suggestion">
                      <button type="button" className="button--link link-suggestion__title" onClick={() => void choose(suggestionToChosen(suggestion))}>
                        {suggestion.document.title}
                      </button>
                      {suggestion.hit.snippet && (
                        <p className="link-suggestion__snippet">
                          <SnippetText snippet={suggestion.hit.snippet} />
                        </p>
                      )}
                      <p className="link-suggestion__target muted">
                        {suggestion.existing ? "Links to the annotation on " : "Annotates "}“{truncate(suggestion.existing?.exact ?? suggestion.target.exact, 120)}”
                      </p>
                      <div className="link-suggestion__actions" role="group" aria-label="Link in one click">
                        {ONE_CLICK_TYPES.map((linkType) => (
                          <button
                            key={linkType}
                            type="button"
                            className="button button--small button--quiet"
                            disabled={busy}
                            onClick={() =>
                              void link(
                                suggestion.existing
                                  ? { existingId: suggestion.existing.id }
                                  : { documentId: suggestion.document.id, revisionId: suggestion.revisionId, ...suggestion.target },
                                linkType,
                              )
                            }
                          >
                            {LINK_LABEL[linkType].forward.toLowerCase()}
                          </button>
                        ))}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )}
        </div>

        <section className="link-finder__preview" aria-label="Preview of the passage">
          {!chosen ? (
            <p className="muted">Choose a result to see its passage here, then select the exact words to link.</p>
          ) : !preview || preview.documentId !== chosen.documentId ? (
            <p className="loading-line">Opening “{truncate(chosen.documentTitle, 60)}”…</p>
          ) : (
            <>
              <h3>
                <Link href={`/documents/${encodeURIComponent(chosen.documentId)}`} target="_blank">
                  {chosen.documentTitle}
                </Link>
              </h3>
              {chosen.block.heading && <p className="muted">{chosen.block.heading}</p>}
              <p ref={previewText} className="link-finder__text" onMouseUp={readSelection} onKeyUp={readSelection} tabIndex={0}>
                {preview.text.slice(chosen.block.start, chosen.block.end)}
              </p>
              <p className="muted" aria-live="polite">
                {selectedExact ? <>Selected: “{truncate(selectedExact, 160)}”</> : "Select the words to link with the mouse or Shift+arrows."}
              </p>
              <button
                type="button"
                className="button"
                disabled={busy || !selected || !selectedExact.trim()}
                onClick={() => selected && void link({ documentId: chosen.documentId, revisionId: preview.revisionId, start: selected.start, end: selected.end, exact: selectedExact }, type)}
              >
                {busy ? "Linking…" : `Annotate and link (${LINK_LABEL[type].forward.toLowerCase()})`}
              </button>
            </>
          )}
        </section>
      </div>
    </div>,
    document.body,
  );
}

function hitToChosen(hit: SearchHit, documentTitle: string): Chosen {
  return { documentId: hit.documentId, documentTitle, block: hit.block ?? { start: 0, end: 0, heading: null }, select: hit.select };
}

function suggestionToChosen(suggestion: Suggestion): Chosen {
  const block = suggestion.hit.block ?? { start: suggestion.target.start, end: suggestion.target.end, heading: null };
  return { documentId: suggestion.document.id, documentTitle: suggestion.document.title, block, select: { start: suggestion.target.start, end: suggestion.target.end } };
}

function SearchHits({ results, chosen, onChoose }: { results: SearchResult; chosen: Chosen | null; onChoose: (hit: SearchHit, documentTitle: string) => void }) {
  if (results.query.problem) return <p className="muted">{results.query.problem}</p>;
  if (results.total === 0) return <p className="muted">Nothing found for “{results.query.q}”.</p>;
  return (
    <section className="link-search" aria-label="Search results">
      <p className="muted" role="status">
        {results.total.toLocaleString("en")} {results.total === 1 ? "passage" : "passages"}
        {results.pageCount > 1 ? ` (the best ${results.pageSize} shown)` : ""}
      </p>
      <ol>
        {results.groups.flatMap((group) =>
          group.hits.map((hit) => (
            <li key={hit.id} className={chosen && hit.block && chosen.documentId === hit.documentId && chosen.block.start === hit.block.start ? "link-search__hit link-search__hit--chosen" : "link-search__hit"}>
              <button type="button" className="button--link" onClick={() => onChoose(hit, group.document.title)}>
                {group.document.title}
                {hit.block?.heading ? ` · ${hit.block.heading}` : ""}
              </button>
              {hit.snippet && (
                <p>
                  <SnippetText snippet={hit.snippet} />
                </p>
              )}
            </li>
          )),
        )}
      </ol>
    </section>
  );
}
