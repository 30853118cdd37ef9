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
} as const;

/** The one registry stream of a deployment. */
export const REGISTRY_STREAM = 'registry-agencies';

export const directiveStreamId = (directiveId: string) => `${STREAM_PREFIX.directive}${directiveId}`;
export const assignmentStreamId = (assignmentId: string) => `${STREAM_PREFIX.assignment}${assignmentId}`;

export function topicForStream(streamId: string): string {
  if (streamId.startsWith(STREAM_PREFIX.assignment)) return TOPICS.progress;
  if (streamId.startsWith(STREAM_PREFIX.registry)) return TOPICS.registry;
  return TOPICS.directives;
}
