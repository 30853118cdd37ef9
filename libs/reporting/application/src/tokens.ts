export const RP_READ_MODELS = Symbol('report-projection ReadModels');
export const RP_READ_CONSISTENCY = Symbol('report-projection ReadConsistency');
