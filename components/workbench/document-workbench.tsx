"use client";

import { EditorContent } from "@tiptap/react";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createOffsetMap } from "@/lib/anchoring/prosemirror-offsets";
import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import { fromPackedJson, type PackedReadingAnnotationsJson } from "@/lib/annotations/packed-reading-annotations";
import type { LinkView } from "@/lib/links/link-view";
import { splitTextBlocks } from "@/lib/documents/split-text-blocks";
import { splitSections } from "@/lib/documents/text-sections";
import type { WorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { DocumentText } from "@/components/documents/document-text";
import { pageMarkersForBlocks, type PageBreak } from "@/lib/documents/page-breaks";
import { highlightClassName, type Highlight } from "@/components/editor/utils/build-highlight-decoration";
import { AnnotationComposer, type Composer, type ComposerError } from "./annotation-composer";
import type { AnnotationFormValues } from "./annotation-form";
import { matchesFilters, NO_FILTERS, type AnnotationFilters } from "./annotation-filters";
import { AnnotationPanel } from "./annotation-panel";
import { useAnnotationActions } from "./hooks/use-annotation-actions";
import { firstIndexBelow } from "./hooks/first-index-below";
import { useHighlightSync } from "./hooks/use-highlight-sync";
import { useStableCallbacks } from "./hooks/use-latest";
import { useReadingEditor, type TextSelection } from "./hooks/use-reading-editor";
import { useSectionEditing } from "./hooks/use-section-editing";
import { useStatusMessage } from "./hooks/use-status-message";
import { WORKBENCH_MARKS } from "./hooks/workbench-marks";
import { LinkBanner, type LinkFrom } from "./link-banner";
import { FIRST_SCREEN_CHARS, openingBlocks } from "./opening-blocks";
import { OrphanedAnnotations } from "./orphaned-annotations";
import { ScrollMap } from "./scroll-map";
import { SectionEditing, type SectionSpan } from "./section-editing";
import { SelectionToolbar } from "./selection-toolbar";
import { StatusLine } from "./status-line";
import { WorkbenchToolbar } from "./workbench-toolbar";
import { describeAnnotation } from "@/components/labels/describe-annotation";
import { type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

export type { LinkFrom } from "./link-banner";

/** Performance marks of a page load, read by `npm run bench`. */
export const MARKS = WORKBENCH_MARKS;

/**
 * The reading view of one document revision with its annotations: a Tiptap editor whose highlights
 * are decorations (components/editor), a toolbar on selection, the annotation panel and the
 * orphans. Mounted per revision (key = revision id), so a saved text edit starts afresh. This
 * component wires the parts together; each concern lives in a hook (./hooks) or a component.
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
  // Blocks are derived here rather than sent from the server, so the text crosses the wire once.
  const blocks = useMemo(() => splitTextBlocks(text), [text]);
  const offsets = useMemo(() => createOffsetMap(blocks), [blocks]);
  const sections = useMemo(() => splitSections(blocks), [blocks]);
  // Until the editor has mounted, the page shows the opening of the text as plain HTML: the whole
  // text would double the page's weight (it crosses the wire once, for the editor).
  const firstScreen = useMemo(() => openingBlocks(blocks, FIRST_SCREEN_CHARS), [blocks]);
  const textColumn = useRef<HTMLDivElement>(null);

  const { status, setStatus, carry } = useStatusMessage(documentId);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(initialSelectedId);
  const [composer, setComposer] = useState<Composer | null>(null);
  const [composerError, setComposerError] = useState<ComposerError | null>(null);
  const [pending, setPending] = useState(false);

  const actions = useAnnotationActions({
    documentId,
    revisionId,
    initialAnnotations: () => fromPackedJson(initialAnnotations, text),
    initialLinks,
    linkFrom,
    setStatus,
    setSelectedId,
  });
  const { annotations, linksByAnnotation } = actions;
  // The link being made, until it is made.
  const linking = actions.linkFrom;
  const anchored = useMemo(() => annotations.filter((a) => a.anchorStatus === "ANCHORED"), [annotations]);
  const visible = useMemo(() => anchored.filter((a) => matchesFilters(a, filters)), [anchored, filters]);
  const orphans = useMemo(() => annotations.filter((a) => a.anchorStatus === "ORPHANED"), [annotations]);
  // An opened card shows its whole note: a long one came with the page as its opening only.
  const openedOnOpening = useMemo(() => annotations.find((a) => a.id === selectedId && a.noteIsOpening) ?? null, [annotations, selectedId]);
  const techniqueDescriptions = useMemo(() => new Map(tags.techniques.map((t) => [t.id, t.description])), [tags]);
  // The opening's highlights, drawn by the server too: the first screen is complete at first paint.
  const firstScreenMarks = useMemo(() => {
    const end = firstScreen.at(-1)?.end ?? 0;
    return visible.filter((a) => a.start < end).map((a) => ({ id: a.id, start: a.start, end: a.end, className: highlightClassName(a.kind) }));
  }, [firstScreen, visible]);

  useEffect(() => {
    performance.mark(WORKBENCH_MARKS.hydrated);
  }, []);

  const textToPmStart = useCallback((offset: number) => offsets.textToPm(offset, "start"), [offsets]);
  const toHighlight = useCallback(
    (a: ReadingAnnotation): Highlight => ({ id: a.id, from: offsets.textToPm(a.start, "start"), to: offsets.textToPm(a.end, "end"), kind: a.kind, label: describeAnnotation(a), text: a.exact }),
    [offsets],
  );

  function openComposer(kind: AnnotationKind, chosen: TextSelection | null) {
    if (!chosen) return;
    setComposerError(null);
    setSelection(chosen);
    setComposer({ mode: "create", selection: chosen, kind });
  }

  const { editor, selection, setSelection } = useReadingEditor({
    text,
    blocks,
    offsets,
    initialHighlights: () => visible.map(toHighlight),
    pageMarkers: () => pageMarkersForBlocks(blocks, pageBreaks),
    textColumn,
    canAnnotate,
    onAnnotate: openComposer,
    onOpenHighlight: (id) => onSelect(id, "text"),
    initialTextSelection,
  });

  const { scrollToAnnotation } = useHighlightSync({ editor, visible, toHighlight, selectedId, initialSelectedId });

  const sectionEditing = useSectionEditing({
    documentId,
    revisionId,
    text,
    sections,
    setStatus,
    carryStatus: carry,
    onStopped: () => requestAnimationFrame(() => editor?.commands.focus(undefined, { scrollIntoView: false })),
  });
  const { editSection } = sectionEditing;
  const editing = editSection !== null;
  const sectionSpans = useMemo((): SectionSpan[] => {
    if (!editSection) return [];
    const { start, end } = editSection.section;
    return visible.filter((a) => a.start < end && a.end > start).map((a) => ({ id: a.id, start: a.start, end: a.end, kind: a.kind, label: describeAnnotation(a), text: a.exact }));
  }, [editSection, visible]);

  function onSelect(id: string | null, from: "panel" | "text") {
    setSelectedId(id);
    if (id && from === "panel") scrollToAnnotation(id);
  }

  function closeComposer() {
    setComposer(null);
    setComposerError(null);
    editor?.commands.focus();
  }

  async function submitComposer(values: AnnotationFormValues) {
    if (!composer) return;
    setPending(true);
    const error = await actions.save(composer, values);
    setPending(false);
    if (error) return setComposerError(error);
    if (composer.mode === "create" && editor) {
      editor.commands.setTextSelection(editor.state.selection.to);
      setSelection(null);
    }
    closeComposer();
  }

  /** Where editing starts: the selection's start, else the first block showing in the window. */
  function startEditing() {
    const children = editor?.view.dom.children;
    const caretAt = selection ? selection.start : children ? (blocks[firstIndexBelow(children.length, (i) => children[i]?.getBoundingClientRect().bottom ?? 0)]?.start ?? 0) : 0;
    setSelection(null);
    setComposer(null);
    sectionEditing.start(caretAt);
  }

  // The side column's handlers never change identity (they run the latest render's code), so the
  // column's element below can be memoised.
  const handlers = useStableCallbacks({
    select: onSelect,
    // The form edits the whole note, never the opening a page sent of a long one.
    edit: (annotation: ReadingAnnotation) =>
      void actions.wholeNote(annotation).then((whole) => {
        if (whole) setComposer({ mode: "edit", annotation: whole });
      }),
    deleteAnnotation: (annotation: ReadingAnnotation) => void actions.deleteAnnotation(annotation),
    replyCount: actions.setReplyCount,
    deleteLink: (link: LinkView) => void actions.deleteLink(link),
    linkHere: (annotation: ReadingAnnotation) => void actions.linkHere(annotation.id),
    reattach: (annotation: ReadingAnnotation) => void (selection && actions.reattach(annotation, selection)),
    submitComposer: (values: AnnotationFormValues) => void submitComposer(values),
    closeComposer,
    scrollMapSelect: (id: string) => onSelect(id, "panel"),
    wholeNote: actions.wholeNote,
  });

  useEffect(() => {
    if (openedOnOpening) void handlers.wholeNote(openedOnOpening);
  }, [openedOnOpening, handlers]);

  const composerElement = useMemo(
    () =>
      composer ? (
        <AnnotationComposer composer={composer} error={composerError} pending={pending} tags={tags} onSubmit={handlers.submitComposer} onCancel={handlers.closeComposer} />
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
            onLinkHere={linking && canAnnotate ? handlers.linkHere : undefined}
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
    [sideHeader, editComposer, techniqueDescriptions, anchored, visible, filters, selectedId, currentUser.id, canAnnotate, isOwner, linksByAnnotation, documents, linking, orphans, hasSelection, handlers],
  );

  return (
    <div className="workbench">
      <div className="workbench__text" ref={textColumn}>
        {canAnnotate ? (
          <WorkbenchToolbar
            editing={editing}
            saving={sectionEditing.saving}
            canEditText={canEditText}
            ready={editor !== null}
            onStartEditing={startEditing}
            onSave={() => void sectionEditing.save()}
            onCancel={sectionEditing.cancel}
          />
        ) : null}
        {linking ? <LinkBanner linkFrom={linking} /> : null}
        <StatusLine status={status} />
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
            dirty={sectionEditing.dirty}
            onActivate={sectionEditing.moveTo}
            onEditor={sectionEditing.keepSectionEditor}
            onChange={sectionEditing.markDirty}
            pageBreaks={pageBreaks}
          />
        ) : null}
        {selection && !composer && canAnnotate && !editing ? (
          <SelectionToolbar top={selection.top} left={selection.left} onAnnotate={(kind) => openComposer(kind, selection)} />
        ) : null}
        {composer?.mode === "create" ? composerElement : null}
      </div>
      {side}
      {editing ? null : <ScrollMap editor={editor} annotations={visible} links={actions.links} textToPm={textToPmStart} onSelect={handlers.scrollMapSelect} />}
    </div>
  );
}
