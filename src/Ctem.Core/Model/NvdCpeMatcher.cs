using System.Globalization;
using System.Text.Json;
using Ctem.Core.Versioning;

namespace Ctem.Core.Model;

/// <summary>
/// Why a CVE's NVD configurations hold for an observed product: the vulnerable criterion that matched, the range it
/// matched in (<c>&lt; 9.3</c>, <c>= 9.3 p1</c>, <c>any version</c>), and the platform criteria the configuration also
/// requires (its other AND nodes), which a fingerprint cannot confirm.
/// </summary>
public sealed record NvdCpeMatch(string Criteria, string Range, IReadOnlyList<string> UnverifiedPlatforms);

/// <summary>
/// Decides whether a product seen by its CPE name (from a banner or header: <c>cpe:2.3:a:openbsd:openssh:8.2:p1:…</c>)
/// is vulnerable under a CVE's NVD configurations, in either shape <see cref="NvdConfigurations"/> reads. Supported:
/// <list type="bullet">
/// <item>criteria with <c>versionStartIncluding</c>, <c>versionStartExcluding</c>, <c>versionEndIncluding</c>,
/// <c>versionEndExcluding</c> (compared with <see cref="CpeVersionOrder"/> against version and update together:
/// "8.2p1"), exact versions (and the update: <c>9.3:p1</c>; <c>*</c> any, <c>-</c> none) and <c>*</c> (every
/// version);</item>
/// <item>a node's OR and AND, a configuration's OR and AND (API 2.0) and the legacy feeds' AND nodes with children;
/// <c>negate</c> on a node about the product (it holds when none of its criteria match).</item>
/// </list>
/// A node that names other software only (the <c>o:</c> or <c>h:</c> platform an AND configuration runs on) cannot be
/// seen from a banner: it is returned as unverified, never assumed false and never silently assumed true. Only the
/// part, vendor, product, version and update of a criterion are compared.
/// </summary>
public static class NvdCpeMatcher
{
    private enum Verdict
    {
        Miss,
        Hit,
        Satisfied,
        Unrelated,
    }

    private sealed record NodeResult(Verdict Verdict, string? Criteria = null, string? Range = null, IReadOnlyList<string>? Platforms = null);

