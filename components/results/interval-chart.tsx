"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";

/**
 * Horizontal bars of indices (0–100) with their 95% confidence intervals as error bars:
 * the units of a plan ranked, or the elements of one unit. A bar without an interval
 * (too few forms, or 0 %/100 %) is drawn without one. Client component (recharts).
 */
export type IntervalRow = { code: string; label: string; index: number; low: number | null; high: number | null };

type Props = { rows: IntervalRow[]; reference?: { value: number; label: string } | null; testId?: string; labelWidth?: number };

export function IntervalChart({ rows, reference, testId, labelWidth = 220 }: Props) {
  const data = rows.map((r) => ({
    ...r,
    // ErrorBar takes distances below and above the bar's end.
    err: r.low === null || r.high === null ? [0, 0] : [r.index - r.low, r.high - r.index],
  }));
  const height = Math.max(160, 28 * rows.length + 60);
  return (
    <div data-testid={testId} style={{ width: "100%", height, background: "#fff", border: "1px solid var(--line)", borderRadius: 6, padding: ".5rem" }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 22, right: 24, bottom: 8, left: 8 }} barCategoryGap={4}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tickFormatter={(v: number) => formatNumber(v, 0)} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(_v, _n, item) => {
              const p = item.payload as IntervalRow;
              const ci = p.low === null || p.high === null ? "không có khoảng tin cậy" : `KTC 95%: ${formatNumber(p.low)} – ${formatNumber(p.high)}`;
              return [`${formatNumber(p.index)} (${ci})`, "Chỉ số"];
            }}
          />
          {reference && <ReferenceLine x={reference.value} stroke="#a3171b" strokeDasharray="4 3" label={{ value: reference.label, position: "top", fontSize: 11, fill: "#a3171b" }} />}
          <Bar dataKey="index" fill="#1f5fa8" isAnimationActive={false}>
            <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke="#1d2433" direction="x" isAnimationActive={false} />
            {/* The figure inside the bar's start: outside, it would collide with the interval. */}
            <LabelList dataKey="index" position="insideLeft" formatter={(v: unknown) => formatNumber(Number(v))} style={{ fontSize: 11, fill: "#fff", fontWeight: 600 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
