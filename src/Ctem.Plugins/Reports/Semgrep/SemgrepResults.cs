using System.Globalization;
using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Semgrep;

/// <summary>
/// The <c>results</c> of <c>semgrep --json</c>: a code finding on its file and line (rule <c>check_id</c>, CWEs from
/// <c>metadata.cwe</c>, Semgrep's <c>fingerprint</c> as the identity unless it says "requires login"), or, for a
/// Supply Chain result (<c>extra.sca_info</c>), a finding of the advisory's CVE on the dependency found.
/// </summary>
internal static class SemgrepResults
{
    // What Semgrep writes in place of a fingerprint when the user is not logged in: not an identity.
    private const string NoFingerprint = "requires login";

    public static ReportedFinding? Read(JsonElement result, string pointer)
    {
        var rule = ReportJson.String(result, "check_id");
        var path = ReportJson.String(result, "path");
        if (rule is null || path is null)
        {
            return null;
        }

        var extra = ReportJson.Object(result, "extra");
        var metadata = extra is { } e ? ReportJson.Object(e, "metadata") : null;
        var message = extra is { } withMessage ? ReportJson.String(withMessage, "message")?.Trim() : null;
        var line = ReportJson.Object(result, "start") is { } start && ReportJson.Int(start, "line") is { } number ? "line " + number.ToString(CultureInfo.InvariantCulture) : null;
        var cwes = SemgrepPackages.Cwes(ReportJson.Strings(metadata, "cwe"));
        var severity = Severity(extra is { } withSeverity ? ReportJson.String(withSeverity, "severity") : null);
        var title = message?.Split('\n')[0].Trim() is { Length: > 0 } first ? first : rule;
        var fingerprint = extra is { } withFingerprint && ReportJson.String(withFingerprint, "fingerprint") is { Length: > 0 } f && f != NoFingerprint ? f : null;

        if (extra is { } sca && ReportJson.Object(sca, "sca_info") is { } info && Dependency(info) is { } dependency)
        {
            var ids = ReportJson.Strings(metadata, "sca-vuln-database-identifier");
            return new ReportedFinding(dependency, ids, rule, title, severity, new SourceLocation(LockfileOf(info) ?? path, line))
            {
                Cwes = cwes,
                Description = message,
                ReportPointer = pointer,
            };
        }

        return new ReportedFinding(ReportedAsset.File(path), [], rule, title, severity, line is null ? null : new SourceLocation(path, line))
        {
            Cwes = cwes,
            Description = message,
            ToolFingerprint = fingerprint,
            ReportPointer = pointer,
        };
    }

    /// <summary>Semgrep's levels: ERROR is high, WARNING medium, INFO low (as Semgrep ranks them); newer rules give HIGH, MEDIUM, LOW, CRITICAL.</summary>
    public static string? Severity(string? level) => level?.Trim().ToUpperInvariant() switch
    {
        "INFO" => "low",
        _ => ReportSeverity.Normalize(level),
    };

    private static ReportedAsset? Dependency(JsonElement info)
    {
        var found = ReportJson.Object(info, "dependency_match") is { } match ? ReportJson.Object(match, "found_dependency") : null;
        return found is { } f && ReportJson.String(f, "package") is { } name
            ? SemgrepPackages.Asset(ReportJson.String(f, "ecosystem"), name, ReportJson.String(f, "version"))
            : null;
    }

    private static string? LockfileOf(JsonElement info) =>
        ReportJson.Object(info, "dependency_match") is { } match ? ReportJson.String(match, "lockfile") : null;
}
