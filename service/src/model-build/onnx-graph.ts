/**
 * A small builder for ONNX graphs on top of the `onnx-proto` protobuf classes.
 * Output is deterministic: the same calls in the same order give the same bytes.
 */
import onnxProto from "onnx-proto";
import type { onnx as Proto } from "onnx-proto";

// onnx-proto is CommonJS; its namespace arrives as the default export under ESM.
const { onnx } = onnxProto;

type AttrValue = number | number[] | string;

export class OnnxGraphBuilder {
  private readonly nodes: Proto.INodeProto[] = [];
  private readonly initializers: Proto.ITensorProto[] = [];
  private counter = 0;

  /** Adds a float32 constant tensor and returns its name. */
  constant(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: toBytes(data) });
    return name;
  }

  /** Adds an int64 constant tensor (used for shapes and pads) and returns its name. */
  int64Constant(name: string, values: number[]): string {
    const raw = Buffer.alloc(values.length * 8);
    values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: raw });
    return name;
  }

  scalar(name: string, value: number): string {
    this.initializers.push({ name, dims: [], dataType: onnx.TensorProto.DataType.FLOAT, rawData: toBytes(new Float32Array([value])) });
    return name;
  }

  /** Adds a node and returns the name of its (single) output. */
  node(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, output?: string): string {
    const out = output ?? `${opType.toLowerCase()}_${this.counter++}`;
    this.nodes.push({
      opType,
      input: inputs,
      output: [out],
      name: `${out}_node`,
      attribute: Object.entries(attrs).map(([key, value]) => attribute(key, value)),
    });
    return out;
  }

  /** Serialises the graph with one input `[batch, ...inputDims]` (float, or int64 token ids) and one float output. */
  encode(opts: {
    input: string;
    inputDims: number[];
    output: string;
    outputDims: number[];
    docString: string;
    inputType?: "float" | "int64";
  }): Uint8Array {
    const T = onnx.TensorProto.DataType;
    const valueInfo = (name: string, dims: number[], elemType: number = T.FLOAT): Proto.IValueInfoProto => ({
      name,
      type: {
        tensorType: {
          elemType,
          shape: { dim: [{ dimParam: "batch" }, ...dims.map((d) => ({ dimValue: d }))] },
        },
      },
    });
    const model = onnx.ModelProto.create({
      irVersion: 7,
      opsetImport: [{ domain: "", version: 13 }],
      producerName: "kalas-iris",
      docString: opts.docString,
      graph: {
        name: "encoder",
        node: this.nodes,
        initializer: this.initializers,
        input: [valueInfo(opts.input, opts.inputDims, opts.inputType === "int64" ? T.INT64 : T.FLOAT)],
        output: [valueInfo(opts.output, opts.outputDims)],
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function toBytes(data: Float32Array): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

function attribute(name: string, value: AttrValue): Proto.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === "string") return { name, type: T.STRING, s: Buffer.from(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if (Number.isInteger(value)) return { name, type: T.INT, i: value };
  return { name, type: T.FLOAT, f: value };
}
