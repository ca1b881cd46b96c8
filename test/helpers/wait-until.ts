// Tests against real programs wait for something to become true (a log line, a delivery, the model's clock), with
// a deadline long enough for a loaded CI machine and an error that says what never happened.
export async function waitUntil(what: string, test: () => boolean, timeoutMs = 30_000, pollMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
