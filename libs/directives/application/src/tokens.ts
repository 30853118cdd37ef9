export const TA_EVENT_STORE = Symbol('task-assignment EventStore');
export const TA_REGISTRY = Symbol('task-assignment RegistryProjection');
export const TA_ACTIVITY = Symbol('task-assignment AssignmentActivity');
