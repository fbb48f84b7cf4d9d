"""Exports a wav2vec2-base-sized network with RANDOM weights to ONNX, for timing only.

Shape of facebook/wav2vec2-base as browser speech-emotion demos ship it (about 95 M parameters):
7-layer convolutional feature encoder over raw 16 kHz audio (512 channels), feature projection to
768, convolutional relative position embedding, 12 transformer layers (768 wide, 12 heads, 3072 FFN),
mean pooling and an 8-way emotion head. The weights are random: its outputs mean nothing, its
inference time is what a peer-sized model costs.

usage: /usr/bin/python3 export_wav2vec2_sized.py OUT.onnx
"""
import sys

import torch
from torch import nn


class EncoderLayer(nn.Module):
    """Post-norm transformer layer written out with plain ops, so the ONNX export is the plain graph."""

    def __init__(self, width=768, heads=12, ffn=3072):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(width, 3 * width)
        self.out = nn.Linear(width, width)
        self.norm1 = nn.LayerNorm(width)
        self.ffn = nn.Sequential(nn.Linear(width, ffn), nn.GELU(), nn.Linear(ffn, width))
        self.norm2 = nn.LayerNorm(width)

    def forward(self, x):
        batch, steps, width = x.shape
        q, k, v = self.qkv(x).reshape(batch, steps, 3, self.heads, width // self.heads).permute(2, 0, 3, 1, 4)
        attention = torch.softmax(q @ k.transpose(-1, -2) / (width // self.heads) ** 0.5, dim=-1)
        context = (attention @ v).transpose(1, 2).reshape(batch, steps, width)
        x = self.norm1(x + self.out(context))
        return self.norm2(x + self.ffn(x))


class Wav2Vec2Sized(nn.Module):
    def __init__(self, labels=8):
        super().__init__()
        layers, channels = [], 1
        for index, (kernel, stride) in enumerate([(10, 5), (3, 2), (3, 2), (3, 2), (3, 2), (2, 2), (2, 2)]):
            layers.append(nn.Conv1d(channels, 512, kernel, stride, bias=False))
            if index == 0:
                layers.append(nn.GroupNorm(512, 512))
            layers.append(nn.GELU())
            channels = 512
        self.features = nn.Sequential(*layers)
        self.projection = nn.Sequential(nn.LayerNorm(512), nn.Linear(512, 768))
        self.position = nn.Conv1d(768, 768, 128, padding=64, groups=16)
        self.layers = nn.ModuleList([EncoderLayer() for _ in range(12)])
        self.head = nn.Linear(768, labels)

    def forward(self, audio):
        x = self.projection(self.features(audio.unsqueeze(1)).transpose(1, 2))
        position = nn.functional.gelu(self.position(x.transpose(1, 2))[:, :, :-1]).transpose(1, 2)
        x = x + position
        for layer in self.layers:
            x = layer(x)
        return torch.softmax(self.head(x.mean(dim=1)), dim=-1)


def main(out):
    torch.manual_seed(0)
    model = Wav2Vec2Sized().eval()
    parameters = sum(p.numel() for p in model.parameters())
    with torch.no_grad():
        torch.onnx.export(model, torch.zeros(1, 32000), out, input_names=['audio'], output_names=['probabilities'],
                          dynamic_axes={'audio': {1: 'samples'}}, opset_version=14)
    print(parameters)


if __name__ == '__main__':
    main(sys.argv[1])
