using System.Globalization;
using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>
/// Gitleaks' SARIF carries each secret in the result's properties (<c>offender</c>, Gitleaks 8's <c>Secret</c> and
/// <c>Match</c>) and in the region's snippet. None of them is read into a finding; should the message quote one, it is
/// masked here (<see cref="ReportSecrets"/>), so no secret reaches the store or the output.
/// </summary>
internal static class SarifSecrets
{
    public static ReportedFinding Mask(string toolName, JsonElement run, ReportedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!toolName.Equals("gitleaks", StringComparison.OrdinalIgnoreCase) || ResultOf(run, finding.ReportPointer) is not { } result)
        {
            return finding;
        }

        var properties = ReportJson.Object(result, "properties");
        string?[] secrets = properties is { } p ? [ReportJson.String(p, "offender"), ReportJson.String(p, "Secret"), ReportJson.String(p, "secret"), ReportJson.String(p, "Match")] : [];
        return finding with
        {
            Title = ReportSecrets.Redact(finding.Title, secrets)!,
            Description = ReportSecrets.Redact(finding.Description, secrets),
            ToolFingerprint = ReportSecrets.Redact(finding.ToolFingerprint, secrets),
        };
    }

    // The reader's pointers end in "/results/N".
    private static JsonElement? ResultOf(JsonElement run, string? pointer)
    {
        var index = pointer?[(pointer.LastIndexOf('/') + 1)..];
        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && ReportJson.ArrayElement(run, "results") is { } results && i < results.GetArrayLength()
            ? results[i]
            : null;
    }
}
