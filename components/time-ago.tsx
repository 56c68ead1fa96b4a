/** A timestamp shown in UTC with the full value on hover; stable between server and client renders. */
export function Timestamp({ value }: { value: Date | null }) {
  if (!value) return <span className="text-slate-500">—</span>;
  const iso = value.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {iso.slice(0, 19).replace("T", " ")} UTC
    </time>
  );
}
