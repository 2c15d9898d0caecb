/**
 * The features whose use is counted (`feature.usage{feature}`): a fixed allow-list, so the tag
 * stays small whatever a client sends. Calculator actions, the flavor filters, and the presets.
 */
export const FEATURE_NAMES = [
  'calculator.selectFlavor',
  'calculator.servingSize',
  'calculator.addIn',
  'calculator.removeAddIn',
  'calculator.bodyWeight',
  'calculator.startOver',
  'calculator.loadMoreFlavors',
  'filter.search',
  'filter.category',
  'preset.serving',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Where an unknown feature name is counted. */
export const OTHER_FEATURE = 'other';

/** Whether `name` is on the allow-list. */
export function isFeatureName(name: unknown): name is FeatureName {
  return typeof name === 'string' && (FEATURE_NAMES as readonly string[]).includes(name);
}

/** The feature tag for `name`: itself when allowed, `other` otherwise. */
export function foldFeatureName(name: string): FeatureName | typeof OTHER_FEATURE {
  return isFeatureName(name) ? name : OTHER_FEATURE;
}
