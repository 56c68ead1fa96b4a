"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#1f57d1", "#0d9488", "#d97706", "#db2777", "#7c3aed", "#059669", "#64748b"];

type Props = { bucket: "hour" | "day"; series: string[]; rows: Record<string, number | string>[] };

/** Events over time, one stacked bar per hour or day, a colour per event type. */
export function EventsChart({ bucket, series, rows }: Props) {
  const label = (value: string) => (bucket === "hour" ? `${value.slice(11, 13)}:00` : value.slice(5, 10));
  return (
    <div className="h-72 w-full" role="img" aria-label={`Events per ${bucket} by event type`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="bucket" tickFormatter={label} tick={{ fontSize: 12, fill: "currentColor" }} minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "currentColor" }} />
          <Tooltip
            labelFormatter={(value) =>
              bucket === "hour" ? `${String(value).replace("T", " ")}:00 UTC` : String(value)
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((type, index) => (
            <Bar
              key={type}
              dataKey={type}
              stackId="events"
              fill={COLORS[index % COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
