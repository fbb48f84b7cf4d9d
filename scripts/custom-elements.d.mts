/** Writes custom-elements.json into `outdir` (relative to the repository root; the root by default) and returns its path. */
export function generateManifest(outdir?: string): string;
