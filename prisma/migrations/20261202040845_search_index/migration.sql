-- Full-text search (lib/search). Two tables Prisma's schema does not model (see the note in
-- schema.prisma and README "Search"): SearchEntry says what a row of the index is (a block of a
-- document's text, an annotation, a reply, a link) and SearchText is the FTS5 index over its words,
-- sharing SearchEntry's integer id as its rowid.
--
-- Annotations, replies and links are kept in step by the triggers below, inside the statement
-- that writes them (so inside its transaction). Blocks of a document's text are written by code
-- (lib/search/index-document-text.ts) in the transaction that creates or revises the text; the
-- document's deletion removes them here.

CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "source" TEXT NOT NULL, -- BLOCK | ANNOTATION | REPLY | LINK
    "refId" TEXT NOT NULL, -- BLOCK: the revision; else the annotation, reply or link
    "documentId" TEXT, -- the document the row is about (a link's: its source annotation's)
    "annotationId" TEXT, -- ANNOTATION: itself; REPLY: the annotation replied to; LINK: its source
    "blockIndex" INTEGER, -- BLOCK: 0-based paragraph number
    "blockStart" INTEGER, -- BLOCK: UTF-16 offsets of the block in the revision's text
    "blockEnd" INTEGER,
    "heading" TEXT, -- BLOCK: the nearest heading above the block, if any
    "folds" TEXT -- BLOCK: where the indexed text wrote е for ё or Е for Ё, as JSON [[offset, "ё"], …]; null if nowhere
);

CREATE INDEX "SearchEntry_source_refId_idx" ON "SearchEntry"("source", "refId");
CREATE INDEX "SearchEntry_documentId_source_idx" ON "SearchEntry"("documentId", "source");

