import { useCallback, useMemo, useRef, useState } from "react";
import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import type { LinkView } from "@/lib/links/link-view";
import { createAnnotation, deleteAnnotation as deleteAnnotationCall, getAnnotationNote, reattachAnnotation, updateAnnotation } from "@/components/api/annotations-api";
import { useLinkCreated } from "../link-created";
import { createLink, deleteLink as deleteLinkCall } from "@/components/api/links-api";
import type { AnnotationFormValues } from "../annotation-form";
import type { LinkFrom } from "../link-banner";
import type { StatusMessage } from "../status-line";
import type { TextSelection } from "./use-reading-editor";
import { KIND_LABEL } from "@/lib/vocabulary/annotation-kind";
import { truncate } from "@/components/labels/truncate";
import { compareUrl } from "@/components/labels/compare-url";
import { LINK_LABEL } from "@/lib/vocabulary/link-type";

export function byTextOrder(a: ReadingAnnotation, b: ReadingAnnotation) {
  return a.start - b.start || b.end - a.end;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The document's annotations and links, and what a reader does to them through the API: each
 * action updates the lists and the status line when the server has answered.
 */
export function useAnnotationActions({
  documentId,
  revisionId,
  initialAnnotations,
  initialLinks,
  linkFrom,
  setStatus,
  setSelectedId,
}: {
  documentId: string;
  revisionId: string;
  initialAnnotations: () => ReadingAnnotation[];
  initialLinks: LinkView[];
  linkFrom: LinkFrom | null;
  setStatus: (status: StatusMessage) => void;
  setSelectedId: (update: (id: string | null) => string | null) => void;
}) {
  // The link being made ends once made, without a round trip to the server for a page without
  // `?linkFrom` (which, still loading, could undo a navigation the user started meanwhile). A new
  // `linkFrom` from the server (Link… again) starts another.
  const [made, setMade] = useState<LinkFrom | null>(null);
  const activeLinkFrom = linkFrom !== made ? linkFrom : null;
  const [annotations, setAnnotations] = useState(() => initialAnnotations().sort(byTextOrder));
  const [links, setLinks] = useState(initialLinks);
  const linksByAnnotation = useMemo(() => {
    const map = new Map<string, LinkView[]>();
    for (const link of links) {
      for (const end of [link.source.id, link.target.id]) map.set(end, [...(map.get(end) ?? []), link]);
    }
    return map;
  }, [links]);
  // Links made in the link finder join the list at once (see link-created.ts).
  useLinkCreated((link) => setLinks((list) => (list.some((l) => l.id === link.id) ? list : [...list, link])));

  const notesLoading = useRef(new Map<string, Promise<ReadingAnnotation | null>>());

  const keep = useCallback((saved: ReadingAnnotation) => setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved].sort(byTextOrder)), []);

  async function linkHere(targetAnnotationId: string) {
    const source = activeLinkFrom;
    if (!source) return;
    const result = await createLink({ sourceAnnotationId: source.annotationId, targetAnnotationId, type: source.type });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    const link = result.data.link;
    setLinks((list) => [...list, link]);
    setSelectedId(() => targetAnnotationId);
    setStatus({ tone: "ok", text: `Linked: “${truncate(source.quote, 50)}” ${LINK_LABEL[link.type].forward.toLowerCase()} this passage.`, href: compareUrl(link), hrefLabel: "Compare side by side" });
    setMade(source);
    window.history.replaceState(null, "", `/documents/${encodeURIComponent(documentId)}?annotation=${encodeURIComponent(targetAnnotationId)}`);
  }

  /** Creates an annotation on the selected words, or saves an edited one; the error for the form when the server refuses. */
  async function save(
    target: { mode: "create"; selection: TextSelection } | { mode: "edit"; annotation: ReadingAnnotation },
    values: AnnotationFormValues,
  ): Promise<{ message: string; fieldErrors: Record<string, string> } | null> {
    const result =
      target.mode === "create"
        ? await createAnnotation(documentId, { ...values, revisionId, start: target.selection.start, end: target.selection.end, exact: target.selection.exact })
        : await updateAnnotation(target.annotation.id, values);
    if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
    const saved = result.data.annotation;
    keep(saved);
    setSelectedId(() => saved.id);
    setStatus({ tone: "ok", text: `${KIND_LABEL[saved.kind]} ${target.mode === "create" ? "saved" : "updated"}.` });
    if (target.mode === "create" && activeLinkFrom) void linkHere(saved.id);
    return null;
  }

  async function deleteLink(link: LinkView) {
    if (!window.confirm("Remove this link? Both annotations stay.")) return;
    const result = await deleteLinkCall(link.id);
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    setLinks((list) => list.filter((l) => l.id !== link.id));
    setStatus({ tone: "ok", text: "Link removed." });
  }

  async function deleteAnnotation(annotation: ReadingAnnotation) {
    const linkCount = linksByAnnotation.get(annotation.id)?.length ?? 0;
    const what = `this ${KIND_LABEL[annotation.kind].toLowerCase()} on “${truncate(annotation.exact, 60)}”`;
    if (!window.confirm(`Delete ${what}${linkCount ? ` and its ${plural(linkCount, "link")} to other passages` : ""}, with its replies?`)) return;
    const result = await deleteAnnotationCall(annotation.id);
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    setAnnotations((list) => list.filter((a) => a.id !== annotation.id));
    setLinks((list) => list.filter((l) => l.source.id !== annotation.id && l.target.id !== annotation.id));
    setSelectedId((id) => (id === annotation.id ? null : id));
    const deleted = result.data.deletedLinks;
    setStatus({ tone: "ok", text: `Deleted${deleted ? `, with ${plural(deleted, "link")}` : ""}.` });
  }

  async function reattach(annotation: ReadingAnnotation, selection: TextSelection) {
    const result = await reattachAnnotation(annotation.id, { revisionId, start: selection.start, end: selection.end, exact: selection.exact });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    keep(result.data.annotation);
    setSelectedId(() => annotation.id);
    setStatus({ tone: "ok", text: "Re-attached." });
  }

  /**
   * The annotation with its whole note: as it is when the page sent all of it, else loaded (once,
   * however often it is asked for meanwhile) and kept. Null, with the reason in the status line,
   * when the server refuses.
   */
  function wholeNote(annotation: ReadingAnnotation): Promise<ReadingAnnotation | null> {
    if (!annotation.noteIsOpening) return Promise.resolve(annotation);
    let loading = notesLoading.current.get(annotation.id);
    if (!loading) {
      loading = getAnnotationNote(annotation.id).then((result) => {
        notesLoading.current.delete(annotation.id);
        if (!result.ok) {
          setStatus({ tone: "error", text: `Could not load the whole note: ${result.message}` });
          return null;
        }
        const { note } = result.data;
        setAnnotations((list) => list.map((a) => (a.id === annotation.id ? { ...withoutOpeningFlag(a), note } : a)));
        return { ...withoutOpeningFlag(annotation), note };
      });
      notesLoading.current.set(annotation.id, loading);
    }
    return loading;
  }

  function setReplyCount(id: string, count: number) {
    setAnnotations((list) => list.map((a) => (a.id === id ? { ...a, replyCount: count } : a)));
  }

  return { linkFrom: activeLinkFrom, annotations, links, linksByAnnotation, wholeNote, save, linkHere, deleteLink, deleteAnnotation, reattach, setReplyCount };
}

function withoutOpeningFlag(annotation: ReadingAnnotation): ReadingAnnotation {
  const { noteIsOpening: _opening, ...whole } = annotation;
  return whole;
}
