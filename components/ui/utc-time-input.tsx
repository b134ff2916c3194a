"use client";

import { useState } from "react";
import { parseUtcMinute, toMinuteInput } from "@/lib/time";
import { InputField } from "./field";
import { toMinuteValue } from "./utc-minute";

const FORMAT_HINT = "YYYY-MM-DD HH:mm, UTC";

/**
 * A UTC time typed as "2026-11-29 10:15" — the app's one date format, where a `datetime-local`
 * input would show the browser's (mm/dd/yyyy in en-US). It keeps what is being typed and reports
 * only complete times (as "2026-11-29T10:15") or "" when cleared.
 */
export function UtcTimeInput({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const shown = (v: string) => {
    const d = parseUtcMinute(v);
    return d ? toMinuteInput(d) : "";
  };
  const [text, setText] = useState(() => shown(value));
  const [seen, setSeen] = useState(value);
  const [touched, setTouched] = useState(false);
  if (seen !== value) {
    // Changed from outside (Clear filters, back button): show it — unless it is what is typed.
    setSeen(value);
    const typed = parseUtcMinute(text);
    if ((typed ? toMinuteValue(typed) : "") !== value) setText(shown(value));
  }
  const typedInvalid = text.trim() !== "" && parseUtcMinute(text) === null;

  return (
    <InputField
      label={label}
      inputMode="numeric"
      placeholder="2026-11-29 10:15"
      autoComplete="off"
      // Dialogs focus the element marked data-autofocus when they open.
      data-autofocus={autoFocus || undefined}
      value={text}
      hint={FORMAT_HINT}
      error={touched && typedInvalid ? `Enter a time as ${FORMAT_HINT}.` : error}
      onBlur={() => setTouched(true)}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = parseUtcMinute(next);
        if (!next.trim()) onChange("");
        else if (parsed) onChange(toMinuteValue(parsed));
      }}
    />
  );
}
