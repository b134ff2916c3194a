import type { Db } from "@/db";
import { signUp } from "@/server/accounts/sign-up";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { recordEvents } from "@/server/events/record-events";
import { getStorefront } from "@/server/white-label/get-storefront";
import { buildSignupEventData } from "./build-signup-event";
import type { StorefrontSignUpData } from "./schemas";
import { handOff } from "@/server/delivery/hand-off";

/**
 * A visitor signs up on a reseller's storefront: a customer account is created under the
 * reseller and, in the same transaction, a `user.signup` event for the reseller's Signup Webhook
 * (so neither exists without the other). The webhook itself is sent afterwards by the runner:
 * a slow or down endpoint never delays or fails the signup.
 */
export async function signUpOnStorefront(
  { db, runner }: { db: Db; runner: DeliveryRunner },
  input: StorefrontSignUpData,
) {
  const store = await getStorefront({ db }, { slug: input.slug });
  const { slug: _slug, ...profile } = input;
  const user = await signUp(
    { db },
    { ...profile, accountType: "customer" },
    {
      resellerId: store.resellerId,
      inTransaction: (tx, created) =>
        recordEvents(tx, store.resellerId, [
          {
            type: "user.signup",
            data: buildSignupEventData({ ...profile, userId: created.userId, createdAt: created.createdAt }),
            idempotencyKey: `signup:${created.userId}`,
          },
        ]),
    },
  );
  // The deliveries are already safe in the database: a failed hand-off never fails the sign-up.
  await handOff(runner, user.extra?.deliveries ?? [], "storefront sign-up");
  return user;
}
