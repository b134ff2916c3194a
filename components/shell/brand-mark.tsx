export type ShellBrand = { slug: string; brandName: string; logoUrl: string | null; primaryColor: string };

/** The shell's brand: Hookline's, or a reseller's logo (or initial in its colour) and name. */
export function BrandMark({ brand, compact }: { brand: ShellBrand | null; compact?: boolean }) {
  if (!brand)
    return (
      <span className="font-bold tracking-tight text-brand-700">
        <span aria-hidden>⚡</span> Hookline
      </span>
    );
  return (
    <span className="flex min-w-0 items-center gap-2">
      {brand.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- arbitrary reseller-hosted logos
        <img
          src={brand.logoUrl}
          alt=""
          className={compact ? "size-6 rounded object-contain" : "size-8 rounded object-contain"}
        />
      ) : (
        <span
          aria-hidden
          className={`flex shrink-0 items-center justify-center rounded font-bold text-white ${compact ? "size-6 text-xs" : "size-8 text-sm"}`}
          style={{ backgroundColor: brand.primaryColor }}
        >
          {brand.brandName.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span
        className="truncate font-bold tracking-tight"
        style={{ color: brand.primaryColor }}
        data-testid="shell-brand"
      >
        {brand.brandName}
      </span>
    </span>
  );
}
