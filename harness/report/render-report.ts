// `mailflow run --report FILE`: a run's outcome into the report's HTML (without a final newline: writers add it).
import { reportData, type ReportInput } from './report-data.js';
import { reportHtml } from './report-page.js';

export type { ReportInput } from './report-data.js';
export { FAULT_RECORD_KINDS, recordFaults } from './applied-faults.js';
export type { FaultRecorder } from './applied-faults.js';

export function renderReport(input: ReportInput): string {
  return reportHtml(reportData(input)).trimEnd();
}
