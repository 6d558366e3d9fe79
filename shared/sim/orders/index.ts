// One handler per order type, and the one place that maps an order type to its handler.
import type { OrderType } from "../../scenario/vocab.ts";
import { apprehend, arrest } from "./apprehend.ts";
import { identityCheck, search } from "./checks.ts";
import type { OrderHandler } from "./common.ts";
import { cordon, patrol } from "./cordon.ts";
import { intervene } from "./intervene.ts";
import { move } from "./move.ts";
import { negotiate } from "./negotiate.ts";
import { disarm, present, withdraw } from "./present.ts";
import { pursue, surveil } from "./pursue.ts";
import { hold, stop } from "./stop.ts";
import { useForce } from "./use-force.ts";

export const ORDERS: Record<OrderType, OrderHandler> = {
  move, pursue, stop, hold, apprehend, arrest, identity_check: identityCheck, search, cordon, patrol,
  surveil, negotiate, intervene, use_force: useForce, present_to_local_authority: present, withdraw,
  disarm,
};
