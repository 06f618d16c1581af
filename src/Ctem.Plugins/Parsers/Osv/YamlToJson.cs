using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers.Osv;

/// <summary>
/// Turns a YAML document into the equivalent JSON, every scalar as a string (OSV YAML as PyPA publishes it, loaded
/// without type or timestamp resolution). Aliases would let a tiny file expand exponentially, so the output is
/// bounded by a node budget and a nesting depth.
/// </summary>
internal static class YamlToJson
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 1_000_000;

    /// <summary>The JSON bytes, or an error with its "line:column".</summary>
    public static (byte[]? Json, string? Error, string? Location) Convert(ReadOnlySpan<byte> yaml)
    {
        var (root, error, location) = YamlSingleDocument.Load(Encoding.UTF8.GetString(yaml));
        if (root is null)
        {
            return (null, error, location);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var budget = MaxNodes;
            if (!Write(writer, root, 0, ref budget))
            {
                return (null, $"the YAML expands past {MaxNodes} nodes or {MaxDepth} levels (alias bomb?); refused", null);
            }
        }

        return (buffer.ToArray(), null, null);
    }

    private static bool Write(Utf8JsonWriter writer, YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > MaxDepth)
        {
            return false;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : key.ToString());
                    if (!Write(writer, value, depth + 1, ref budget))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    if (!Write(writer, item, depth + 1, ref budget))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            case YamlScalarNode { Value: null } or YamlScalarNode { Value: "~" or "null", Style: ScalarStyle.Plain }:
                writer.WriteNullValue();
                return true;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                return true;
            default:
                return false;
        }
    }
}
