using System.Text.Encodings.Web;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Scoring;

namespace Ctem.Reporting;

/// <summary>Machine-readable output. Field names and shapes are a public contract (docs/cli.md); add, never rename.</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions LineOptions = Options with { Indented = false };

    /// <summary>Writes one JSON document and a newline; <paramref name="indented"/> false gives one line (JSON Lines).</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> body, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Options : LineOptions))
        {
            body(writer);
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    public static void WriteFinding(Utf8JsonWriter writer, FindingView finding)
    {
        writer.WriteStartObject();
        if (finding.Id is { } id)
        {
            writer.WriteNumber("id", id);
        }
        else
        {
            writer.WriteNull("id");
        }

        writer.WriteString("product", finding.Product);
        writer.WriteStartObject("component");
        writer.WriteString("purl", finding.Purl);
        writer.WriteString("ecosystem", finding.Ecosystem);
        writer.WriteString("name", finding.Name);
        writer.WriteString("version", finding.Version);
        writer.WriteString("relation", Name(finding.Relation));
        writer.WriteString("scope", Name(finding.Scope));
        if (finding.Location is { } location)
        {
            writer.WriteStartObject("location");
            writer.WriteString("path", location.Path);
            writer.WriteString("pointer", location.Pointer);
            writer.WriteEndObject();
        }

        if (finding.Identity is { } identity)
        {
            writer.WriteStartObject("identity");
            writer.WriteString("derivedFrom", identity.DerivedFrom);
            writer.WriteString("confidence", IdentityDerivation.Word(identity.Confidence));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("vulnerability");
        writer.WriteString("id", finding.Vulnerability.Id);
        WriteStrings(writer, "aliases", finding.Vulnerability.Aliases);
        WriteStrings(writer, "advisories", finding.Vulnerability.AdvisoryIds);
        writer.WriteString("summary", finding.Vulnerability.Summary);
        writer.WriteString("severity", finding.Vulnerability.Severity);
        WriteCvss(writer, finding.Vulnerability);
        WriteSsvc(writer, finding.Vulnerability.Ssvc);
        WriteStrings(writer, "exploitReferences", finding.Vulnerability.ExploitReferences);
        WriteStrings(writer, "cwes", finding.Vulnerability.Cwes);
        WriteKev(writer, finding.Exploitation);
        WriteEpss(writer, finding.Exploitation);
        writer.WriteEndObject();
        WriteStrings(writer, "fixedVersions", finding.FixedVersions);
        writer.WriteString("status", finding.Status);
        writer.WriteString("suspect", finding.Suspect);
        writer.WriteString("owner", finding.Owner);
        WriteTime(writer, "firstSeenAt", finding.FirstSeenAt);
        WriteTime(writer, "lastSeenAt", finding.LastSeenAt);
        WriteTime(writer, "resolvedAt", finding.ResolvedAt);
        writer.WriteNumber("reopenCount", finding.ReopenCount);
        WriteStrings(writer, "sources", finding.Sources);
        WriteRisk(writer, finding);
        if (finding.Vex is { } vex)
        {
            WriteVex(writer, vex);
        }

        if (finding.Acceptance is { } acceptance)
        {
            writer.WritePropertyName("acceptance");
            WriteAcceptance(writer, acceptance);
        }

        writer.WriteEndObject();
    }

    /// <summary>The VEX analysis in force: <c>vex: {state, justification, detail, source, author, at}</c>, plus <c>remediation</c> (an affected statement's action).</summary>
    public static void WriteVex(Utf8JsonWriter writer, Core.Stores.FindingVex vex)
    {
        writer.WriteStartObject("vex");
        writer.WriteString("state", Core.Model.VexNames.Name(vex.State));
        writer.WriteString("justification", Core.Model.VexNames.Name(vex.Justification));
        writer.WriteString("detail", vex.Detail);
        writer.WriteString("source", vex.Source);
        writer.WriteString("author", vex.Author);
        WriteTime(writer, "at", vex.At);
        writer.WriteString("remediation", vex.State == Core.Model.VexState.Affected ? vex.ActionStatement : null);
        writer.WriteEndObject();
    }

    /// <summary>An accepted risk: <c>{reason, until, by, at}</c>.</summary>
    public static void WriteAcceptance(Utf8JsonWriter writer, Core.Stores.RiskAcceptance acceptance)
    {
        writer.WriteStartObject();
        writer.WriteString("reason", acceptance.Reason);
        WriteTime(writer, "until", acceptance.Until);
        writer.WriteString("by", acceptance.By);
        WriteTime(writer, "at", acceptance.At);
        writer.WriteEndObject();
    }

    /// <summary>A run's inputs: <c>inputs: [{path, format, sha256}]</c>.</summary>
    public static void WriteInputs(Utf8JsonWriter writer, IReadOnlyList<Core.Stores.ScanInput> inputs)
    {
        writer.WriteStartArray("inputs");
        foreach (var input in inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("path", input.Path);
            writer.WriteString("format", input.Format);
            writer.WriteString("sha256", input.Sha256);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The findings a run resolved: <c>resolvedFindings: [{id, vulnerability, component, version}]</c>.</summary>
    public static void WriteResolved(Utf8JsonWriter writer, IReadOnlyList<Core.Stores.ResolvedFinding> resolved)
    {
        writer.WriteStartArray("resolvedFindings");
        foreach (var finding in resolved)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", finding.Id);
            writer.WriteString("vulnerability", finding.VulnerabilityId);
            writer.WriteString("component", finding.Component);
            writer.WriteString("version", finding.Version);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRisk(Utf8JsonWriter writer, FindingView finding)
    {
        if (finding.Risk is not { } risk)
        {
            writer.WriteNull("risk");
            return;
        }

        writer.WriteStartObject("risk");
        writer.WriteNumber("score", risk.Score);
        writer.WriteString("priority", Name(risk.Priority));
        writer.WriteString("ssvc", Ctem.Core.Scoring.Ssvc.CisaSsvc.NameOf(risk.Ssvc));
        writer.WriteNumber("slaDays", risk.SlaDays);
        WriteTime(writer, "dueAt", finding.DueAt);
        WriteTime(writer, "assessedAt", risk.AssessedAt);
        writer.WriteStartArray("factors");
        foreach (var factor in risk.Factors)
        {
            writer.WriteStartObject();
            writer.WriteString("name", factor.Name);
            writer.WriteString("value", factor.Value);
            writer.WriteString("source", factor.Source);
            writer.WriteNumber("level", Math.Round(factor.Level, 4));
            writer.WriteNumber("weight", factor.Weight);
            writer.WriteNumber("contribution", Math.Round(factor.Contribution, 2));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCvss(Utf8JsonWriter writer, VulnerabilityRef vulnerability)
    {
        if (vulnerability.Cvss is not { } vector || Cvss.Parse(vector) is not { Success: true, Value: var score })
        {
            writer.WriteNull("cvss");
        }
        else
        {
            writer.WriteStartObject("cvss");
            writer.WriteString("vector", vector);
            writer.WriteString("version", score.Version);
            writer.WriteNumber("baseScore", score.BaseScore);
            writer.WriteNumber("score", score.Score);
            writer.WriteString("severity", Severities.Name(score.Severity));
            writer.WriteString("source", vulnerability.CvssSource);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("cvssCandidates");
        foreach (var candidate in vulnerability.CvssCandidates.Where(c => c.Vector != vulnerability.Cvss || c.Source != vulnerability.CvssSource))
        {
            writer.WriteStartObject();
            writer.WriteString("vector", candidate.Vector);
            writer.WriteString("source", candidate.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>CISA's SSVC decision points for the vulnerability, as CISA spells them; null when CISA has given none.</summary>
    private static void WriteSsvc(Utf8JsonWriter writer, SsvcPoints? ssvc)
    {
        if (ssvc is null)
        {
            writer.WriteNull("ssvc");
            return;
        }

        writer.WriteStartObject("ssvc");
        writer.WriteString("exploitation", ssvc.Exploitation);
        writer.WriteString("automatable", ssvc.Automatable);
        writer.WriteString("technicalImpact", ssvc.TechnicalImpact);
        writer.WriteString("source", ssvc.Source);
        WriteTime(writer, "timestamp", ssvc.Timestamp);
        writer.WriteEndObject();
    }

    private static void WriteKev(Utf8JsonWriter writer, Exploitation? exploitation)
    {
        if (exploitation?.Kev is not { } kev)
        {
            writer.WriteNull("kev");
            return;
        }

        writer.WriteStartObject("kev");
        writer.WriteString("dateAdded", Day(kev.DateAdded));
        writer.WriteString("dueDate", kev.DueDate is { } due ? Day(due) : null);
        writer.WriteString("knownRansomwareCampaignUse", kev.KnownRansomwareCampaignUse);
        writer.WriteString("vulnerabilityName", kev.VulnerabilityName);
        writer.WriteString("requiredAction", kev.RequiredAction);
        writer.WriteString("catalogVersion", exploitation.KevCatalogVersion);
        writer.WriteEndObject();
    }

    private static void WriteEpss(Utf8JsonWriter writer, Exploitation? exploitation)
    {
        if (exploitation?.Epss is not { } epss)
        {
            writer.WriteNull("epss");
            return;
        }

        writer.WriteStartObject("epss");
        writer.WriteNumber("score", epss.Score);
        writer.WriteNumber("percentile", epss.Percentile);
        writer.WriteString("date", exploitation.EpssDate is { } date ? Day(DateOnly.FromDateTime(date.UtcDateTime)) : null);
        writer.WriteEndObject();
    }

    /// <summary>An enum as the JSON contract spells it: lower-case, null for "the input did not say".</summary>
    public static string? Name<T>(T value)
        where T : struct, Enum =>
        EqualityComparer<T>.Default.Equals(value, default) ? null : value.ToString().ToLowerInvariant();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static void WriteDiagnostics(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("path", diagnostic.Path);
            writer.WriteString("location", diagnostic.Location);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
