/**
 * A process's main: starts what `start` returns, closes it on SIGTERM or
 * SIGINT, and exits 1 with the message alone when starting fails (a bad
 * setting names itself there).
 */
export function runMain(start: () => Promise<{ close(): Promise<void> }>): void {
  start()
    .then((running) => {
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    })
    .catch((error) => {
      console.error(error instanceof Error ? (process.env.DEBUG_STACK ? error.stack : error.message) : error);
      process.exit(1);
    });
}
