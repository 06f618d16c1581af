using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ctem.Plugins.Parsers.Osv;

// Lenient DTOs for the OSV schema (https://ossf.github.io/osv-schema/); only what Ctem uses is declared.
internal sealed class OsvRecord
{
    public string? Id { get; set; }

    public string? Modified { get; set; }

    public string? Published { get; set; }

    public string? Withdrawn { get; set; }

    public string? Summary { get; set; }

    public string? Details { get; set; }

    public List<string>? Aliases { get; set; }

    public List<string>? Related { get; set; }

    public List<OsvSeverity>? Severity { get; set; }

    public List<OsvAffected>? Affected { get; set; }

    public List<OsvReference>? References { get; set; }

    [JsonPropertyName("database_specific")]
    public JsonElement DatabaseSpecific { get; set; }
}

internal sealed class OsvReference
{
    public string? Type { get; set; }

    public string? Url { get; set; }
}

internal sealed class OsvSeverity
{
    public string? Type { get; set; }

    public string? Score { get; set; }
}

internal sealed class OsvAffected
{
    public OsvPackage? Package { get; set; }

    public List<OsvRange>? Ranges { get; set; }

    public List<string>? Versions { get; set; }
}

internal sealed class OsvPackage
{
    public string? Ecosystem { get; set; }

    public string? Name { get; set; }

    public string? Purl { get; set; }
}

internal sealed class OsvRange
{
    public string? Type { get; set; }

    public string? Repo { get; set; }

    public List<OsvEvent>? Events { get; set; }
}

internal sealed class OsvEvent
{
    public string? Introduced { get; set; }

    public string? Fixed { get; set; }

    [JsonPropertyName("last_affected")]
    public string? LastAffected { get; set; }

    public string? Limit { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(OsvRecord))]
internal sealed partial class OsvJsonContext : JsonSerializerContext;
