// Whether testcontainers finds a container runtime (Docker, Podman, ...). Where none exists (these machines:
// getContainerRuntimeClient() rejects in a few ms) container tests are skipped with the reason. MAILFLOW_REQUIRE_PEERS
// does not apply: only the Debian-package peers are required.
import { getContainerRuntimeClient } from 'testcontainers';

/** null when a runtime answers, else why not. */
export async function noContainerRuntime(): Promise<string | null> {
  try {
    await getContainerRuntimeClient();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
