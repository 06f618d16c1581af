using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Engine.Graph;
using Ctem.Engine.Scoping;
using Xunit;

namespace Ctem.Engine.Tests.Graph;

/// <summary>Hand-built topologies: a scope file's text, findings made to measure, and the graph built from them.</summary>
internal static class GraphSamples
{
    public const string NetworkVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    public const string LocalVector = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H";

    private static readonly DateTimeOffset Seen = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static StoredFinding Network(long id, string? vector = NetworkVector) => Finding(id, $"CVE-2026-{id}", vector, ["trivy"]);

    public static StoredFinding Local(long id) => Finding(id, $"CVE-2026-{id}", LocalVector, ["trivy"]);

    /// <summary>A finding a dynamic scanner saw on the running system, without a CVSS vector.</summary>
    public static StoredFinding Validated(long id) => Finding(id, $"nuclei:template-{id}", null, ["nuclei"]);

    /// <summary>A finding a scanner reported on an endpoint or URL (<paramref name="asset"/> as the asset key), validated by the tool.</summary>
    public static StoredFinding At(long id, string asset, string tool = "nuclei", string severity = "high") =>
        new(id, "shop", asset, null, asset, null, new VulnerabilityRef($"{tool}:rule-{id}", [], null, severity, []), [], FindingStatus.Open, Seen, Seen, [tool]);

    public static StoredFinding Secret(long id, string rule, string file) =>
        new(id, "shop", file, null, file, null, new VulnerabilityRef("secret:" + rule, [], null, "high", []) { Cwes = ["CWE-798"] }, [], FindingStatus.Open, Seen, Seen, ["trivy"])
        {
            Place = new FilePlace(null, file, 3),
        };

    public static ExposureGraph Build(string scopeYaml, IReadOnlyList<StoredFinding> findings, IReadOnlyList<InventoryAsset>? assets = null, IReadOnlyDictionary<string, Exploitation>? exploitation = null)
    {
        var scope = ScopeFile.Load("ctem.yaml", scopeYaml);
        Assert.Empty(scope.Diagnostics);
        return ExposureGraphBuilder.Build(new GraphInputs("shop", scope.Document!, assets ?? [], findings, exploitation ?? new Dictionary<string, Exploitation>()));
    }

    /// <summary>The path as one line of node names, findings as <c>#id</c>: <c>internet → #1 → shop/web → orders-db</c>.</summary>
    public static string Trail(AttackPath path) => string.Join(" → ", path.Nodes.Select(n => n.FindingId is { } id ? $"#{id}" : n.Name));

    private static StoredFinding Finding(long id, string vulnerability, string? vector, IReadOnlyList<string> sources) =>
        new(id, "shop", $"pkg:npm/lib{id}@1.0.0", "npm", $"lib{id}", "1.0.0", new VulnerabilityRef(vulnerability, [], null, "high", []) { Cvss = vector }, [], FindingStatus.Open, Seen, Seen, sources);
}
