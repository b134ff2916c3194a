import type { CSSProperties } from "react";

type StorefrontBrand = {
  brandName: string;
  logoUrl?: string | null;
  primaryColor: string;
  supportEmail?: string | null;
};

/** The branded header of the storefront sign-up page; also used as the live preview. */
export function StorefrontHeader({ brand }: { brand: StorefrontBrand }) {
  return (
    <div className="flex items-center gap-3">
      {brand.logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- arbitrary reseller-hosted logos
        <img src={brand.logoUrl} alt="" className="size-10 rounded-md object-contain" />
      ) : (
        <span
          className="flex size-10 items-center justify-center rounded-md text-lg font-bold text-white"
          style={{ backgroundColor: brand.primaryColor }}
          aria-hidden
        >
          {brand.brandName.slice(0, 1).toUpperCase() || "?"}
        </span>
      )}
      <span className="text-xl font-bold tracking-tight" style={{ color: brand.primaryColor }}>
        {brand.brandName || "Your brand"}
      </span>
    </div>
  );
}

export function StorefrontPreview({ brand, slug }: { brand: StorefrontBrand; slug: string }) {
  const accent = { "--accent": brand.primaryColor } as CSSProperties;
  return (
    <div className="overflow-hidden rounded-lg ring-1 ring-slate-200" style={accent} aria-label="Sign-up page preview">
      <div className="flex items-center gap-2 bg-slate-100 px-3 py-2 text-xs text-slate-500">
        <span className="size-2.5 rounded-full bg-slate-300" />
        <span className="truncate font-mono">/r/{slug || "your-slug"}/sign-up</span>
      </div>
      <div className="space-y-4 bg-white p-5">
        <StorefrontHeader brand={brand} />
        <p className="text-sm font-semibold text-slate-800">Create your account</p>
        {["Full name", "Email", "Password"].map((l) => (
          <div key={l} className="space-y-1">
            <p className="text-xs text-slate-500">{l}</p>
            <div className="h-7 rounded border border-slate-200" />
          </div>
        ))}
        <div
          className="rounded-md py-2 text-center text-sm font-medium text-white"
          style={{ backgroundColor: brand.primaryColor }}
        >
          Sign up
        </div>
        {brand.supportEmail && <p className="text-center text-xs text-slate-500">Help: {brand.supportEmail}</p>}
      </div>
    </div>
  );
}
