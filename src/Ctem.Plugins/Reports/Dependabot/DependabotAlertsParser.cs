using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Dependabot;

/// <summary>
/// Reads GitHub Dependabot alerts: the REST list (<c>GET /repos/{owner}/{repo}/dependabot/alerts</c>, also the
/// organisation's) and GraphQL exports of <c>vulnerabilityAlerts</c> (under <c>data.repository</c> or a repository
/// <c>search</c>). One finding per alert, on the package at its manifest. Fixed alerts are skipped with an info note:
/// the exposure is gone. Dismissed alerts are kept, the dismissal and its reason leading the description: dismissing
/// is a triage decision on GitHub, not a fix, and the exposure stays for Ctem to weigh.
/// </summary>
public sealed class DependabotAlertsParser : IReportParser
{
    public string Name => "github-dependabot/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var content = head.TrimStart(" \t\r\n\uFEFF"u8);
        if (!System.IO.Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) || content.IsEmpty)
        {
            return false;
        }

        return content[0] switch
        {
            (byte)'{' => content.IndexOf("\"data\""u8) >= 0 && content.IndexOf("\"vulnerabilityAlerts\""u8) >= 0,
            (byte)'[' => content.IndexOf("\"security_advisory\""u8) >= 0 && (content.IndexOf("\"dependency\""u8) >= 0 || content.IndexOf("\"security_vulnerability\""u8) >= 0),
            _ => false,
        };
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        var located = root.ValueKind switch
        {
            JsonValueKind.Array => RestAlerts(path, root),
            JsonValueKind.Object when ReportJson.Object(root, "data") is { } data => GraphQlAlerts(path, data),
            _ => Failure(path, "not a GitHub Dependabot alerts export: expected the REST API's array of alerts or a GraphQL response with \"data\" … \"vulnerabilityAlerts\""),
        };
        if (located.Failure is { } failure)
        {
            return failure;
        }

        var diagnostics = new List<Diagnostic>();
        var alerts = new List<(DependabotAlert Alert, string Pointer, string? Repository)>();
        var repositories = located.Repositories.ToList();
        foreach (var (element, pointer, repository) in located.Alerts)
        {
            if (DependabotAlertReader.Read(element) is not { } alert)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "an alert names no package; skipped", pointer));
                continue;
            }

            repositories.Add(alert.Repository ?? repository);
            if (alert.State == DependabotAlert.Fixed)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.UnsupportedFormat, $"the alert on '{alert.Asset.Name}' is fixed; skipped", path, pointer));
                continue;
            }

            alerts.Add((alert, pointer, alert.Repository ?? repository));
        }

        // Several repositories in one export: the repository goes into the location, or their manifests would meet.
        var distinct = repositories.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var findings = alerts.Select(a => ToFinding(a.Alert, distinct.Count > 1 ? a.Repository : null, a.Pointer)).ToList();

        var target = distinct.Count == 1 ? distinct[0] : null;
        return ReportResult.Ok(new ScannerReport(Name, "GitHub Dependabot", null, target, findings), diagnostics);
    }

    private static ReportedFinding ToFinding(DependabotAlert alert, string? repository, string pointer)
    {
        var place = (repository, alert.ManifestPath) switch
        {
            ({ } r, { } m) => $"{r}/{m}",
            (null, { } m) => m,
            ({ } r, null) => r,
            _ => null,
        };
        return new ReportedFinding(
            alert.Asset,
            alert.Ids,
            null,
            alert.Summary ?? (alert.Ids.Count > 0 ? $"{alert.Ids[0]} in {alert.Asset.Name}" : $"vulnerability in {alert.Asset.Name}"),
            ReportSeverity.Normalize(alert.Severity),
            place is null ? null : new SourceLocation(place, null))
        {
            Cwes = alert.Cwes,
            CvssVector = alert.CvssVector,
            FixedVersions = alert.FirstPatchedVersion is { Length: > 0 } fixedVersion ? [fixedVersion] : [],
            Description = Describe(alert),
            ToolFingerprint = alert.AlertId,
            ReportPointer = pointer,
        };
    }

    private static string? Describe(DependabotAlert alert)
    {
        var text = new StringBuilder();
        if (alert.State != DependabotAlert.Open)
        {
            text.Append("Alert ").Append(alert.State.Replace('_', '-')).Append(" on GitHub");
            if (alert.DismissReason is { Length: > 0 } reason)
            {
                text.Append(" (").Append(reason.ToLowerInvariant()).Append(')');
            }

            text.Append(alert.DismissComment is { Length: > 0 } comment ? $": {comment}" : ".").Append("\n\n");
        }

        if (alert.VulnerableRange is { Length: > 0 } range)
        {
            text.Append("Vulnerable versions: ").Append(range).Append("\n\n");
        }

        text.Append(alert.AdvisoryDescription);
        var description = text.ToString().Trim();
        return description.Length > 0 ? description : null;
    }

    private static Located RestAlerts(string path, JsonElement root)
    {
        var alerts = root.EnumerateArray().Select((alert, index) => (alert, $"/{index}", (string?)null)).ToList();
        if (alerts.Count > 0 && alerts.All(a => ReportJson.Object(a.alert, "rule") is not null && ReportJson.Object(a.alert, "most_recent_instance") is not null))
        {
            return Failure(path, "these are GitHub code scanning alerts, not Dependabot alerts");
        }

        if (alerts.Any(a => ReportJson.Object(a.alert, "security_advisory") is null && ReportJson.Object(a.alert, "dependency") is null && ReportJson.Object(a.alert, "security_vulnerability") is null))
        {
            return Failure(path, "not a GitHub Dependabot alerts list: every alert needs \"security_advisory\", \"dependency\" or \"security_vulnerability\"");
        }

        return new Located(alerts, [], null);
    }

    private static Located GraphQlAlerts(string path, JsonElement data)
    {
        var alerts = new List<(JsonElement, string, string?)>();
        var repositories = new List<string?>();
        Walk(data, "/data", null, alerts, repositories);
        return repositories.Count == 0
            ? Failure(path, "not a GitHub Dependabot alerts export: the GraphQL response has no \"vulnerabilityAlerts\" with \"nodes\"")
            : new Located(alerts, repositories, null);
    }

    // Alerts sit under a repository, found directly or through a search; the nearest name says which repository.
    private static void Walk(JsonElement element, string pointer, string? repository, List<(JsonElement, string, string?)> alerts, List<string?> repositories)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{pointer}/{index++}", repository, alerts, repositories);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        repository = ReportJson.String(element, "nameWithOwner") ?? RepositoryOf(ReportJson.String(element, "url")) ?? ReportJson.String(element, "name") ?? repository;
        foreach (var property in element.EnumerateObject())
        {
            var childPointer = $"{pointer}/{property.Name}";
            if (property.NameEquals("vulnerabilityAlerts") && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
            {
                repositories.Add(repository);
                var index = 0;
                foreach (var node in nodes.EnumerateArray())
                {
                    alerts.Add((node, $"{childPointer}/nodes/{index++}", repository));
                }
            }
            else
            {
                Walk(property.Value, childPointer, repository, alerts, repositories);
            }
        }
    }

    /// <summary>"owner/repo" from a repository's web address.</summary>
    private static string? RepositoryOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/') is { Length: > 0 } repository ? repository : null;

    private static Located Failure(string path, string message) =>
        new([], [], ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, message)));

    private sealed record Located(IReadOnlyList<(JsonElement Alert, string Pointer, string? Repository)> Alerts, IReadOnlyList<string?> Repositories, ReportResult? Failure);
}
