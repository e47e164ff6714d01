-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "AnnotationLink" ADD COLUMN "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "AnnotationReply" ADD COLUMN "originalAuthorName" TEXT;
