/** Problems found in dist/ (missing exports targets, bin, referenced assets); empty when complete. */
export function verifyDist(): Promise<string[]>;
/** Relative `new URL('…', import.meta.url)` string literals in built JavaScript. */
export function referencedUrls(code: string): string[];
