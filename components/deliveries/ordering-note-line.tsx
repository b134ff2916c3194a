import { orderingNote, type OrderingFields } from "./ordering-note";

/** One line under the status: the delivery it waits for, or the one sent instead; opens it. */
export function OrderingNoteLine({ delivery, onOpen }: { delivery: OrderingFields; onOpen?: (id: string) => void }) {
  const note = orderingNote(delivery);
  if (!note) return null;
  return (
    <p className="mt-1 text-xs text-slate-500" data-testid="ordering-note">
      {note.text}{" "}
      {onOpen ? (
        <button
          type="button"
          onClick={(e) => (e.stopPropagation(), onOpen(note.other))}
          className="font-mono text-brand-700 hover:underline"
        >
          {note.other}
        </button>
      ) : (
        <span className="font-mono">{note.other}</span>
      )}{" "}
      {note.suffix}
    </p>
  );
}
