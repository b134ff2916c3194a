"use client";

import { SelectField } from "@/components/ui/field";
import { SearchBox } from "@/components/ui/search-box";
import { UtcTimeInput } from "@/components/ui/utc-time-input";
import { FilterBar } from "@/components/ui/filter-bar";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { DELIVERY_STATUSES } from "@/server/delivery/schemas";
import { EVENT_TYPES } from "@/server/events/catalog";
import {
  deliveryRangeError,
  EMPTY_DELIVERY_FILTERS,
  hasDeliveryFilters,
  type DeliveryFilters,
} from "./delivery-filters";
import { DELIVERY_STATUS_STYLES } from "./delivery-status";

/** Status, event type and a UTC time range; every change goes straight to the URL (via `onChange`). */
export function DeliveryFilterBar({
  filters,
  onChange,
}: {
  filters: DeliveryFilters;
  onChange: (next: DeliveryFilters) => void;
}) {
  const set = (key: keyof DeliveryFilters, value: string) => onChange({ ...filters, [key]: value });
  const error = deliveryRangeError(filters);
  return (
    <FilterBar
      label="Filter deliveries"
      canClear={hasDeliveryFilters(filters)}
      onClear={() => onChange(EMPTY_DELIVERY_FILTERS)}
    >
      <SearchBox
        label="Find a message"
        className="sm:col-span-2 lg:col-span-5"
        value={filters.q}
        onSearch={(q) => set("q", q)}
        placeholder="Delivery id (webhook-id), event id, transaction_id, message_id or mobile number"
        hint="Exact match. A mobile number with or without +, spaces allowed."
      />
      <SelectField label="Status" value={filters.status} onChange={(e) => set("status", e.target.value)}>
        <option value="">Any status</option>
        {DELIVERY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {DELIVERY_STATUS_STYLES[s]?.label ?? s}
          </option>
        ))}
      </SelectField>
      <SelectField label="Event type" value={filters.eventType} onChange={(e) => set("eventType", e.target.value)}>
        <option value="">All types</option>
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {EVENT_TYPE_LABELS[t] ?? t} ({t})
          </option>
        ))}
      </SelectField>
      <UtcTimeInput label="Since" value={filters.since} onChange={(v) => set("since", v)} />
      <UtcTimeInput label="Until" value={filters.until} error={error ?? undefined} onChange={(v) => set("until", v)} />
    </FilterBar>
  );
}
