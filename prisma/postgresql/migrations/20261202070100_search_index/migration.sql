-- Full-text search on PostgreSQL: the twin of prisma/migrations/*_search_index. One table,
-- SearchEntry, says what each row of the index is (a block of a document's text, an annotation, a
-- reply, a link) and holds its words: "body" and "note" as written, "words" a tsvector over them
-- folded the way FTS5's unicode61 tokenizer folds (case, Latin accents, Russian ё → е), with a GIN index.
-- Annotations, replies and links are kept in step by the triggers below; blocks of a document's text
-- are written by code (lib/search/index-document-text-postgres.ts) in the transaction that writes the text.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is STABLE (it reads a dictionary); a generated column needs IMMUTABLE. The dictionary
-- named here is fixed, so the wrapper is immutable in practice (the usual idiom).
CREATE FUNCTION search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(coalesce(value, ''), 'ё', 'е'), 'Ё', 'Е'))) $$;

CREATE TABLE "SearchEntry" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "source" TEXT NOT NULL, -- BLOCK | ANNOTATION | REPLY | LINK
    "refId" TEXT NOT NULL, -- BLOCK: the revision; else the annotation, reply or link
    "documentId" TEXT, -- the document the row is about (a link's: its source annotation's)
    "annotationId" TEXT, -- ANNOTATION: itself; REPLY: the annotation replied to; LINK: its source
    "blockIndex" INTEGER, -- BLOCK: 0-based paragraph number
    "blockStart" INTEGER, -- BLOCK: UTF-16 offsets of the block in the revision's text
    "blockEnd" INTEGER,
    "heading" TEXT, -- BLOCK: the nearest heading above the block, if any
    "folds" TEXT, -- BLOCK: where the indexed text wrote е for ё, as JSON [[offset, "ё"], …]; null if nowhere
    "body" TEXT NOT NULL DEFAULT '', -- a block's text, an annotation's quote, a reply, a link's note
    "note" TEXT NOT NULL DEFAULT '', -- an annotation's note, a verdict's rationale
    "words" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_fold("body")), 'A') || setweight(to_tsvector('simple', search_fold("note")), 'B')
    ) STORED
);

CREATE INDEX "SearchEntry_source_refId_idx" ON "SearchEntry"("source", "refId");
CREATE INDEX "SearchEntry_documentId_source_idx" ON "SearchEntry"("documentId", "source");
CREATE INDEX "SearchEntry_words_idx" ON "SearchEntry" USING GIN ("words");

-- Annotations: quote and note.
CREATE FUNCTION "Annotation_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId", "body", "note")
        VALUES (NEW."workspaceId", 'ANNOTATION', NEW."id", NEW."documentId", NEW."id", NEW."exact", coalesce(NEW."note", ''));
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD."exact" IS DISTINCT FROM NEW."exact" OR OLD."note" IS DISTINCT FROM NEW."note" THEN
            UPDATE "SearchEntry" SET "body" = NEW."exact", "note" = coalesce(NEW."note", '') WHERE "source" = 'ANNOTATION' AND "refId" = NEW."id";
        END IF;
    ELSE
        DELETE FROM "SearchEntry" WHERE "source" = 'ANNOTATION' AND "refId" = OLD."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "Annotation_search" AFTER INSERT OR UPDATE OF "exact", "note" OR DELETE ON "Annotation" FOR EACH ROW EXECUTE FUNCTION "Annotation_search"();

-- Replies.
CREATE FUNCTION "AnnotationReply_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId", "body")
        SELECT a."workspaceId", 'REPLY', NEW."id", a."documentId", a."id", NEW."body" FROM "Annotation" a WHERE a."id" = NEW."annotationId";
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD."body" IS DISTINCT FROM NEW."body" THEN
            UPDATE "SearchEntry" SET "body" = NEW."body" WHERE "source" = 'REPLY' AND "refId" = NEW."id";
        END IF;
    ELSE
        DELETE FROM "SearchEntry" WHERE "source" = 'REPLY' AND "refId" = OLD."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "AnnotationReply_search" AFTER INSERT OR UPDATE OF "body" OR DELETE ON "AnnotationReply" FOR EACH ROW EXECUTE FUNCTION "AnnotationReply_search"();

-- Links: note and verdict rationale.
CREATE FUNCTION "AnnotationLink_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchEntry" ("workspaceId", "source", "refId", "documentId", "annotationId", "body", "note")
        SELECT NEW."workspaceId", 'LINK', NEW."id", a."documentId", a."id", coalesce(NEW."note", ''), coalesce(NEW."verdictRationale", '')
        FROM "Annotation" a WHERE a."id" = NEW."sourceAnnotationId";
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD."note" IS DISTINCT FROM NEW."note" OR OLD."verdictRationale" IS DISTINCT FROM NEW."verdictRationale" THEN
            UPDATE "SearchEntry" SET "body" = coalesce(NEW."note", ''), "note" = coalesce(NEW."verdictRationale", '') WHERE "source" = 'LINK' AND "refId" = NEW."id";
        END IF;
    ELSE
        DELETE FROM "SearchEntry" WHERE "source" = 'LINK' AND "refId" = OLD."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "AnnotationLink_search" AFTER INSERT OR UPDATE OF "note", "verdictRationale" OR DELETE ON "AnnotationLink" FOR EACH ROW EXECUTE FUNCTION "AnnotationLink_search"();

-- A deleted document takes its blocks (and anything else about it) out of the index.
CREATE FUNCTION "Document_search_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "SearchEntry" WHERE "documentId" = OLD."id";
    RETURN NULL;
END $$;
CREATE TRIGGER "Document_search_delete" AFTER DELETE ON "Document" FOR EACH ROW EXECUTE FUNCTION "Document_search_delete"();
