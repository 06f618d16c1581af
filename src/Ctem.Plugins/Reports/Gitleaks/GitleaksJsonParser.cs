using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Gitleaks;

/// <summary>
/// Reads Gitleaks' JSON report (<c>gitleaks detect -f json</c>): an array of leaks, in Gitleaks 8's fields
/// (<c>RuleID, File, StartLine, Commit, Secret, Match, Fingerprint</c>) or 7's (<c>rule, file, lineNumber, commit,
/// offender, line</c>). Each leak is a high-severity finding on its file and line, identified by Gitleaks'
/// fingerprint (<c>commit:file:rule:line</c>). The secret is masked (<see cref="ReportSecrets"/>); the matched text
/// and the source line, which carry it, are not read. <c>null</c> or <c>[]</c> is an empty report.
/// </summary>
public sealed class GitleaksJsonParser : IReportParser
{
    public string Name => "gitleaks/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        return text.StartsWith("["u8)
            && ((text.IndexOf("\"RuleID\""u8) >= 0 && text.IndexOf("\"Secret\""u8) >= 0)
                || (text.IndexOf("\"rule\""u8) >= 0 && text.IndexOf("\"offender\""u8) >= 0));
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Null)
        {
            return ReportResult.Ok(new ScannerReport(Name, "Gitleaks", null, null, []));
        }

        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(l => RuleOf(l) is null || FileOf(l) is null))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Gitleaks JSON report: expected an array of leaks with a rule (RuleID, rule) and a file (File, file)", ""));
        }

        var findings = root.EnumerateArray().Select((leak, index) => Finding(leak, "/" + index.ToString(CultureInfo.InvariantCulture))).ToList();
        return ReportResult.Ok(new ScannerReport(Name, "Gitleaks", null, null, findings));
    }

    private static ReportedFinding Finding(JsonElement leak, string pointer)
    {
        var rule = RuleOf(leak)!;
        var file = FileOf(leak)!;
        var line = ReportJson.Int(leak, "StartLine") ?? ReportJson.Int(leak, "lineNumber");
        var commit = ReportJson.String(leak, "Commit") ?? ReportJson.String(leak, "commit");
        var secret = ReportJson.String(leak, "Secret") ?? ReportJson.String(leak, "offender");
        var lineText = line?.ToString(CultureInfo.InvariantCulture);

        // Gitleaks 8's own fingerprint, built the same way for Gitleaks 7, so both versions' leaks keep one identity.
        var fingerprint = ReportJson.String(leak, "Fingerprint")
            ?? string.Join(':', new[] { commit, file, rule, lineText }.Where(p => !string.IsNullOrEmpty(p)));
        var label = ReportJson.String(leak, "Description") ?? rule;
        var author = ReportJson.String(leak, "Author") ?? ReportJson.String(leak, "author");
        var details = new[]
        {
            secret is { Length: > 0 } ? "secret " + ReportSecrets.Mask(secret) : null,
            commit is { Length: > 0 } ? "commit " + commit : null,
            author is { Length: > 0 } ? "author " + author : null,
            (ReportJson.String(leak, "Date") ?? ReportJson.String(leak, "date")) is { Length: > 0 } date ? "date " + date : null,
        }.OfType<string>();
        var title = secret is { Length: > 0 } ? $"{label} secret {ReportSecrets.Mask(secret)} in {file}" : $"{label} secret in {file}";
        return new ReportedFinding(ReportedAsset.File(file), [], rule, title, "high", lineText is null ? null : new SourceLocation(file, "line " + lineText))
        {
            Cwes = ["CWE-798"],
            Description = ReportSecrets.Redact(string.Join("; ", details), [secret]),
            ToolFingerprint = ReportSecrets.Redact(fingerprint, [secret]),
            ReportPointer = pointer,
        };
    }

    private static string? RuleOf(JsonElement leak) => ReportJson.String(leak, "RuleID") ?? ReportJson.String(leak, "rule");

    private static string? FileOf(JsonElement leak) => ReportJson.String(leak, "File") ?? ReportJson.String(leak, "file");
}