    /// <summary>
    /// The first configuration that makes <paramref name="observed"/> vulnerable, or null. An observed CPE without a
    /// concrete version (<c>*</c>, <c>-</c>) is never matched: nothing can be decided about it.
    /// </summary>
    public static NvdCpeMatch? Match(string? configurationsJson, CpeName observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (string.IsNullOrWhiteSpace(configurationsJson) || observed.Version is "*" or "-" or "")
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(configurationsJson);
            foreach (var configuration in Configurations(document.RootElement))
            {
                var result = Combine(configuration.And, configuration.Nodes.Select(node => Evaluate(node, observed)).ToList());
                if (result.Verdict == Verdict.Hit)
                {
                    return new NvdCpeMatch(result.Criteria!, result.Range!, result.Platforms ?? []);
                }
            }

            return null;
        }
        catch (JsonException)
        {
            // Stored from a parsed record, so never expected; a record that cannot be read matches nothing.
            return null;
        }
    }

    // API 2.0: an array of {operator, nodes}; legacy 1.1: {nodes}, where each top-level node is a configuration of its own.
    private static IEnumerable<(bool And, IReadOnlyList<JsonElement> Nodes)> Configurations(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray().Select(c => (IsAnd(c), (IReadOnlyList<JsonElement>)Items(c, "nodes").ToList())),
        JsonValueKind.Object => Items(root, "nodes").Select(node => (false, (IReadOnlyList<JsonElement>)[node])),
        _ => [],
    };

    private static NodeResult Evaluate(JsonElement node, CpeName observed)
    {
        var children = Items(node, "children").ToList();
        if (children.Count > 0)
        {
            return Combine(IsAnd(node), children.Select(child => Evaluate(child, observed)).ToList());
        }

        var entries = Items(node, "cpeMatch").Concat(Items(node, "cpe_match")).ToList();
        var about = entries.Where(e => CpeOf(e) is { } cpe && SameProduct(cpe, observed)).ToList();
        if (about.Count == 0)
        {
            return new NodeResult(Verdict.Unrelated, Platforms: [.. entries.Select(e => Text(e, "criteria") ?? Text(e, "cpe23Uri")).OfType<string>()]);
        }

        var hits = about.Where(e => IsVulnerable(e) && Range(e, observed) is not null).ToList();
        var holds = IsAnd(node) ? hits.Count == about.Count : hits.Count > 0;
        if (node.TryGetProperty("negate", out var negate) && negate.ValueKind == JsonValueKind.True)
        {
            return new NodeResult(holds ? Verdict.Miss : Verdict.Satisfied);
        }

        return holds ? new NodeResult(Verdict.Hit, CpeOf(hits[0])!.Text, Range(hits[0], observed)) : new NodeResult(Verdict.Miss);
    }

    // OR: the first hit. AND: a hit, nothing missed; other software's nodes are platforms the banner cannot confirm.
    private static NodeResult Combine(bool and, IReadOnlyList<NodeResult> results)
    {
        var hit = results.FirstOrDefault(r => r.Verdict == Verdict.Hit);
        if (!and)
        {
            return hit ?? new NodeResult(results.Any(r => r.Verdict == Verdict.Satisfied) ? Verdict.Satisfied : Verdict.Miss);
        }

        if (hit is null || results.Any(r => r.Verdict == Verdict.Miss))
        {
            return new NodeResult(Verdict.Miss);
        }

        var platforms = results.SelectMany(r => r.Platforms ?? []).Distinct(StringComparer.Ordinal).ToList();
        return hit with { Platforms = platforms };
    }

    /// <summary>How <paramref name="entry"/>'s versions contain the observed one ("&gt;= 4.3.0, &lt; 4.14.14"); null when they do not.</summary>
    private static string? Range(JsonElement entry, CpeName observed)
    {
        var criteria = CpeOf(entry)!;
        var version = observed.Update is "*" or "-" or "" ? observed.Version : observed.Version + observed.Update;
        var bounds = new (string Key, string Symbol, Func<int, bool> Holds)[]
        {
            ("versionStartIncluding", ">=", c => c >= 0),
            ("versionStartExcluding", ">", c => c > 0),
            ("versionEndIncluding", "<=", c => c <= 0),
            ("versionEndExcluding", "<", c => c < 0),
        };
        var given = bounds.Select(b => (b.Symbol, b.Holds, Limit: Text(entry, b.Key))).Where(b => b.Limit is not null).ToList();
        if (given.Count > 0)
        {
            return criteria.Version is "*" or "" && given.All(b => b.Holds(CpeVersionOrder.Compare(version, b.Limit!)))
                ? string.Join(", ", given.Select(b => $"{b.Symbol} {b.Limit}"))
                : null;
        }

        return criteria.Version switch
        {
            "*" or "" => "any version",
            "-" => null,
            _ when CpeVersionOrder.Compare(criteria.Version, observed.Version) == 0 && UpdateHolds(criteria.Update, observed.Update) =>
                criteria.Update is "*" or "" ? $"= {criteria.Version}" : string.Create(CultureInfo.InvariantCulture, $"= {criteria.Version} {criteria.Update}"),
            _ => null,
        };
    }

    private static bool UpdateHolds(string criteria, string observed) => criteria switch
    {
        "*" or "" => true,
        "-" => observed is "*" or "-" or "",
        _ => string.Equals(criteria, observed, StringComparison.OrdinalIgnoreCase),
    };

    private static bool SameProduct(CpeName cpe, CpeName observed) =>
        string.Equals(cpe.Part, observed.Part, StringComparison.OrdinalIgnoreCase)
        && string.Equals(cpe.Vendor, observed.Vendor, StringComparison.OrdinalIgnoreCase)
        && string.Equals(cpe.Product, observed.Product, StringComparison.OrdinalIgnoreCase);

    private static CpeName? CpeOf(JsonElement entry) => CpeName.Parse(Text(entry, "criteria") ?? Text(entry, "cpe23Uri"));

    private static bool IsVulnerable(JsonElement entry) => entry.TryGetProperty("vulnerable", out var flag) && flag.ValueKind == JsonValueKind.True;

    private static bool IsAnd(JsonElement element) => string.Equals(Text(element, "operator"), "AND", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
