// The files a router install keeps and the migration wizard reads, one directory per router (domain.md, correction 1).
export const EMAIL_AGENT_FILE = 'Microsoft.Crm.Tools.EmailAgent.xml';
export const SYSTEM_STATE_FILE = 'Microsoft.Crm.Tools.EmailAgent.SystemState.xml';
export const ENCRYPTION_KEY_FILE = 'EncryptionKey.xml';
export const ROUTER_FILES: readonly string[] = [EMAIL_AGENT_FILE, SYSTEM_STATE_FILE, ENCRYPTION_KEY_FILE];
