-- Designated verifiers of double entry, per plan (docs/decisions/2026-11-23-designated-verifier.md).

-- CreateTable
CREATE TABLE "PlanVerifier" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "PlanVerifier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanVerifier_userId_idx" ON "PlanVerifier"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVerifier_planId_userId_key" ON "PlanVerifier"("planId", "userId");

-- AddForeignKey
ALTER TABLE "PlanVerifier" ADD CONSTRAINT "PlanVerifier_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVerifier" ADD CONSTRAINT "PlanVerifier_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVerifier" ADD CONSTRAINT "PlanVerifier_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
