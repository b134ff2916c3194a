import { SignUpForm } from "@/components/auth/sign-up-form";
import { brandStyle } from "@/components/shell/brand-style";

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

/**
 * The live preview: the storefront's real sign-up form (all eight fields, the same component the
 * sign-up page renders), in the brand's colour. Inert: it shows, it does not submit.
 */
export function StorefrontPreview({ brand, slug }: { brand: StorefrontBrand; slug: string }) {
  return (
    <figure
      className="overflow-hidden rounded-lg ring-1 ring-slate-200"
      style={brandStyle(brand.primaryColor)}
      aria-label="Sign-up page preview"
      data-testid="storefront-preview"
    >
      <div className="flex items-center gap-2 bg-slate-100 px-3 py-2 text-xs text-slate-500">
        <span className="size-2.5 rounded-full bg-slate-300" />
        <span className="truncate font-mono">/r/{slug || "your-slug"}/sign-up</span>
      </div>
      <div className="space-y-4 p-5" style={{ backgroundColor: `${brand.primaryColor}0d` }}>
        <StorefrontHeader brand={brand} />
        <div inert aria-hidden className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <p className="mb-4 text-base font-semibold text-slate-900">
            Create your {brand.brandName || "brand"} account
          </p>
          <SignUpForm allowReseller={false} submitLabel="Sign up" accentColor={brand.primaryColor} onSubmit={noop} />
        </div>
        {brand.supportEmail && <p className="text-center text-xs text-slate-500">Need help? {brand.supportEmail}</p>}
      </div>
    </figure>
  );
}

const noop = async () => {};
