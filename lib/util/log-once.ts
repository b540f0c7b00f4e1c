export type Log = (message: string) => void;

/** Logs each kind of problem the first time only, so a misbehaving sender cannot flood the console. */
export function createLogOnce(log: Log): (kind: string, message: string) => void {
  const seen = new Set<string>();
  return (kind, message) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    log(message);
  };
}
