-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'CLERK', 'MONITOR', 'LEADER');

-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('MERGE', 'SPLIT', 'RENAME');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('SATISFACTION', 'ASSESSMENT', 'EXPECTATION', 'RESPONDENT', 'TEXT');

-- CreateEnum
CREATE TYPE "PlanState" AS ENUM ('DRAFT', 'APPROVED', 'FRAME', 'SAMPLED', 'FIELDWORK', 'ENTRY', 'ANALYSIS', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SurveyMode" AS ENUM ('POST', 'DIRECT', 'ONLINE', 'KIOSK', 'PHONE');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('LISTS_DUE', 'SAMPLING_DAY', 'FIELDWORK_START', 'FIELDWORK_END', 'ENTRY_DEADLINE', 'REPORT_DEADLINE', 'PUBLICATION');

-- CreateEnum
CREATE TYPE "FrameSource" AS ENUM ('FILE', 'API');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('COMMITTED', 'REPLACED');

-- CreateEnum
CREATE TYPE "RespondentKind" AS ENUM ('INDIVIDUAL', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "DrawStatus" AS ENUM ('DRAFT', 'LOCKED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "SelectionRole" AS ENUM ('MAIN', 'RESERVE');

-- CreateEnum
CREATE TYPE "FormState" AS ENUM ('CREATED', 'PRINTED', 'DISPATCHED', 'DELIVERED', 'RETURNED', 'ENTERED', 'VERIFIED', 'UNDELIVERABLE', 'REFUSED', 'NOT_RETURNED', 'REPLACED', 'SPOILED');

-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('VALID', 'BLANK', 'MULTIPLE', 'UNREADABLE');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('OK', 'DENIED');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserUnit" (
    "userId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "UserUnit_pkey" PRIMARY KEY ("userId","unitId")
);

-- CreateTable
CREATE TABLE "UserPlan" (
    "userId" INTEGER NOT NULL,
    "planId" INTEGER NOT NULL,

    CONSTRAINT "UserPlan_pkey" PRIMARY KEY ("userId","planId")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "requestSha" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AdminLevel" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "AdminLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Block" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "levelId" INTEGER NOT NULL,
    "blockId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "providesPublicServices" BOOLEAN NOT NULL DEFAULT true,
    "address" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" SERIAL NOT NULL,
    "predecessorId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "legalBasis" TEXT,
    "share" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Field" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireTemplate" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireVersion" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "checksum" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "QuestionnaireVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QAspect" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "QAspect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QElement" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "aspectId" INTEGER,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "QElement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QItem" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "elementId" INTEGER,
    "code" TEXT NOT NULL,
    "kind" "ItemKind" NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "config" JSONB,

    CONSTRAINT "QItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "legalNumber" TEXT,
    "legalDate" DATE,
    "windowStart" DATE NOT NULL,
    "windowEnd" DATE NOT NULL,
    "state" "PlanState" NOT NULL DEFAULT 'DRAFT',
    "questionnaireVersionId" INTEGER NOT NULL,
    "modes" "SurveyMode"[],
    "settings" JSONB NOT NULL,
    "budget" DECIMAL(16,0),
    "personalDataPurgedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanUnit" (
    "planId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "PlanUnit_pkey" PRIMARY KEY ("planId","unitId")
);

-- CreateTable
CREATE TABLE "PlanMilestone" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "PlanMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameImport" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "source" "FrameSource" NOT NULL,
    "fileName" TEXT,
    "checksum" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'COMMITTED',
    "idempotencyKey" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameRecord" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "importId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "fieldId" INTEGER,
    "dossierCode" TEXT NOT NULL,
    "kind" "RespondentKind" NOT NULL,
    "procedure" TEXT,
    "resultDate" DATE NOT NULL,
    "rowNumber" INTEGER NOT NULL,

    CONSTRAINT "FrameRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameRecordPersonal" (
    "recordId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,

    CONSTRAINT "FrameRecordPersonal_pkey" PRIMARY KEY ("recordId")
);

-- CreateTable
CREATE TABLE "Stratum" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "fieldId" INTEGER,
    "population" INTEGER NOT NULL,
    "rawCount" INTEGER NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "reserve" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "census" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Stratum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleDraw" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "frameChecksum" TEXT NOT NULL,
    "allocation" JSONB NOT NULL,
    "allocationChecksum" TEXT NOT NULL,
    "algorithmVersion" TEXT NOT NULL,
    "status" "DrawStatus" NOT NULL DEFAULT 'DRAFT',
    "drawnById" INTEGER,
    "drawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMP(3),

    CONSTRAINT "SampleDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Selection" (
    "id" SERIAL NOT NULL,
    "drawId" INTEGER NOT NULL,
    "stratumId" INTEGER NOT NULL,
    "frameRecordId" INTEGER NOT NULL,
    "role" "SelectionRole" NOT NULL,
    "order" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "inclusionProbability" DOUBLE PRECISION NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "Selection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchBatch" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DispatchBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Form" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "stratumId" INTEGER NOT NULL,
    "selectionId" INTEGER,
    "code" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "state" "FormState" NOT NULL DEFAULT 'CREATED',
    "mode" "SurveyMode" NOT NULL DEFAULT 'POST',
    "batchId" INTEGER,
    "replacesFormId" INTEGER,
    "doubleEntry" BOOLEAN NOT NULL DEFAULT false,
    "duplicateReturn" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Form_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" SERIAL NOT NULL,
    "formId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "mode" "SurveyMode" NOT NULL,
    "enteredById" INTEGER,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "responseId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "status" "AnswerStatus" NOT NULL,
    "value" SMALLINT,
    "text" TEXT,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("responseId","itemId")
);

-- CreateTable
CREATE TABLE "EntryDifference" (
    "id" SERIAL NOT NULL,
    "formId" INTEGER NOT NULL,
    "itemCode" TEXT NOT NULL,
    "first" TEXT NOT NULL,
    "second" TEXT NOT NULL,
    "decided" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "EntryDifference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallBack" (
    "id" SERIAL NOT NULL,
    "formId" INTEGER NOT NULL,
    "calledAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" INTEGER,

    CONSTRAINT "CallBack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" INTEGER,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "planId" INTEGER,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'OK',
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultSnapshot" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "computedById" INTEGER,
    "inputsHash" TEXT NOT NULL,
    "method" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "ResultSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "UserUnit_unitId_idx" ON "UserUnit"("unitId");

-- CreateIndex
CREATE INDEX "UserPlan_planId_idx" ON "UserPlan"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AdminLevel_code_key" ON "AdminLevel"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Block_code_key" ON "Block"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_levelId_idx" ON "Unit"("levelId");

-- CreateIndex
CREATE INDEX "Unit_blockId_idx" ON "Unit"("blockId");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Field_code_key" ON "Field"("code");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireTemplate_code_key" ON "QuestionnaireTemplate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireVersion_templateId_version_key" ON "QuestionnaireVersion"("templateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "QAspect_versionId_code_key" ON "QAspect"("versionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "QElement_versionId_code_key" ON "QElement"("versionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "QItem_versionId_code_key" ON "QItem"("versionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_year_title_key" ON "Plan"("year", "title");

-- CreateIndex
CREATE INDEX "PlanUnit_unitId_idx" ON "PlanUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanMilestone_planId_kind_key" ON "PlanMilestone"("planId", "kind");

-- CreateIndex
CREATE INDEX "FrameImport_planId_idx" ON "FrameImport"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameImport_planId_idempotencyKey_key" ON "FrameImport"("planId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "FrameRecord_importId_idx" ON "FrameRecord"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameRecord_planId_unitId_dossierCode_key" ON "FrameRecord"("planId", "unitId", "dossierCode");

-- CreateIndex
CREATE UNIQUE INDEX "Stratum_planId_code_key" ON "Stratum"("planId", "code");

-- CreateIndex
CREATE INDEX "SampleDraw_planId_idx" ON "SampleDraw"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "Selection_drawId_frameRecordId_key" ON "Selection"("drawId", "frameRecordId");

-- CreateIndex
CREATE UNIQUE INDEX "Selection_drawId_stratumId_role_order_key" ON "Selection"("drawId", "stratumId", "role", "order");

-- CreateIndex
CREATE UNIQUE INDEX "DispatchBatch_planId_code_key" ON "DispatchBatch"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Form_selectionId_key" ON "Form"("selectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Form_code_key" ON "Form"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Form_replacesFormId_key" ON "Form"("replacesFormId");

-- CreateIndex
CREATE INDEX "Form_planId_state_idx" ON "Form"("planId", "state");

-- CreateIndex
CREATE INDEX "Form_stratumId_idx" ON "Form"("stratumId");

-- CreateIndex
CREATE UNIQUE INDEX "Form_planId_unitId_sequence_key" ON "Form"("planId", "unitId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Response_formId_round_key" ON "Response"("formId", "round");

-- CreateIndex
CREATE INDEX "Answer_itemId_idx" ON "Answer"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "EntryDifference_formId_itemCode_key" ON "EntryDifference"("formId", "itemCode");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_planId_idx" ON "AuditEvent"("planId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "ResultSnapshot_planId_idx" ON "ResultSnapshot"("planId");

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserUnit" ADD CONSTRAINT "UserUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPlan" ADD CONSTRAINT "UserPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPlan" ADD CONSTRAINT "UserPlan_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "AdminLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Block"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireVersion" ADD CONSTRAINT "QuestionnaireVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "QuestionnaireTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QAspect" ADD CONSTRAINT "QAspect_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QElement" ADD CONSTRAINT "QElement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QElement" ADD CONSTRAINT "QElement_aspectId_fkey" FOREIGN KEY ("aspectId") REFERENCES "QAspect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QItem" ADD CONSTRAINT "QItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QItem" ADD CONSTRAINT "QItem_elementId_fkey" FOREIGN KEY ("elementId") REFERENCES "QElement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_questionnaireVersionId_fkey" FOREIGN KEY ("questionnaireVersionId") REFERENCES "QuestionnaireVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUnit" ADD CONSTRAINT "PlanUnit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanUnit" ADD CONSTRAINT "PlanUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMilestone" ADD CONSTRAINT "PlanMilestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameImport" ADD CONSTRAINT "FrameImport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_importId_fkey" FOREIGN KEY ("importId") REFERENCES "FrameImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecord" ADD CONSTRAINT "FrameRecord_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameRecordPersonal" ADD CONSTRAINT "FrameRecordPersonal_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "FrameRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stratum" ADD CONSTRAINT "Stratum_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stratum" ADD CONSTRAINT "Stratum_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stratum" ADD CONSTRAINT "Stratum_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleDraw" ADD CONSTRAINT "SampleDraw_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "SampleDraw"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_stratumId_fkey" FOREIGN KEY ("stratumId") REFERENCES "Stratum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_frameRecordId_fkey" FOREIGN KEY ("frameRecordId") REFERENCES "FrameRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchBatch" ADD CONSTRAINT "DispatchBatch_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_stratumId_fkey" FOREIGN KEY ("stratumId") REFERENCES "Stratum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_selectionId_fkey" FOREIGN KEY ("selectionId") REFERENCES "Selection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DispatchBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_replacesFormId_fkey" FOREIGN KEY ("replacesFormId") REFERENCES "Form"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_formId_fkey" FOREIGN KEY ("formId") REFERENCES "Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "QItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryDifference" ADD CONSTRAINT "EntryDifference_formId_fkey" FOREIGN KEY ("formId") REFERENCES "Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBack" ADD CONSTRAINT "CallBack_formId_fkey" FOREIGN KEY ("formId") REFERENCES "Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultSnapshot" ADD CONSTRAINT "ResultSnapshot_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
