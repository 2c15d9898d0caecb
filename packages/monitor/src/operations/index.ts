export * from './automatic-response.ts';
export * from './leak-detector.ts';
export * from './response-policy.ts';
export * from './suggestion.ts';
export * from './suggestion-rules.ts';
export * from './suggestion-thresholds.ts';
export * from './trend.ts';
