// S8: CheckIncomingEmail's reason codes, as the SDK numbers them (SDK-CIE).
export const REASON = {
  unknown: -1, duplicate: 0, noCorrelationMatch: 1, correlationMatch: 2, noRecipientMatch: 3,
  internalEmailReject: 4, senderMatch: 5, acceptAll: 6, invalidSender: 7,
} as const;
export type ReasonCode = (typeof REASON)[keyof typeof REASON];
