import { SamplingInputError, samplingMessages } from "./messages";
import { compareCodeUnits } from "./normalize";
import type { FrameRecord, StratumMode } from "./types";

/** Characters a unit, field or stratum code may not hold: the separators / and |, controls. */
const FORBIDDEN_IN_CODE = /[/|\p{Cc}]/u;

/** Whether a unit or field code can be part of a stratum code and of a selection key. */
export function isValidCode(code: string): boolean {
  return code.length > 0 && code.trim() === code && !FORBIDDEN_IN_CODE.test(code);
}

/**
 * The stratum code (§5): the unit code, or `unit/field` in unit × field mode. Returns null
 * when unit × field is asked for and the record has no field code.
 */
export function stratumCodeOf(record: Pick<FrameRecord, "unitCode" | "fieldCode">, mode: StratumMode): string | null {
  if (mode === "unit") return record.unitCode;
  return record.fieldCode ? `${record.unitCode}/${record.fieldCode}` : null;
}

export type StratumGroup<T> = { code: string; unitCode: string; fieldCode: string | null; records: T[] };

/**
 * Splits records into strata, sorted by stratum code (code-unit order). Throws a
 * SamplingInputError when a code is unusable or, in unit × field mode, a field is missing.
 */
export function groupByStratum<T extends FrameRecord>(records: readonly T[], mode: StratumMode): StratumGroup<T>[] {
  const groups = new Map<string, StratumGroup<T>>();
  let missingField = 0;
  for (const record of records) {
    const code = stratumCodeOf(record, mode);
    if (code === null) {
      missingField++;
      continue;
    }
    let group = groups.get(code);
    if (!group) {
      if (!isValidCode(record.unitCode)) throw new SamplingInputError(samplingMessages.badCode("Mã đơn vị", record.unitCode));
      const fieldCode = mode === "unit-field" ? record.fieldCode : null;
      if (fieldCode !== null && !isValidCode(fieldCode)) {
        throw new SamplingInputError(samplingMessages.badCode("Mã lĩnh vực", fieldCode));
      }
      group = { code, unitCode: record.unitCode, fieldCode, records: [] };
      groups.set(code, group);
    }
    group.records.push(record);
  }
  if (missingField > 0) throw new SamplingInputError(samplingMessages.missingField(missingField));
  return [...groups.values()].sort((a, b) => compareCodeUnits(a.code, b.code));
}
