"use client";

import { SelectField } from "@/components/ui/field";
import { SearchBox } from "@/components/ui/search-box";
import { UtcTimeInput } from "@/components/ui/utc-time-input";
import { FilterBar } from "@/components/ui/filter-bar";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { EVENT_TYPES } from "@/server/events/catalog";
import { EMPTY_FILTERS, hasFilters, rangeError, type EventFilters } from "./event-filters";
import { EVENT_STATUS_OPTIONS } from "./event-status";

/** The search, type, status and a UTC time range; every change goes straight to the URL (via `onChange`). */
export function EventsFilterBar({
  filters,
  onChange,
}: {
  filters: EventFilters;
  onChange: (next: EventFilters) => void;
}) {
  const set = (key: keyof EventFilters, value: string) => onChange({ ...filters, [key]: value });
  const error = rangeError(filters);
  return (
    <FilterBar label="Filter events" canClear={hasFilters(filters)} onClear={() => onChange(EMPTY_FILTERS)}>
      <SearchBox
        label="Find a message"
        className="sm:col-span-2 lg:col-span-5"
        value={filters.q}
        onSearch={(q) => set("q", q)}
        placeholder="Event id, webhook-id, transaction_id, message_id or mobile number"
        hint="Exact match. A mobile number with or without +, spaces allowed."
      />
      <SelectField label="Event type" value={filters.type} onChange={(e) => set("type", e.target.value)}>
        <option value="">All types</option>
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {EVENT_TYPE_LABELS[t] ?? t} ({t})
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={filters.status} onChange={(e) => set("status", e.target.value)}>
        <option value="">Any status</option>
        {EVENT_STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <UtcTimeInput label="From" value={filters.from} onChange={(v) => set("from", v)} />
      <UtcTimeInput label="To" value={filters.to} error={error ?? undefined} onChange={(v) => set("to", v)} />
    </FilterBar>
  );
}
