export { canonicalLabels, canonicalLabel, labelSynonyms, isCanonicalLabel, type CanonicalLabel } from './labels.ts';
export { parseCsv, formatCsv, csvField } from './csv.ts';
export { readManifestCsv, parseManifestCsv, type ManifestEntry } from './manifest-csv.ts';
export { fileNameSchemes, type CorpusKind, type FileNameScheme, type ParsedClip } from './file-name-schemes.ts';
export { importCorpus, importGenericCsv, type ManifestRow, type GenericCsvColumns } from './importers.ts';
export { DatasetError } from './dataset-error.ts';
export { corpusLabelSets, arousalOnlyCorpora } from './corpus-label-sets.ts';
export { emoSpeechUnknownUser } from './repository-schemes.ts';
