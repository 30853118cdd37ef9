export const PE_EVENT_STORE = Symbol('progress-events EventStore');
export const PE_VIEW = Symbol('progress-events AssignmentView');
export const PE_ATTACHMENTS = Symbol('progress-events AttachmentStore');
