-- Where each page of the source starts in a revision's text: [{ "offset": 0, "label": "1" }, ...].
ALTER TABLE "DocumentRevision" ADD COLUMN "pageBreaks" JSONB NOT NULL DEFAULT '[]';
