using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Testing;

/// <summary>
/// A test-only VEX format: a <see cref="VexDocument"/> as JSON with <c>"testVex": 1</c>. The real formats are plugins of
/// their own; this one lets the Validation stage be tested with statements built in code, through the same reader seam.
/// </summary>
public sealed class TestVexReader : IVexReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "testvex/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => Encoding.UTF8.GetString(head).Contains("\"testVex\"", StringComparison.Ordinal);

    public VexReadResult Read(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            var file = JsonSerializer.Deserialize<TestVexFile>(content, Options);
            if (file is not { TestVex: 1, Document: { } document })
            {
                return VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"testVex version {file?.TestVex} is not supported (1 is)"));
            }

            return VexReadResult.Ok(document);
        }
        catch (JsonException e)
        {
            return VexReadResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, path, e.Message));
        }
    }

    /// <summary>The file text of a document, for tests to write.</summary>
    public static string Text(VexDocument document, int version = 1) => JsonSerializer.Serialize(new TestVexFile(version, document), Options);

    /// <summary>A one-statement document.</summary>
    public static VexDocument Document(DateTimeOffset at, params VexStatement[] statements) => new("testvex", "urn:test:vex", "Vendor PSIRT", at, statements);

    private sealed record TestVexFile(int TestVex, VexDocument? Document);
}

/// <summary>A test-only writer: the export as JSON, so exports can be compared byte for byte.</summary>
public sealed class TestVexWriter : IVexWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public string Name => "testvex/json";

    public int Version => 1;

    public string Format => "openvex";

    public void Write(VexExport export, Stream output) => JsonSerializer.Serialize(output, export, Options);
}
