/**
 * A text field's length against its limit. Fields have no `maxLength`: it cuts a pasted value without a
 * word, so the value is kept as typed and this says how much too long it is (the server refuses it too).
 */
export function LengthHint({ id, length, max, what }: { id: string; length: number; max: number; what: string }) {
  const isOver = length > max;
  return (
    <p id={id} className={`flex justify-between gap-3 text-xs ${isOver ? "text-red-700" : "text-slate-500"}`}>
      <span role={isOver ? "alert" : undefined}>
        {isOver ? `Keep the ${what} to ${max} characters or fewer: this one has ${length}.` : ""}
      </span>
      <span className="tabular-nums">
        {length} / {max}
      </span>
    </p>
  );
}
