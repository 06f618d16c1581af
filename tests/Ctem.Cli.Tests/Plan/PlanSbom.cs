using System.IO.Compression;
using System.Text.Json.Nodes;
using Ctem.Core.Model;
using Ctem.Testing;

namespace Ctem.Cli.Tests.Plan;

/// <summary>Real SBOMs from the shared data set, and the plan applied to them: each package an action names moved to its target.</summary>
internal static class PlanSbom
{
    public static string Extract(CliFixture fixture, string zip, string entry)
    {
        RepoPaths.RequireShared();
        var path = Path.Combine(fixture.Directory, Path.GetFileName(entry));
        if (!File.Exists(path))
        {
            using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
            archive.GetEntry(entry)!.ExtractToFile(path);
        }

        return path;
    }

    /// <summary>
    /// Rewrites every purl (CycloneDX <c>purl</c>, SPDX purl <c>externalRefs</c>) whose package and version an action
    /// names to the action's target, with the version field beside it; returns how many packages were moved.
    /// </summary>
    public static int Apply(string path, IReadOnlyList<PlannedAction> actions)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var moved = 0;
        foreach (var node in Objects(document))
        {
            if (node["purl"] is JsonValue purl && Target(purl.GetValue<string>(), actions) is { } cycloneDx)
            {
                node["purl"] = cycloneDx.Purl;
                node["version"] = cycloneDx.Version;
                moved++;
            }

            foreach (var reference in (node["externalRefs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)reference["referenceType"] == "purl" && Target((string)reference["referenceLocator"]!, actions) is { } spdx)
                {
                    reference["referenceLocator"] = spdx.Purl;
                    node["versionInfo"] = spdx.Version;
                    moved++;
                }
            }
        }

        File.WriteAllText(path, document.ToJsonString());
        return moved;
    }

    private static (string Purl, string Version)? Target(string text, IReadOnlyList<PlannedAction> actions)
    {
        if (PackageUrl.Parse(text) is not { Success: true } parsed || Ecosystems.FromPurl(parsed.Value) is not { } ecosystem)
        {
            return null;
        }

        var purl = parsed.Value;
        var action = actions.FirstOrDefault(a => a.Ecosystem == ecosystem && a.Name == Ecosystems.PackageNameOf(purl) && a.From.Contains(purl.Version));
        return action is null ? null : ((purl with { Version = action.To }).ToString(), action.To);
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var inner in obj.Select(p => p.Value).ToList().SelectMany(Objects))
                {
                    yield return inner;
                }

                break;
            case JsonArray array:
                foreach (var inner in array.ToList().SelectMany(Objects))
                {
                    yield return inner;
                }

                break;
        }
    }
}

/// <summary>An action of <c>ctem plan --format json</c>, as a script reads it.</summary>
internal sealed record PlannedAction(
    string Ecosystem, string Name, IReadOnlyList<string> From, string To, bool Breaking, IReadOnlyList<long> Fixes, IReadOnlyList<long> Remaining,
    IReadOnlyList<string> Products, double RiskRemoved, IReadOnlyList<string> Via)
{
    public static IReadOnlyList<PlannedAction> Read(string json) =>
        JsonNode.Parse(json)!["actions"]!.AsArray().Select(a => new PlannedAction(
            (string)a!["ecosystem"]!,
            (string)a["name"]!,
            Strings(a["from"]),
            (string)a["to"]!,
            (bool)a["breaking"]!,
            a["fixes"]!.AsArray().Select(f => (long)f!).ToList(),
            a["remaining"]!.AsArray().Select(f => (long)f!).ToList(),
            Strings(a["products"]),
            (double)a["riskRemoved"]!,
            Strings(a["via"]))).ToList();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(s => (string)s!).ToList();
}
