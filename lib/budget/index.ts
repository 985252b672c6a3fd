export { FAIL_SAFE_SHARE } from "@/lib/budget/fail-safe";
export { checkMessageLimit, type MessageCheck } from "@/lib/budget/message-limit";
export { budgetLevel, type BudgetLevel } from "@/lib/budget/near-budget";
export {
  defaultPolicy,
  failSafePolicy,
  resolvePolicy,
  type EffectivePolicy,
  type PolicyLayers,
  type PolicyRow,
} from "@/lib/budget/policy";
export {
  peekBudget,
  reconcileTokens,
  reserveTokens,
  type TokenBudgetArgs,
  type TokenReservation,
} from "@/lib/budget/token-budget";
export { checkTopUp, topUpAllowance, withCredit, type TopUpCheck, type TopUpCredit } from "@/lib/budget/top-up-math";
export { grantTopUp, readTopUp, revokeTopUp, type TopUpGrant } from "@/lib/budget/top-up";
