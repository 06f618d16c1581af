using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Core.Tests.Model;

/// <summary>Decoded purl components as the purl test suites write them, and how a parsed purl differs from them.</summary>
internal sealed record PurlComponents(
    string? Type,
    string? Namespace,
    string? Name,
    string? Version,
    IReadOnlyDictionary<string, string>? Qualifiers,
    string? Subpath)
{
    public static PurlComponents Read(JsonElement element) => new(
        Text(element, "type"),
        Text(element, "namespace"),
        Text(element, "name"),
        Text(element, "version"),
        ReadQualifiers(element),
        Text(element, "subpath"));

    public ParseResult<PackageUrl> Build() => PackageUrl.Create(Type, Namespace, Name, Version, Qualifiers, Subpath);

    /// <summary>The differences from <paramref name="purl"/>, empty when every component matches.</summary>
    public IEnumerable<string> Differences(PackageUrl purl)
    {
        var actual = new PurlComponents(purl.Type, purl.Namespace, purl.Name, purl.Version, purl.Qualifiers, purl.Subpath);
        var fields = new (string Field, string? Expected, string? Actual)[]
        {
            ("type", Type, actual.Type),
            ("namespace", Namespace, actual.Namespace),
            ("name", Name, actual.Name),
            ("version", Version, actual.Version),
            ("qualifiers", Describe(Qualifiers), Describe(actual.Qualifiers)),
            ("subpath", Subpath, actual.Subpath),
        };
        return fields
            .Where(f => !string.Equals(f.Expected, f.Actual, StringComparison.Ordinal))
            .Select(f => $"{f.Field} '{f.Actual}', expected '{f.Expected}'");
    }

    /// <summary>No qualifiers and an empty set are the same; order never matters.</summary>
    private static string? Describe(IReadOnlyDictionary<string, string>? qualifiers) =>
        qualifiers is null || qualifiers.Count == 0
            ? null
            : string.Join('&', qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"));

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string>? ReadQualifiers(JsonElement element)
    {
        if (!element.TryGetProperty("qualifiers", out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
