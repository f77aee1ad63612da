/** What audit entries can be about; each feature records its own subject type. */
export const AUDIT_SUBJECT_TYPES = ["user", "team", "machine", "gpu", "gpu-model", "build", "slice", "quota", "price", "token", "waitlist"] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
