using System.Globalization;
using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Text;

namespace Ctem.Plugins.Reports.Nuclei;

/// <summary>
/// Reads nuclei results: <c>-jsonl</c> (one object per line; a bad line is a warning with its line:column and the
/// others still count) or <c>-json-export</c> (one array). Both the v2 field names (<c>templateID</c>,
/// <c>matched</c>) and the v3 ones (<c>template-id</c>, <c>matched-at</c>) are read. An empty file is an empty report:
/// nuclei writes nothing when nothing matched.
/// </summary>
public sealed class NucleiParser : IReportParser
{
    private const string Tool = "nuclei";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Name => "nuclei/jsonl";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) => NucleiDetection.Looks(head);

    public async Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.InvalidJson, source.Path, "invalid JSON: the file is not valid UTF-8"));
        }

        if (text.TrimStart().StartsWith('['))
        {
            buffer.Position = 0;
            return await ReportJson.ReadAsync(source with { Content = buffer }, root => ReadArray(source.Path, root), cancellationToken);
        }

        return ReadLines(source.Path, text);
    }

    private ReportResult ReadArray(string path, JsonElement root)
    {
        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        var targets = new List<string>();
        var index = -1;
        foreach (var item in root.EnumerateArray())
        {
            index++;
            Add(path, item, "/" + index.ToString(CultureInfo.InvariantCulture), findings, targets, diagnostics);
        }

        return Finish(path, findings, targets, diagnostics, index + 1);
    }

    private ReportResult ReadLines(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        var targets = new List<string>();
        var lines = text.Split('\n');
        var records = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            records++;
            var lineNumber = (i + 1).ToString(CultureInfo.InvariantCulture);
            try
            {
                using var document = JsonDocument.Parse(line, ReportJson.Options);
                Add(path, document.RootElement, "line " + lineNumber, findings, targets, diagnostics);
            }
            catch (JsonException ex)
            {
                var column = ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"invalid JSON: {JsonLocation.MessageOf(ex)}; line skipped", $"{lineNumber}:{column}"));
            }
        }

        return Finish(path, findings, targets, diagnostics, records);
    }

    private static void Add(string path, JsonElement item, string pointer, List<ReportedFinding> findings, List<string> targets, List<Diagnostic> diagnostics)
    {
        if (NucleiResult.Read(item, pointer) is { } finding)
        {
            findings.Add(finding);
            if (ReportJson.String(item, "host") is { Length: > 0 } host)
            {
                targets.Add(host);
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "not a nuclei result (it needs a template id, info and a host or matched-at); skipped", pointer));
        }
    }

    private ReportResult Finish(string path, List<ReportedFinding> findings, List<string> targets, List<Diagnostic> diagnostics, int records)
    {
        if (records > 0 && findings.Count == 0)
        {
            var errors = new List<Diagnostic>(diagnostics)
            {
                Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a nuclei report: expected JSON lines or an array of nuclei results (template-id, info, matched-at)"),
            };
            return new ReportResult(null, errors);
        }

        var hosts = targets.Distinct(StringComparer.Ordinal).ToList();
        return ReportResult.Ok(new ScannerReport(Name, Tool, null, hosts.Count == 1 ? hosts[0] : null, findings), diagnostics);
    }
}
