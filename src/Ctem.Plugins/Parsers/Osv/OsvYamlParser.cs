using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Parsers.Osv;

/// <summary>Reads one OSV record written in YAML (the PyPA advisory database's native form).</summary>
public sealed class OsvYamlParser : IAdvisoryParser
{
    private readonly OsvJsonParser _json = new();

    public string Name => "osv/yaml";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public AdvisoryResult Parse(string path, ReadOnlySpan<byte> content)
    {
        var (json, error, location) = YamlToJson.Convert(content);
        return json is null
            ? AdvisoryResult.Rejected(Diagnostic.Error(DiagnosticCodes.NotOsv, path, error!, location))
            : _json.Parse(path, json);
    }
}
