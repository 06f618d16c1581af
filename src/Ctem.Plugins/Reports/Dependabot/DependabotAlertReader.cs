using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Dependabot;

/// <summary>
/// One alert, from the REST shape (<c>security_advisory</c>, <c>dependency</c>) or the GraphQL shape
/// (<c>securityVulnerability</c>, <c>vulnerableManifestPath</c>); null when it names no package.
/// </summary>
internal static class DependabotAlertReader
{
    public static DependabotAlert? Read(JsonElement alert) =>
        ReportJson.Object(alert, "securityVulnerability") is { } vulnerability ? FromGraphQl(alert, vulnerability) : FromRest(alert);

    private static DependabotAlert? FromGraphQl(JsonElement alert, JsonElement vulnerability)
    {
        var package = ReportJson.Object(vulnerability, "package");
        if (package is null || ReportJson.String(package.Value, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        var advisory = ReportJson.Object(vulnerability, "advisory") ?? default;
        var cvss = ReportJson.Object(advisory, "cvssSeverities");
        var ids = new List<string>();
        Add(ids, ReportJson.String(advisory, "ghsaId"));
        foreach (var identifier in ReportJson.Array(advisory, "identifiers"))
        {
            Add(ids, ReportJson.String(identifier, "value"));
        }

        var cwes = ReportJson.Object(advisory, "cwes") is { } cweConnection
            ? ReportJson.Array(cweConnection, "nodes").Select(n => ReportJson.String(n, "cweId")).ToList()
            : [];
        return new DependabotAlert(
            DependabotPackages.Asset(ReportJson.String(package.Value, "ecosystem"), name, ExactVersion(ReportJson.String(alert, "vulnerableRequirements"))),
            ids,
            ReportJson.String(advisory, "summary"),
            ReportJson.String(vulnerability, "severity") ?? ReportJson.String(advisory, "severity"),
            Clean(cwes),
            FirstVector(
                cvss is { } v4 ? Vector(v4, "cvssV4", "vectorString") : null,
                cvss is { } v3 ? Vector(v3, "cvssV3", "vectorString") : null,
                Vector(advisory, "cvss", "vectorString")),
            ReportJson.Object(vulnerability, "firstPatchedVersion") is { } patched ? ReportJson.String(patched, "identifier") : null,
            ReportJson.String(alert, "vulnerableManifestPath") ?? ReportJson.String(alert, "vulnerableManifestFilename"),
            GraphQlState(alert),
            ReportJson.String(alert, "dismissReason"),
            ReportJson.String(alert, "dismissComment"),
            ReportJson.String(vulnerability, "vulnerableVersionRange"),
            ReportJson.String(advisory, "description"),
            ReportJson.String(alert, "id"),
            null);
    }

    private static DependabotAlert? FromRest(JsonElement alert)
    {
        var dependency = ReportJson.Object(alert, "dependency");
        var vulnerability = ReportJson.Object(alert, "security_vulnerability") ?? default;
        var package = (dependency is { } d ? ReportJson.Object(d, "package") : null) ?? ReportJson.Object(vulnerability, "package");
        if (package is null || ReportJson.String(package.Value, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        var advisory = ReportJson.Object(alert, "security_advisory") ?? default;
        var cvss = ReportJson.Object(advisory, "cvss_severities");
        var ids = new List<string>();
        Add(ids, ReportJson.String(advisory, "ghsa_id"));
        Add(ids, ReportJson.String(advisory, "cve_id"));
        foreach (var identifier in ReportJson.Array(advisory, "identifiers"))
        {
            Add(ids, ReportJson.String(identifier, "value"));
        }

        var state = ReportJson.String(alert, "state")?.ToLowerInvariant() ?? DependabotAlert.Open;
        return new DependabotAlert(
            DependabotPackages.Asset(ReportJson.String(package.Value, "ecosystem"), name, null),
            ids,
            ReportJson.String(advisory, "summary"),
            ReportJson.String(vulnerability, "severity") ?? ReportJson.String(advisory, "severity"),
            Clean(ReportJson.Array(advisory, "cwes").Select(c => ReportJson.String(c, "cwe_id")).ToList()),
            FirstVector(
                cvss is { } v4 ? Vector(v4, "cvss_v4", "vector_string") : null,
                cvss is { } v3 ? Vector(v3, "cvss_v3", "vector_string") : null,
                Vector(advisory, "cvss", "vector_string")),
            ReportJson.Object(vulnerability, "first_patched_version") is { } patched ? ReportJson.String(patched, "identifier") : null,
            dependency is { } manifest ? ReportJson.String(manifest, "manifest_path") : null,
            state,
            ReportJson.String(alert, "dismissed_reason"),
            ReportJson.String(alert, "dismissed_comment"),
            ReportJson.String(vulnerability, "vulnerable_version_range"),
            ReportJson.String(advisory, "description"),
            ReportJson.String(alert, "html_url") ?? ReportJson.String(alert, "url"),
            (ReportJson.Object(alert, "repository") is { } repository ? ReportJson.String(repository, "full_name") : null) ?? RepositoryOf(ReportJson.String(alert, "html_url")));
    }

    /// <summary>"owner/repo" from an alert's page, <c>https://github.com/owner/repo/security/dependabot/2</c>.</summary>
    private static string? RepositoryOf(string? htmlUrl)
    {
        var segments = Uri.TryCreate(htmlUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
        return segments.Length >= 2 ? $"{segments[0]}/{segments[1]}" : null;
    }

    // Older GraphQL exports have no "state"; a dismissal or fix date says the same.
    private static string GraphQlState(JsonElement alert) =>
        ReportJson.String(alert, "state")?.ToLowerInvariant()
        ?? (ReportJson.String(alert, "fixedAt") is not null ? DependabotAlert.Fixed
            : ReportJson.String(alert, "dismissedAt") is not null ? DependabotAlert.Dismissed
            : DependabotAlert.Open);

    /// <summary>The version when the requirement pins one (<c>= 1.2.3</c>); ranges name no version.</summary>
    private static string? ExactVersion(string? requirement)
    {
        var text = requirement?.Trim();
        if (text is null || !text.StartsWith('='))
        {
            return null;
        }

        var version = text.TrimStart('=').Trim();
        return version.Length > 0 && version.IndexOfAny([' ', ',', '<', '>', '|', '*', '^', '~']) < 0 ? version : null;
    }

    private static string? Vector(JsonElement element, string name, string field) =>
        ReportJson.Object(element, name) is { } cvss ? ReportJson.String(cvss, field) : null;

    private static string? FirstVector(params string?[] vectors) => vectors.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static List<string> Clean(List<string?> cwes) =>
        cwes.OfType<string>().Select(c => c.Trim().ToUpperInvariant()).Where(c => c.StartsWith("CWE-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

    private static void Add(List<string> ids, string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && !ids.Contains(id.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            ids.Add(id.Trim());
        }
    }
}

/// <summary>An alert as both API shapes describe it; <see cref="State"/> is lower case (open, fixed, dismissed, auto_dismissed).</summary>
internal sealed record DependabotAlert(
    ReportedAsset Asset,
    IReadOnlyList<string> Ids,
    string? Summary,
    string? Severity,
    IReadOnlyList<string> Cwes,
    string? CvssVector,
    string? FirstPatchedVersion,
    string? ManifestPath,
    string State,
    string? DismissReason,
    string? DismissComment,
    string? VulnerableRange,
    string? AdvisoryDescription,
    string? AlertId,
    string? Repository)
{
    public const string Open = "open";
    public const string Fixed = "fixed";
    public const string Dismissed = "dismissed";
}
