/** Kafka topics and the stream categories they carry (docs/architecture.md, "Events"). */
export const TOPICS = {
  directives: 'monitoring.directives.v1',
  progress: 'monitoring.progress.v1',
  registry: 'monitoring.registry.v1',
} as const;

export const STREAM_PREFIX = {
  directive: 'directive-',
  assignment: 'assignment-',
  registry: 'registry-',
  /** A directive import's draft (docs/import.md): task-assignment's own, never published. */
  directiveImport: 'directive-import-',
} as const;

/** The one registry stream of a deployment. */
export const REGISTRY_STREAM = 'registry-agencies';

export const directiveStreamId = (directiveId: string) => `${STREAM_PREFIX.directive}${directiveId}`;
export const assignmentStreamId = (assignmentId: string) => `${STREAM_PREFIX.assignment}${assignmentId}`;

export const directiveImportStreamId = (draftId: string) => `${STREAM_PREFIX.directiveImport}${draftId}`;

/** Whether a stream's events go to the bus: all but the import drafts', whose source texts may be larger than a Kafka message. */
export const isPublishedStream = (streamId: string): boolean => !streamId.startsWith(STREAM_PREFIX.directiveImport);

/** Whether a stream is a directive's own (`directive-<id>`, not a `directive-import-<id>` draft). */
export const isDirectiveStream = (streamId: string): boolean => streamId.startsWith(STREAM_PREFIX.directive) && isPublishedStream(streamId);

export function topicForStream(streamId: string): string {
  if (streamId.startsWith(STREAM_PREFIX.assignment)) return TOPICS.progress;
  if (streamId.startsWith(STREAM_PREFIX.registry)) return TOPICS.registry;
  return TOPICS.directives;
}
