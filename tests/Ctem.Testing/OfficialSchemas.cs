using Json.Schema;
using Xunit;

namespace Ctem.Testing;

/// <summary>
/// Validates documents against the official JSON schemas in <c>../shared/vectors/schemas/</c> (CycloneDX with the SPDX
/// licence and JSF schemas it refers to, SPDX 2.3, SARIF, OSV, …). Tests using it skip visibly without ../shared.
/// </summary>
public static class OfficialSchemas
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);

    /// <summary>The schema at <c>schemas/{relativePath}</c>, with every other schema in its folder registered for its $refs.</summary>
    public static JsonSchema Get(string relativePath)
    {
        RepoPaths.RequireShared();
        lock (Gate)
        {
            if (Loaded.TryGetValue(relativePath, out var cached))
            {
                return cached;
            }

            var path = RepoPaths.SharedVectors("schemas", relativePath);
            foreach (var sibling in Directory.GetFiles(Path.GetDirectoryName(path)!, "*.json"))
            {
                var schema = JsonSchema.FromText(AsDraft7(File.ReadAllText(sibling)));
                SchemaRegistry.Global.Register(schema);
                Loaded[Path.GetRelativePath(RepoPaths.SharedVectors("schemas"), sibling)] = schema;
            }

            return Loaded[relativePath];
        }
    }

    // SARIF's schema is draft-04, which the validator does not implement. The schema uses nothing whose meaning changed
    // after draft-04 but the identifier keyword ("id", later "$id"), so it is read as draft-07 with that one rename.
    private static string AsDraft7(string text) =>
        !text.Contains("\"http://json-schema.org/draft-04/schema#\"", StringComparison.Ordinal)
            ? text
            : text.Replace("\"http://json-schema.org/draft-04/schema#\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal)
                .Replace("\n  \"id\":", "\n  \"$id\":", StringComparison.Ordinal);

    /// <summary>The schema's complaints about <paramref name="json"/>, one line each; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string relativePath, string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var result = Get(relativePath).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .Take(20)
                .ToList();
    }
}
