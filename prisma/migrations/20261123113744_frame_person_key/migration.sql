-- AlterTable
ALTER TABLE "FrameRecord" ADD COLUMN     "personKey" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "personKeySalt" TEXT;
