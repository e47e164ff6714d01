-- CreateIndex
CREATE INDEX "Annotation_workspaceId_visibility_authorId_idx" ON "Annotation"("workspaceId", "visibility", "authorId");

-- CreateIndex
CREATE INDEX "Annotation_documentId_visibility_authorId_idx" ON "Annotation"("documentId", "visibility", "authorId");
