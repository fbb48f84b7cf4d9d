"""Writes <out>/model.onnx, <out>/manifest.json (emovox-model@1) and <out>/training.json."""
import hashlib
import json
import os

from . import data as D

LICENCE = 'CC BY-NC-SA 4.0'
# Terms beyond the licence that a training corpus adds (models/README.md lists every corpus).
EXTRA_TERMS = {'koreantts': 'research use only (Korean emotional TTS corpus)'}
DATA_ARGS = {'ravdess': '../shared/datasets/ravdess', 'nemo': '../shared/datasets/nemo',
             'koreantts': 'koreantts=training/work/corpora/koreantts/audio', 'ased': 'ased=training/work/corpora/ased/audio'}


def _manifest(ctx, args, family, onnx_bytes, features, onnx_spec, record):
    corpora = args.corpora.split(',')
    heldout = [s for s in args.heldout.split(',') if s]
    speakers = sorted({ctx.speakers[i] for i in ctx.train_idx})
    return {
        'format': 'emovox-model@1',
        'name': args.name,
        'version': '1.0.0',
        'labels': ctx.labels,
        'model': {'file': 'model.onnx', 'sha256': hashlib.sha256(onnx_bytes).hexdigest(), 'bytes': len(onnx_bytes)},
        'features': features,
        'onnx': onnx_spec,
        'training': {
            'data': args.data_description or f"{', '.join(corpora)}: {len(ctx.train_idx)} clips, {len(speakers)} speakers"
                    + (f" (held out: {', '.join(heldout)})" if heldout else ''),
            'licence': '; '.join([LICENCE] + [EXTRA_TERMS[c] for c in corpora if c in EXTRA_TERMS]), 'commercialUse': False,
            'command': 'npm run train -- ' + ' '.join(f"--data {DATA_ARGS.get(c, c)}" for c in corpora),
            'family': family, 'hyperParameters': record.get('chosen', {}), 'clips': len(ctx.train_idx),
            'augmentation': 'per clip one of: clean, aug1, aug2 (speed 0.9/1.1, Schroeder reverb, white/pink/brown/babble noise at 0-20 dB SNR, gain -12..+6 dB)',
        },
        'metrics': {},
    }


def write_model(ctx, args, family, model, prep, record):
    path = os.path.join(args.out, 'model.onnx')
    config = ctx.clean.index['config']
    trim = ctx.clean.index['trimDb']
    if family in ('svm', 'mlp'):
        if family == 'svm':
            model.export_onnx(path)
        else:
            from . import mlp
            mlp.export_onnx(model, len(prep['smean']), path)
            record['parameters'] = sum(p.numel() for p in model.parameters())
        width = len(prep['smean'])
        features = {'config': config, 'input': 'statistics', 'blocks': D.STAT_BLOCKS,
                    'normalization': {'mean': prep['smean'].tolist(), 'std': prep['sstd'].tolist()},
                    'minFrames': 1, 'maxFrames': 100000, 'trimDb': trim}
        blocks = D.STAT_BLOCKS
        onnx_spec = {'inputName': 'statistics', 'outputName': 'logits', 'output': 'logits', 'inputShape': [1, width]}
    else:
        from . import nets
        width = len(prep['cols'])
        nets.export_onnx(model, width, path)
        blocks = prep['blocks']
        features = {'config': config, 'input': 'frames', 'blocks': blocks,
                    'normalization': {'mean': prep['mean'].tolist(), 'std': prep['std'].tolist()},
                    'minFrames': 16, 'maxFrames': 600, 'trimDb': trim}
        onnx_spec = {'inputName': 'features', 'outputName': 'logits', 'output': 'logits', 'inputShape': [1, 'frames', width]}
        record['parameters'] = nets.count_parameters(model)
    if record.get('temperature', 1.0) != 1.0:
        onnx_spec['temperature'] = record['temperature']
    adapter = prep['adapter']
    features['adaptation'] = {'kind': 'speaker-running-stats', 'blocks': blocks, 'mean': adapter.mean.tolist(),
                              'std': adapter.std.tolist(), 'priorFrames': adapter.prior}
    with open(path, 'rb') as f:
        onnx_bytes = f.read()
    manifest = _manifest(ctx, args, family, onnx_bytes, features, onnx_spec, record)
    with open(os.path.join(args.out, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    with open(os.path.join(args.out, 'training.json'), 'w') as f:
        json.dump(record, f, indent=1)
