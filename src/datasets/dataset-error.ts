/** A problem with a corpus folder or a manifest CSV (missing column, unknown label, unreadable file); the CLI prints it as one line. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}
