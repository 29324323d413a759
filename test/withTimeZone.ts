// Runs test code under another host time zone (Node re-reads TZ when it is assigned).

/** Runs `body` with TZ set to `zone`, then restores it; false if the runtime cannot switch. */
export function withTZ(zone: string, body: () => void): boolean {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    if (new Date(Date.UTC(2023, 0, 1)).getTimezoneOffset() === 0) return false;
    body();
    return true;
  } finally {
    process.env.TZ = saved;
  }
}
