// Hand-encodes a minimal ONNX model (protobuf wire format) so tests can exercise onnxruntime-web
// without a model file: y = x + x over a float32 tensor of shape [n].

const encoder = new TextEncoder();

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

/** Field with wire type 0 (varint). */
const int = (field: number, value: number): number[] => [...varint(field << 3), ...varint(value)];
/** Field with wire type 2 (length-delimited): bytes, strings and nested messages. */
const bytes = (field: number, payload: number[] | string): number[] => {
  const body = typeof payload === 'string' ? [...encoder.encode(payload)] : payload;
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
};

function floatTensorInfo(name: string, length: number): number[] {
  const shape = bytes(2, bytes(1, int(1, length))); // TensorShapeProto.dim[0].dim_value
  const tensorType = bytes(1, [...int(1, 1), ...shape]); // TypeProto.tensor_type {elem_type FLOAT, shape}
  return [...bytes(1, name), ...bytes(2, tensorType)]; // ValueInfoProto {name, type}
}

/** ONNX bytes of a one-node graph `y = Add(x, x)` with opset 13, input `x` and output `y` of shape [length]. */
export function doublingModel(length: number): Uint8Array {
  const node = [...bytes(1, 'x'), ...bytes(1, 'x'), ...bytes(2, 'y'), ...bytes(4, 'Add')];
  const graph = [...bytes(1, node), ...bytes(2, 'double'), ...bytes(11, floatTensorInfo('x', length)), ...bytes(12, floatTensorInfo('y', length))];
  const opset = [...bytes(1, ''), ...int(2, 13)];
  return new Uint8Array([...int(1, 8), ...bytes(7, graph), ...bytes(8, opset)]);
}
