export const startMarker: string;
export const endMarker: string;
/** The reference block (markers included) for a parsed custom-elements.json. */
export function referenceMarkdown(manifest: unknown): string;
/** Replaces the block between the markers of `readme` (appending it when missing). */
export function updateReadme(manifest: unknown, readme: string): void;
