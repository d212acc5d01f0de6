using Google.Protobuf;

namespace Conversational.Knowledge.Tests.Embeddings.Onnx;

/// <summary>
/// Writes a tiny ONNX encoder (no weights can be downloaded here): <c>last_hidden_state = Gather(tokens, input_ids)</c>,
/// plus <c>Gather(types, token_type_ids)</c> when the model takes token types, with tables the test chooses, so the
/// pooled vector can be computed independently. The protobuf is written field by field (onnx.proto3 numbers) with
/// Google.Protobuf's <see cref="CodedOutputStream"/>; <c>attention_mask</c>, when declared, is an input the graph ignores,
/// as padding must then be handled by the pooling.
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;

    /// <param name="tokens">Row i is token id i's vector.</param>
    /// <param name="types">Row i is token type i's vector; null: the model takes no token types.</param>
    /// <param name="withMask">Whether the model declares attention_mask.</param>
    /// <param name="idType">Element type of the id inputs: 7 (int64) or 6 (int32).</param>
    public static byte[] Write(float[][] tokens, float[][]? types, bool withMask, int idType = Int64)
    {
        var hidden = tokens[0].Length;
        return Message(model =>
        {
            model.Int(1, 8); // ir_version
            model.Str(2, "conversational-tests"); // producer_name
            model.Msg(7, graph =>
            {
                graph.Msg(1, node => // NodeProto: Gather(data, indices)
                {
                    node.Str(1, "token_table");
                    node.Str(1, "input_ids");
                    node.Str(2, types is null ? "last_hidden_state" : "token_vectors");
                    node.Str(4, "Gather");
                });
                if (types is not null)
                {
                    graph.Msg(1, node =>
                    {
                        node.Str(1, "type_table");
                        node.Str(1, "token_type_ids");
                        node.Str(2, "type_vectors");
                        node.Str(4, "Gather");
                    });
                    graph.Msg(1, node =>
                    {
                        node.Str(1, "token_vectors");
                        node.Str(1, "type_vectors");
                        node.Str(2, "last_hidden_state");
                        node.Str(4, "Add");
                    });
                }

                graph.Str(2, "tiny_encoder");
                graph.Msg(5, tensor => Table(tensor, "token_table", tokens));
                if (types is not null)
                {
                    graph.Msg(5, tensor => Table(tensor, "type_table", types));
                }

                graph.Msg(11, input => ValueInfo(input, "input_ids", idType, "batch", "sequence"));
                if (withMask)
                {
                    graph.Msg(11, input => ValueInfo(input, "attention_mask", idType, "batch", "sequence"));
                }

                if (types is not null)
                {
                    graph.Msg(11, input => ValueInfo(input, "token_type_ids", idType, "batch", "sequence"));
                }

                graph.Msg(12, output => ValueInfo(output, "last_hidden_state", Float, "batch", "sequence", hidden));
            });
            model.Msg(8, opset => opset.Int(2, 13)); // opset_import: default domain, version 13
        });
    }

    private static void Table(Writer tensor, string name, float[][] rows)
    {
        tensor.Int(1, rows.Length); // dims
        tensor.Int(1, rows[0].Length);
        tensor.Int(2, Float); // data_type
        tensor.Str(8, name);
        tensor.Bytes(9, rows.SelectMany(row => row).SelectMany(BitConverter.GetBytes).ToArray()); // raw_data, little-endian
    }

    /// <summary>ValueInfoProto { name, type: TypeProto { tensor_type { elem_type, shape { dim… } } } }; a string dim is symbolic.</summary>
    private static void ValueInfo(Writer info, string name, int elementType, params object[] dims)
    {
        info.Str(1, name);
        info.Msg(2, type => type.Msg(1, tensor =>
        {
            tensor.Int(1, elementType);
            tensor.Msg(2, shape =>
            {
                foreach (var dim in dims)
                {
                    shape.Msg(1, d =>
                    {
                        if (dim is string symbol)
                        {
                            d.Str(2, symbol);
                        }
                        else
                        {
                            d.Int(1, (int)dim);
                        }
                    });
                }
            });
        }));
    }

    private static byte[] Message(Action<Writer> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(new Writer(output));
        }

        return stream.ToArray();
    }

    private sealed class Writer(CodedOutputStream output)
    {
        public void Int(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }

        public void Str(int field, string value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }

        public void Bytes(int field, byte[] value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value));
        }

        public void Msg(int field, Action<Writer> write) => Bytes(field, Message(write));
    }
}
