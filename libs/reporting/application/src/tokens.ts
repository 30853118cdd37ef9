export const RP_QUERIES = Symbol('report-projection ReportQueries');
export const RP_READ_CONSISTENCY = Symbol('report-projection ReadConsistency');
export const RP_PROJECTOR = Symbol('report-projection ReportProjector');
export const RP_BUS = Symbol('report-projection MessageBus');
