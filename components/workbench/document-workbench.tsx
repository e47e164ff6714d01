"use client";

import type { EditorProps, EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createOffsetMap } from "@/lib/anchoring/prosemirror-offsets";
import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import { fromPackedJson, type PackedReadingAnnotationsJson } from "@/lib/annotations/packed-reading-annotations";
import type { LinkView } from "@/lib/links/link-view";
import Link from "next/link";
import { splitParagraphs, type TextBlock } from "@/lib/documents/split-paragraphs";
import { replaceSection, sectionAt, splitSections, type TextSection } from "@/lib/documents/text-sections";
import type { WorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { DocumentText } from "@/components/documents/document-text";
import { pageMarkersForBlocks, type PageBreak } from "@/lib/documents/page-breaks";
import { annotationHighlightsKey, highlightRange, highlightsAt, type HighlightAction } from "@/components/editor/plugins/annotation-highlights-plugin";
import { revealInWindow } from "@/components/editor/plugins/reading-window-plugin";
import { createReadingExtensions } from "@/components/editor/reading-extensions";
import { buildDocumentContent } from "@/components/editor/utils/build-document-content";
import { highlightClassName, type Highlight } from "@/components/editor/utils/build-highlight-decoration";
import { documentTextFromEditor } from "@/components/editor/utils/document-text-from-editor";
import { callApi } from "./api-client";
import { AnnotationForm, type AnnotationFormValues } from "./annotation-form";
import { matchesFilters, NO_FILTERS, type AnnotationFilters } from "./annotation-filters";
import { describeAnnotation, KIND_LABEL, KIND_SHORTCUT, kindSlug, truncate, type AnnotationKind } from "./annotation-labels";
import { AnnotationPanel } from "./annotation-panel";
import { compareUrl, LINK_LABEL, type LinkType } from "./link-labels";
import { OrphanedAnnotations } from "./orphaned-annotations";
import { ScrollMap } from "./scroll-map";
import { SectionEditing, type SectionSpan } from "./section-editing";

/** Choosing the other end of a new link, started from an annotation's card (maybe in another document). */
export interface LinkFrom {
  annotationId: string;
  type: LinkType;
  quote: string;
  documentTitle: string;
  documentId: string;
}

interface TextSelection {
  start: number;
  end: number;
  exact: string;
  /** Where to show the toolbar, relative to the text column. */
  top: number;
  left: number;
}

type StatusMessage = { tone: "ok" | "error"; text: string; href?: string; hrefLabel?: string };

/** Messages handed from a workbench to the one that replaces it after a new revision, per document. */
const carriedStatus = new Map<string, StatusMessage>();

type Composer = { mode: "create"; selection: TextSelection; kind: AnnotationKind } | { mode: "edit"; annotation: ReadingAnnotation };

const SHORTCUT_KIND = Object.fromEntries(Object.entries(KIND_SHORTCUT).map(([kind, key]) => [key, kind as AnnotationKind]));

/** Performance marks of a page load, read by `npm run bench` to say where the time goes. */
export const MARKS = { hydrated: "workbench:hydrated", editorStart: "workbench:editor-start", highlightsDrawn: "workbench:highlights-drawn" } as const;

/** About two screens of text: what the server renders before the editor takes over. */
const FIRST_SCREEN_CHARS = 6_000;

/** The first blocks of a text, up to (and including the block that passes) `chars` characters. */
function openingBlocks(blocks: TextBlock[], chars: number): TextBlock[] {
  let seen = 0;
  let count = 0;
  while (count < blocks.length && seen < chars) seen += (blocks[count++]?.text.length ?? 0);
  return blocks.slice(0, count);
}

function byTextOrder(a: ReadingAnnotation, b: ReadingAnnotation) {
  return a.start - b.start || b.end - a.end;
}

function emptyValues(kind: AnnotationKind): AnnotationFormValues {
  return { kind, techniqueId: null, verdict: kind === "CLAIM" ? "UNVERIFIED" : null, confidence: null, note: "", visibility: "WORKSPACE", tagIds: [] };
}

/**
 * The reading view of one document revision with its annotations: a Tiptap editor whose highlights
 * are decorations (components/editor), a toolbar on selection, the annotation panel and the
 * orphans. Mounted per revision (key = revision id), so a saved text edit starts afresh.
 */
export function DocumentWorkbench({
  documentId,
  revisionId,
  text,
  initialAnnotations,
  tags,
  currentUser,
  canAnnotate,
  canEditText = canAnnotate,
  isOwner,
  sideHeader,
  initialLinks,
  documents,
  linkFrom,
  initialSelectedId,
  pageBreaks = [],
  initialTextSelection = null,
}: {
  initialLinks: LinkView[];
  /** The workspace's documents, for choosing where a link goes. */
  documents: { id: string; title: string }[];
  linkFrom: LinkFrom | null;
  initialSelectedId: string | null;
  /** Words to select at load (a search hit, `?select=start-end`), so one key annotates them. */
  initialTextSelection?: { start: number; end: number } | null;
  documentId: string;
  revisionId: string;
  text: string;
  /** The page sends them packed (see lib/annotations/packed-reading-annotations.ts). */
  initialAnnotations: PackedReadingAnnotationsJson;
  tags: WorkspaceTags;
  currentUser: { id: string; name: string };
  canAnnotate: boolean;
  /** Whether "Edit text" is offered (a student annotates an assignment but does not edit its text). */
  canEditText?: boolean;
  isOwner: boolean;
  /** Shown above the annotation panel (the source's metadata). */
  sideHeader?: ReactNode;
  /** Where the source's pages start (PDF, TEI): shown as "p. 12" in the margin. */
  pageBreaks?: readonly PageBreak[];
}) {
  const router = useRouter();
  // Blocks are derived here rather than sent from the server, so the text crosses the wire once.
  const blocks = useMemo(() => splitParagraphs(text), [text]);
  const offsets = useMemo(() => createOffsetMap(blocks), [blocks]);
  const content = useMemo(() => buildDocumentContent(blocks), [blocks]);
  // Until the editor has mounted, the page shows the opening of the text as plain HTML: the whole
  // text would double the page's weight (it crosses the wire once, for the editor).
  const firstScreen = useMemo(() => openingBlocks(blocks, FIRST_SCREEN_CHARS), [blocks]);
  const [annotations, setAnnotations] = useState(() => fromPackedJson(initialAnnotations, text).sort(byTextOrder));
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(initialSelectedId);
  const [links, setLinks] = useState(initialLinks);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [composer, setComposer] = useState<Composer | null>(null);
  const [composerError, setComposerError] = useState<{ message: string; fieldErrors: Record<string, string> } | null>(null);
  const [pending, setPending] = useState(false);
  // A saved revision remounts the workbench (it is keyed by revision); its message survives that.
  const [status, setStatus] = useState<StatusMessage | null>(() => carriedStatus.get(documentId) ?? null);
  useEffect(() => {
    carriedStatus.delete(documentId);
  }, [documentId]);
  // Editing the transcription: which section, and where its caret starts (see SectionEditing).
  const sections = useMemo(() => splitSections(blocks), [blocks]);
  const [editSection, setEditSection] = useState<{ section: TextSection; caretAt: number } | null>(null);
  const [sectionDirty, setSectionDirty] = useState(false);
  const sectionEditor = useRef<Editor | null>(null);
  const keepSectionEditor = useCallback((e: Editor | null) => {
    sectionEditor.current = e;
  }, []);
  const markSectionDirty = useCallback(() => setSectionDirty(true), []);
  const editing = editSection !== null;
  const textColumn = useRef<HTMLDivElement>(null);

  const anchored = useMemo(() => annotations.filter((a) => a.anchorStatus === "ANCHORED"), [annotations]);
  const visible = useMemo(() => anchored.filter((a) => matchesFilters(a, filters)), [anchored, filters]);
  // The opening's highlights, drawn by the server too: the first screen is complete at first paint.
  const firstScreenMarks = useMemo(() => {
    const end = firstScreen.at(-1)?.end ?? 0;
    return visible.filter((a) => a.start < end).map((a) => ({ id: a.id, start: a.start, end: a.end, className: highlightClassName(a.kind) }));
  }, [firstScreen, visible]);
  const sectionSpans = useMemo((): SectionSpan[] => {
    if (!editSection) return [];
    const { start, end } = editSection.section;
    return visible.filter((a) => a.start < end && a.end > start).map((a) => ({ id: a.id, start: a.start, end: a.end, kind: a.kind, label: describeAnnotation(a) }));
  }, [editSection, visible]);
  const techniqueDescriptions = useMemo(() => new Map(tags.techniques.map((t) => [t.id, t.description])), [tags]);
  const orphans = useMemo(() => annotations.filter((a) => a.anchorStatus === "ORPHANED"), [annotations]);
  const linksByAnnotation = useMemo(() => {
    const map = new Map<string, LinkView[]>();
    for (const link of links) {
      for (const end of [link.source.id, link.target.id]) map.set(end, [...(map.get(end) ?? []), link]);
    }
    return map;
  }, [links]);

  useEffect(() => {
    performance.mark(MARKS.hydrated);
  }, []);

  const pointerDown = useRef(false);
  // Editor callbacks read the latest state through this ref, so the editor is created once.
  const live = useRef({
    selection,
    canAnnotate,
    openComposer: (_kind: AnnotationKind, _selection?: TextSelection) => {},
    selectFromText: (_id: string) => {},
    readSelection: (_view: EditorView): TextSelection | null => null,
  });

  const textToPmStart = useCallback((offset: number) => offsets.textToPm(offset, "start"), [offsets]);
  const toHighlight = useCallback(
    (a: ReadingAnnotation): Highlight => ({ id: a.id, from: offsets.textToPm(a.start, "start"), to: offsets.textToPm(a.end, "end"), kind: a.kind, label: describeAnnotation(a) }),
    [offsets],
  );

  // The highlights at load are built into the editor with the text: one DOM build, not two.
  // (The server renders no editor: it skips building them.)
  const [extensions] = useState(() => createReadingExtensions(typeof window === "undefined" ? [] : visible.map(toHighlight), pageMarkersForBlocks(blocks, pageBreaks)));
  /** What the editor draws, by annotation id: annotations are replaced, never changed, when edited. */
  const [initiallyDrawn] = useState(() => new Map(visible.map((a) => [a.id, a])));

  // One object for the editor's life (its handlers read the latest state through `live`): useEditor
  // re-applies options whose identity changes, which on a long text is work on every render.
  const [editorProps] = useState((): EditorProps => ({
    attributes: { class: "reading reading--editor", spellcheck: "false", "aria-label": "Document text", "aria-multiline": "true" },
    // The reading view never takes typed, pasted or dropped text (a transcription is edited a section
    // at a time, in SectionEditing's editor, while this one is hidden).
    handleTextInput: () => true,
    handlePaste: () => true,
    handleDrop: () => true,
    handleKeyDown: (view, event) => {
      const onHighlight = (event.target as HTMLElement | null)?.closest?.("[data-annotation-id]");
      if (event.key === "Enter" && onHighlight) {
        live.current.selectFromText(onHighlight.getAttribute("data-annotation-id") ?? "");
        return true;
      }
      const kind = SHORTCUT_KIND[event.key.toLowerCase()];
      if (kind && !event.ctrlKey && !event.metaKey && !event.altKey && live.current.canAnnotate) {
        // Right after a drag the toolbar state may lag a frame behind: read the editor's selection.
        const selected = live.current.selection ?? live.current.readSelection(view);
        if (selected) {
          live.current.openComposer(kind, selected);
          return true;
        }
      }
      // Reading: keys that would change the text do nothing (navigation and selection still work).
      return event.key === "Backspace" || event.key === "Delete" || event.key === "Enter";
    },
    handleClick: (view, pos) => {
      if (!view.state.selection.empty) return false;
      const [id] = highlightsAt(view.state, pos);
      if (id) live.current.selectFromText(id);
      return false;
    },
  }));

  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    // While the mouse drags, the selection changes on every move; React state (and the toolbar)
    // follow once the button is released, so a drag does not re-render the page per mouse event.
    onSelectionUpdate: ({ editor: e }) => {
      if (!pointerDown.current) updateSelection(e);
    },
    onBeforeCreate: () => performance.mark(MARKS.editorStart),
  });

  /** The current selection as text offsets, with where to show the toolbar; null when empty. */
  const readSelection = useCallback(
    (view: EditorView): TextSelection | null => {
      const { from, to, empty } = view.state.selection;
      if (empty) return null;
      const start = offsets.pmToText(from);
      const end = offsets.pmToText(to);
      const exact = text.slice(start, end);
      const column = textColumn.current?.getBoundingClientRect();
      if (!exact.trim() || !column) return null;
      const coords = view.coordsAtPos(to);
      return { start, end, exact, top: coords.bottom - column.top + 6, left: Math.min(Math.max(coords.left - column.left - 120, 0), column.width - 300) };
    },
    [offsets, text],
  );

  const updateSelection = useCallback(
    (e: Editor) => {
      setSelection(readSelection(e.view));
    },
    [readSelection],
  );

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const down = () => (pointerDown.current = true);
    const up = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // After ProseMirror has applied the final selection of the drag.
      requestAnimationFrame(() => updateSelection(editor));
    };
    dom.addEventListener("mousedown", down);
    window.addEventListener("mouseup", up);
    return () => {
      dom.removeEventListener("mousedown", down);
      window.removeEventListener("mouseup", up);
    };
  }, [editor, updateSelection]);

  const dispatchHighlights = useCallback(
    (action: HighlightAction) => {
      if (!editor || editor.isDestroyed) return;
      editor.view.dispatch(editor.state.tr.setMeta(annotationHighlightsKey, action));
    },
    [editor],
  );

  // Keep the decorations in step with the visible annotations (the editor starts with those at
  // load): a full build when filters change much, otherwise one decoration per change.
  const drawn = useRef(initiallyDrawn);
  const highlightsShown = useRef(false);
  useEffect(() => {
    if (!editor) return;
    if (!highlightsShown.current) {
      highlightsShown.current = true;
      performance.mark(MARKS.highlightsDrawn);
    }
    // Only what changed since the last draw: adding one annotation to thousands redraws one.
    const next = new Map(visible.map((a) => [a.id, a]));
    const previous = drawn.current;
    const changed = visible.filter((a) => previous.get(a.id) !== a);
    const removed = [...previous.keys()].filter((id) => !next.has(id));
    if (changed.length + removed.length > 50) {
      dispatchHighlights({ type: "set", highlights: visible.map(toHighlight) });
    } else {
      for (const id of removed) dispatchHighlights({ type: "remove", id });
      for (const annotation of changed) dispatchHighlights({ type: "add", highlight: toHighlight(annotation) });
    }
    drawn.current = next;
  }, [editor, visible, toHighlight, dispatchHighlights]);

  useEffect(() => {
    dispatchHighlights({ type: "focus", id: selectedId });
  }, [selectedId, dispatchHighlights, visible]);

  const scrollToAnnotation = useCallback(
    (id: string) => {
      if (!editor) return;
      const range = highlightRange(editor.state, id);
      if (!range) return;
      // In a long text the highlight's block may be a placeholder: build it first.
      revealInWindow(editor.view, range.from);
      const { node } = editor.view.domAtPos(range.from + 1);
      const element = node instanceof HTMLElement ? node : node.parentElement;
      element?.closest("[data-annotation-id]")?.scrollIntoView({ block: "center", behavior: "smooth" });
      (element?.closest(`[data-annotation-id="${id}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
    },
    [editor],
  );

  // A link from elsewhere (?annotation=…) opens on its annotation.
  const scrolledToInitial = useRef(false);
  useEffect(() => {
    if (!editor || !initialSelectedId || scrolledToInitial.current) return;
    scrolledToInitial.current = true;
    requestAnimationFrame(() => scrollToAnnotation(initialSelectedId));
  }, [editor, initialSelectedId, scrollToAnnotation]);

  // A search hit (?select=start-end) opens with its words selected and in view.
  const selectedInitialText = useRef(false);
  useEffect(() => {
    if (!editor || !initialTextSelection || selectedInitialText.current) return;
    selectedInitialText.current = true;
    const { start, end } = initialTextSelection;
    if (!(start >= 0 && end > start && end <= text.length)) return;
    const from = offsets.textToPm(start, "start");
    editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection({ from, to: offsets.textToPm(end, "end") }).run();
    const { node } = editor.view.domAtPos(from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center" });
    requestAnimationFrame(() => updateSelection(editor));
  }, [editor, initialTextSelection, offsets, text.length, updateSelection]);

  const onSelect = useCallback(
    (id: string | null, from: "panel" | "text") => {
      setSelectedId(id);
      if (id && from === "panel") scrollToAnnotation(id);
    },
    [scrollToAnnotation],
  );

  // The side column's handlers, through a ref so the column's element can be memoised (see `side`).
  const sideLive = useRef({
    select: (_id: string | null, _from: "panel" | "text") => {},
    edit: (_annotation: ReadingAnnotation) => {},
    deleteAnnotation: (_annotation: ReadingAnnotation) => {},
    replyCount: (_id: string, _count: number) => {},
    deleteLink: (_link: LinkView) => {},
    linkHere: (_annotation: ReadingAnnotation) => {},
    reattach: (_annotation: ReadingAnnotation) => {},
    submitComposer: (_values: AnnotationFormValues) => {},
    closeComposer: () => {},
  });
  const [handlers] = useState(() => ({
    select: (id: string | null, from: "panel" | "text") => sideLive.current.select(id, from),
    edit: (annotation: ReadingAnnotation) => sideLive.current.edit(annotation),
    deleteAnnotation: (annotation: ReadingAnnotation) => sideLive.current.deleteAnnotation(annotation),
    replyCount: (id: string, count: number) => sideLive.current.replyCount(id, count),
    deleteLink: (link: LinkView) => sideLive.current.deleteLink(link),
    linkHere: (annotation: ReadingAnnotation) => sideLive.current.linkHere(annotation),
    reattach: (annotation: ReadingAnnotation) => sideLive.current.reattach(annotation),
    submitComposer: (values: AnnotationFormValues) => sideLive.current.submitComposer(values),
    closeComposer: () => sideLive.current.closeComposer(),
    scrollMapSelect: (id: string) => sideLive.current.select(id, "panel"),
  }));

  // After each render, hand the editor callbacks the latest state.
  useLayoutEffect(() => {
    sideLive.current = {
      select: onSelect,
      edit: (annotation) => setComposer({ mode: "edit", annotation }),
      deleteAnnotation: (annotation) => void deleteAnnotation(annotation),
      replyCount: (id, count) => setAnnotations((list) => list.map((a) => (a.id === id ? { ...a, replyCount: count } : a))),
      deleteLink: (link) => void deleteLink(link),
      linkHere: (annotation) => void linkHere(annotation.id),
      reattach: (annotation) => void reattach(annotation),
      submitComposer: (values) => void saveComposer(values),
      closeComposer,
    };
    live.current = {
      selection,
      canAnnotate,
      openComposer: (kind, chosen = selection ?? undefined) => {
        if (chosen) {
          setComposerError(null);
          setSelection(chosen);
          setComposer({ mode: "create", selection: chosen, kind });
        }
      },
      selectFromText: (id) => onSelect(id, "text"),
      readSelection,
    };
  });

  function closeComposer() {
    setComposer(null);
    setComposerError(null);
    editor?.commands.focus();
  }

  async function saveComposer(values: AnnotationFormValues) {
    if (!composer) return;
    setPending(true);
    const result =
      composer.mode === "create"
        ? await callApi<{ annotation: ReadingAnnotation }>(`/api/documents/${documentId}/annotations`, {
            method: "POST",
            body: { ...values, revisionId, start: composer.selection.start, end: composer.selection.end, exact: composer.selection.exact },
          })
        : await callApi<{ annotation: ReadingAnnotation }>(`/api/annotations/${composer.annotation.id}`, { method: "PATCH", body: values });
    setPending(false);
    if (!result.ok) return setComposerError({ message: result.message, fieldErrors: result.fieldErrors });
    const saved = result.data.annotation;
    setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved].sort(byTextOrder));
    setSelectedId(saved.id);
    setStatus({ tone: "ok", text: `${KIND_LABEL[saved.kind]} ${composer.mode === "create" ? "saved" : "updated"}.` });
    if (composer.mode === "create" && linkFrom) void linkHere(saved.id);
    if (composer.mode === "create" && editor) {
      editor.commands.setTextSelection(editor.state.selection.to);
      setSelection(null);
    }
    closeComposer();
  }

  async function linkHere(targetAnnotationId: string) {
    if (!linkFrom) return;
    const result = await callApi<{ link: LinkView }>("/api/links", {
      method: "POST",
      body: { sourceAnnotationId: linkFrom.annotationId, targetAnnotationId, type: linkFrom.type },
    });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    const link = result.data.link;
    setLinks((list) => [...list, link]);
    setSelectedId(targetAnnotationId);
    setStatus({ tone: "ok", text: `Linked: “${truncate(linkFrom.quote, 50)}” ${LINK_LABEL[link.type].forward.toLowerCase()} this passage.`, href: compareUrl(link), hrefLabel: "Compare side by side" });
    router.replace(`/documents/${documentId}?annotation=${targetAnnotationId}`, { scroll: false });
  }

  async function deleteLink(link: LinkView) {
    if (!window.confirm("Remove this link? Both annotations stay.")) return;
    const result = await callApi(`/api/links/${link.id}`, { method: "DELETE" });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    setLinks((list) => list.filter((l) => l.id !== link.id));
    setStatus({ tone: "ok", text: "Link removed." });
  }

  async function deleteAnnotation(annotation: ReadingAnnotation) {
    const linkCount = linksByAnnotation.get(annotation.id)?.length ?? 0;
    const what = `this ${KIND_LABEL[annotation.kind].toLowerCase()} on “${truncate(annotation.exact, 60)}”`;
    if (!window.confirm(`Delete ${what}${linkCount ? ` and its ${linkCount} link${linkCount === 1 ? "" : "s"} to other passages` : ""}, with its replies?`)) return;
    const result = await callApi<{ deletedLinks: number }>(`/api/annotations/${annotation.id}`, { method: "DELETE" });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    setAnnotations((list) => list.filter((a) => a.id !== annotation.id));
    setLinks((list) => list.filter((l) => l.source.id !== annotation.id && l.target.id !== annotation.id));
    setSelectedId((id) => (id === annotation.id ? null : id));
    const links = result.data.deletedLinks;
    setStatus({ tone: "ok", text: `Deleted${links ? `, with ${links} link${links === 1 ? "" : "s"}` : ""}.` });
  }

  async function reattach(annotation: ReadingAnnotation) {
    if (!selection) return;
    const result = await callApi<{ annotation: ReadingAnnotation }>(`/api/annotations/${annotation.id}/reattach`, {
      method: "POST",
      body: { revisionId, start: selection.start, end: selection.end, exact: selection.exact },
    });
    if (!result.ok) return setStatus({ tone: "error", text: result.message });
    setAnnotations((list) => [...list.filter((a) => a.id !== annotation.id), result.data.annotation].sort(byTextOrder));
    setSelectedId(annotation.id);
    setStatus({ tone: "ok", text: "Re-attached." });
  }

  /** Where editing starts: the selection's start, else the first block showing in the window. */
  function offsetToEditFrom(): number {
    if (selection) return selection.start;
    if (!editor) return 0;
    // Blocks are in vertical order: binary search for the first whose bottom is below the window's top.
    const children = editor.view.dom.children;
    let low = 0;
    let high = children.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((children[middle]?.getBoundingClientRect().bottom ?? 0) > 0) high = middle;
      else low = middle + 1;
    }
    return blocks[low]?.start ?? 0;
  }

  function startEditing() {
    const caretAt = offsetToEditFrom();
    const section = sectionAt(sections, caretAt);
    if (!section) return;
    setSelection(null);
    setComposer(null);
    setSectionDirty(false);
    setEditSection({ section, caretAt });
    setStatus({
      tone: "ok",
      text: `Editing the transcription${sections.length > 1 ? ", one section at a time (click another section to move there)" : ""}. Annotations follow your edits; saving creates a new revision.`,
    });
  }

  function editAnotherSection(section: TextSection, caretAt: number) {
    if (sectionDirty) return setStatus({ tone: "error", text: `Save or cancel your changes to section ${(editSection?.section.index ?? 0) + 1} before editing another.` });
    setEditSection({ section, caretAt });
  }

  function cancelEditing() {
    setEditSection(null);
    setSectionDirty(false);
    setStatus(null);
    requestAnimationFrame(() => editor?.commands.focus(undefined, { scrollIntoView: false }));
  }

  async function saveRevision() {
    const edited = sectionEditor.current;
    if (!editSection || !edited) return;
    if (!sectionDirty) return setStatus({ tone: "ok", text: "Nothing has changed in this section yet." });
    setPending(true);
    const revised = replaceSection(text, editSection.section, documentTextFromEditor(edited.state.doc));
    const result = await callApi<{ revisionNumber: number; counts: { exact: number; moved: number; fuzzy: number; orphaned: number } }>(`/api/documents/${documentId}/text`, {
      method: "PUT",
      body: { baseRevisionId: revisionId, text: revised },
    });
    // On success the buttons stay disabled until the refreshed page mounts the new revision.
    if (!result.ok) {
      setPending(false);
      return setStatus({ tone: "error", text: result.message });
    }
    const { counts, revisionNumber } = result.data;
    const moved = counts.moved + counts.fuzzy;
    const saved: StatusMessage = {
      tone: counts.orphaned ? "error" : "ok",
      text: `Saved as revision ${revisionNumber}. ${counts.exact} annotation${counts.exact === 1 ? "" : "s"} unchanged${moved ? `, ${moved} followed the text` : ""}${counts.orphaned ? `, ${counts.orphaned} orphaned (listed below the annotations)` : ""}.`,
    };
    setStatus(saved);
    carriedStatus.set(documentId, saved);
    router.refresh();
  }

  const composerElement = useMemo(
    () =>
      composer ? (
        <div
          role="dialog"
          aria-label={composer.mode === "create" ? "New annotation" : "Edit annotation"}
          className={composer.mode === "create" ? "composer composer--floating" : "composer composer--docked"}
          style={composer.mode === "create" ? { top: composer.selection.top, left: composer.selection.left } : undefined}
        >
          <AnnotationForm
            key={composer.mode === "create" ? `${composer.selection.start}-${composer.kind}` : composer.annotation.id}
            initial={
              composer.mode === "create"
                ? emptyValues(composer.kind)
                : {
                    kind: composer.annotation.kind,
                    techniqueId: composer.annotation.technique?.id ?? null,
                    verdict: composer.annotation.verdict,
                    confidence: composer.annotation.confidence,
                    note: composer.annotation.note,
                    visibility: composer.annotation.visibility,
                    tagIds: composer.annotation.tags.map((t) => t.id),
                  }
            }
            tags={tags}
            quote={truncate(composer.mode === "create" ? composer.selection.exact : composer.annotation.exact, 200)}
            submitLabel={composer.mode === "create" ? "Save" : "Save changes"}
            error={composerError?.message}
            fieldErrors={composerError?.fieldErrors}
            pending={pending}
            onSubmit={handlers.submitComposer}
            onCancel={handlers.closeComposer}
          />
        </div>
      ) : null,
    [composer, composerError, pending, tags, handlers],
  );

  // The side column (metadata, annotation panel, orphans) sits in its own Suspense boundary, so React
  // hydrates it after the text column: the editor is built without waiting for it. Memoised on what
  // it shows, with handlers that never change, it is not re-rendered (which would make React hydrate
  // it at once) when the workbench re-renders for the editor alone.
  const hasSelection = selection !== null;
  const editComposer = composer?.mode === "edit" ? composerElement : null;
  const side = useMemo(
    () => (
      <Suspense fallback={null}>
        <div className="workbench__side">
          {sideHeader}
          {editComposer}
          <AnnotationPanel
            techniqueDescriptions={techniqueDescriptions}
            all={anchored}
            visible={visible}
            filters={filters}
            onFiltersChange={setFilters}
            selectedId={selectedId}
            currentUserId={currentUser.id}
            canAnnotate={canAnnotate}
            isOwner={isOwner}
            onSelect={handlers.select}
            onEdit={handlers.edit}
            onDelete={handlers.deleteAnnotation}
            onReplyCount={handlers.replyCount}
            linksByAnnotation={linksByAnnotation}
            documents={documents}
            onDeleteLink={handlers.deleteLink}
            onLinkHere={linkFrom && canAnnotate ? handlers.linkHere : undefined}
          />
          <OrphanedAnnotations
            orphans={orphans}
            canAnnotate={canAnnotate}
            currentUserId={currentUser.id}
            isOwner={isOwner}
            hasSelection={hasSelection}
            onReattach={handlers.reattach}
            onDelete={handlers.deleteAnnotation}
          />
        </div>
      </Suspense>
    ),
    [sideHeader, editComposer, techniqueDescriptions, anchored, visible, filters, selectedId, currentUser.id, canAnnotate, isOwner, linksByAnnotation, documents, linkFrom, orphans, hasSelection, handlers],
  );

  return (
    <div className="workbench">
      <div className="workbench__text" ref={textColumn}>
        {canAnnotate ? (
          <div className="workbench__toolbar" role="toolbar" aria-label="Document">
            {editing ? (
              <>
                <span className="muted">Editing text</span>
                <button type="button" className="button" onClick={() => void saveRevision()} disabled={pending}>
                  {pending ? "Saving…" : "Save revision"}
                </button>
                <button type="button" className="button button--quiet" onClick={cancelEditing} disabled={pending}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <span className="muted">Select words to annotate them.</span>
                {canEditText ? (
                  <button type="button" className="button button--quiet" onClick={startEditing} disabled={!editor}>
                    Edit text
                  </button>
                ) : null}
              </>
            )}
          </div>
        ) : null}
        {linkFrom ? (
          <div className="alert alert--info link-banner" role="region" aria-label="Choosing a link target">
            <strong>Linking</strong> “{truncate(linkFrom.quote, 90)}” ({linkFrom.documentTitle}): choose the passage it {LINK_LABEL[linkFrom.type].forward.toLowerCase()}.
            Click an annotation and press <em>Link here</em>, or select words and annotate them.{" "}
            <Link href={`/documents/${linkFrom.documentId}?annotation=${linkFrom.annotationId}`}>Cancel</Link>
          </div>
        ) : null}
        <div className={`status-line${status ? "" : " is-empty"}`} role="status" aria-live="polite">
          {status ? <span className={status.tone === "error" ? "status-line__error" : undefined}>{status.text}</span> : null}
          {status?.href ? (
            <>
              {" "}
              <Link href={status.href}>{status.hrefLabel}</Link>
            </>
          ) : null}
        </div>
        <div hidden={editing}>
          {editor ? (
            <EditorContent editor={editor} />
          ) : (
            <>
              <DocumentText text={text} blocks={firstScreen} marks={firstScreenMarks} pageBreaks={pageBreaks} />
              {firstScreen.length < blocks.length ? <p className="muted loading-line">Loading the whole text…</p> : null}
            </>
          )}
        </div>
        {editSection ? (
          <SectionEditing
            blocks={blocks}
            sections={sections}
            active={editSection.section}
            caretAt={editSection.caretAt}
            spans={sectionSpans}
            dirty={sectionDirty}
            onActivate={editAnotherSection}
            onEditor={keepSectionEditor}
            onChange={markSectionDirty}
          />
        ) : null}
        {selection && !composer && canAnnotate && !editing ? (
          <div className="selection-toolbar" role="toolbar" aria-label="Annotate selection" style={{ top: selection.top, left: selection.left }}>
            {(Object.keys(KIND_LABEL) as AnnotationKind[]).map((kind) => (
              <button
                key={kind}
                type="button"
                className={`selection-toolbar__button kind--${kindSlug(kind)}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => live.current.openComposer(kind)}
                aria-keyshortcuts={KIND_SHORTCUT[kind]}
              >
                {KIND_LABEL[kind]} <kbd>{KIND_SHORTCUT[kind].toUpperCase()}</kbd>
              </button>
            ))}
          </div>
        ) : null}
        {composer?.mode === "create" ? composerElement : null}
      </div>
      {side}
      {editing ? null : <ScrollMap editor={editor} annotations={visible} links={links} textToPm={textToPmStart} onSelect={handlers.scrollMapSelect} />}
    </div>
  );
}