-- unicode61 folds case and (remove_diacritics 2) Latin accents: "Зиновьев" finds "зиновьев",
-- "memoire" finds "Mémoire". It leaves Russian ё alone, so the indexed text has ё written е (one
-- UTF-16 unit for one, so offsets hold), as Russian print mostly does; queries are folded alike. body: a block's text, an annotation's quote, a
-- reply, a link's note; note: an annotation's note, a verdict's rationale.
CREATE VIRTUAL TABLE "SearchText" USING fts5(body, note, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

-- How many rows hold each term: suggested links search for a claim's rarest terms only.
CREATE VIRTUAL TABLE "SearchVocab" USING fts5vocab('SearchText', 'row');

CREATE TRIGGER "SearchEntry_delete" AFTER DELETE ON "SearchEntry" BEGIN
    DELETE FROM "SearchText" WHERE rowid = old.id;
END;

-- Annotations: quote and note.
CREATE TRIGGER "Annotation_search_insert" AFTER INSERT ON "Annotation" BEGIN
    INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId") VALUES (new.workspaceId, 'ANNOTATION', new.id, new.documentId, new.id);
    INSERT INTO "SearchText" (rowid, body, note) VALUES (last_insert_rowid(), replace(replace(new.exact, 'ё', 'е'), 'Ё', 'Е'), replace(replace(new.note, 'ё', 'е'), 'Ё', 'Е'));
END;

CREATE TRIGGER "Annotation_search_update" AFTER UPDATE OF "exact", "note" ON "Annotation"
WHEN old.exact IS NOT new.exact OR old.note IS NOT new.note BEGIN
    UPDATE "SearchText" SET body = replace(replace(new.exact, 'ё', 'е'), 'Ё', 'Е'), note = replace(replace(new.note, 'ё', 'е'), 'Ё', 'Е')
    WHERE rowid = (SELECT id FROM "SearchEntry" WHERE source = 'ANNOTATION' AND refId = new.id);
END;

CREATE TRIGGER "Annotation_search_delete" AFTER DELETE ON "Annotation" BEGIN
    DELETE FROM "SearchEntry" WHERE source = 'ANNOTATION' AND refId = old.id;
END;

-- Replies.
CREATE TRIGGER "AnnotationReply_search_insert" AFTER INSERT ON "AnnotationReply" BEGIN
    INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId")
    SELECT a.workspaceId, 'REPLY', new.id, a.documentId, a.id FROM "Annotation" a WHERE a.id = new.annotationId;
    INSERT INTO "SearchText" (rowid, body, note) SELECT id, replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е'), '' FROM "SearchEntry" WHERE source = 'REPLY' AND refId = new.id;
END;

CREATE TRIGGER "AnnotationReply_search_update" AFTER UPDATE OF "body" ON "AnnotationReply"
WHEN old.body IS NOT new.body BEGIN
    UPDATE "SearchText" SET body = replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е')
    WHERE rowid = (SELECT id FROM "SearchEntry" WHERE source = 'REPLY' AND refId = new.id);
END;

CREATE TRIGGER "AnnotationReply_search_delete" AFTER DELETE ON "AnnotationReply" BEGIN
    DELETE FROM "SearchEntry" WHERE source = 'REPLY' AND refId = old.id;
END;

-- Links: note and verdict rationale.
CREATE TRIGGER "AnnotationLink_search_insert" AFTER INSERT ON "AnnotationLink" BEGIN
    INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId")
    SELECT new.workspaceId, 'LINK', new.id, a.documentId, a.id FROM "Annotation" a WHERE a.id = new.sourceAnnotationId;
    INSERT INTO "SearchText" (rowid, body, note) SELECT id, replace(replace(new.note, 'ё', 'е'), 'Ё', 'Е'), replace(replace(new.verdictRationale, 'ё', 'е'), 'Ё', 'Е') FROM "SearchEntry" WHERE source = 'LINK' AND refId = new.id;
END;

CREATE TRIGGER "AnnotationLink_search_update" AFTER UPDATE OF "note", "verdictRationale" ON "AnnotationLink"
WHEN old.note IS NOT new.note OR old.verdictRationale IS NOT new.verdictRationale BEGIN
    UPDATE "SearchText" SET body = replace(replace(new.note, 'ё', 'е'), 'Ё', 'Е'), note = replace(replace(new.verdictRationale, 'ё', 'е'), 'Ё', 'Е')
    WHERE rowid = (SELECT id FROM "SearchEntry" WHERE source = 'LINK' AND refId = new.id);
END;

CREATE TRIGGER "AnnotationLink_search_delete" AFTER DELETE ON "AnnotationLink" BEGIN
    DELETE FROM "SearchEntry" WHERE source = 'LINK' AND refId = old.id;
END;

-- A deleted document takes its blocks (and anything else about it) out of the index.
CREATE TRIGGER "Document_search_delete" AFTER DELETE ON "Document" BEGIN
    DELETE FROM "SearchEntry" WHERE documentId = old.id;
END;

-- What exists already. Blocks of existing texts are indexed by code at the next start
-- (indexUnindexedDocuments, from prisma/prepare-database.ts).
INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId")
SELECT workspaceId, 'ANNOTATION', id, documentId, id FROM "Annotation";
INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId")
SELECT a.workspaceId, 'REPLY', r.id, a.documentId, a.id FROM "AnnotationReply" r JOIN "Annotation" a ON a.id = r.annotationId;
INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId")
SELECT l.workspaceId, 'LINK', l.id, a.documentId, a.id FROM "AnnotationLink" l JOIN "Annotation" a ON a.id = l.sourceAnnotationId;
INSERT INTO "SearchText" (rowid, body, note)
SELECT e.id, replace(replace(a.exact, 'ё', 'е'), 'Ё', 'Е'), replace(replace(a.note, 'ё', 'е'), 'Ё', 'Е') FROM "SearchEntry" e JOIN "Annotation" a ON a.id = e.refId WHERE e.source = 'ANNOTATION';
INSERT INTO "SearchText" (rowid, body, note)
SELECT e.id, replace(replace(r.body, 'ё', 'е'), 'Ё', 'Е'), '' FROM "SearchEntry" e JOIN "AnnotationReply" r ON r.id = e.refId WHERE e.source = 'REPLY';
INSERT INTO "SearchText" (rowid, body, note)
SELECT e.id, replace(replace(l.note, 'ё', 'е'), 'Ё', 'Е'), replace(replace(l.verdictRationale, 'ё', 'е'), 'Ё', 'Е') FROM "SearchEntry" e JOIN "AnnotationLink" l ON l.id = e.refId WHERE e.source = 'LINK';
