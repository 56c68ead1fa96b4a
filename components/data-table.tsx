import type { ReactNode } from "react";

export type Column = { label: string; isNumeric?: boolean };

/** The card-style table every list in the dashboard uses: header from `columns`, rows as children. */
export function DataTable({ columns, children }: { columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="whitespace-nowrap border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-4 py-3 font-medium ${column.isNumeric ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
