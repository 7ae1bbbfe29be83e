// The name the manifest (package.json) and the code must agree on for the analysis status.
export const SHOW_ANALYSIS_STATUS_COMMAND = 'credal.showAnalysisStatus';
