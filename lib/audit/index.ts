// The audit's public surface: import from '@/lib/audit', not from its files.
export { runAudit, RULES, type AuditOptions, type AuditResult } from './run-audit';
export { AUDIT_THRESHOLDS, type AuditThresholds, type ContactThreshold } from './thresholds';
export {
  RULE_IDS,
  RULE_WHY,
  SEVERITIES,
  type AuditContext,
  type Finding,
  type Promotion,
  type Rule,
  type RuleId,
  type Severity,
  type TrackingCheck,
} from './types';
