// Which verb ends a lasting fault: the report's timeline draws each as a band from the fault to its end, and the demo
// greys out what a `down` or `crash` takes out of service until then. One table, so the two agree on when a server is
// back (a `down` ended by Setup /m:RecoverServer was drawn down to the end of the run in the demo).

/** Faults that last until their end verb on the same target (first listed end wins). */
export const FAULT_ENDS: Readonly<Record<string, readonly string[]>> = {
  // Setup /m:RecoverServer starts the server again on new hardware (X4).
  down: ['up', 'restart', 'recoverServer'],
  crash: ['restart', 'up', 'recoverServer'],
  failover: ['up'],
  partition: ['heal'],
  stopInbound: ['startInbound'],
  dismount: ['mount'],
  smtpFault: ['clearSmtpFault'],
  crmApiFault: ['clearCrmApiFault'],
  goOffline: ['goOnline'],
  failActivityCreation: ['clearActivityCreationFailure'],
  denyMailboxAccess: ['grantMailboxAccess'],
};
