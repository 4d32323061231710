-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "packedAnswers" TEXT;
