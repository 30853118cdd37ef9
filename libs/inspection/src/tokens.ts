export const AUDIT_TRAIL = Symbol('inspection AuditTrail');
