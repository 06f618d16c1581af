using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Grype;

/// <summary>
/// Reads Anchore Grype's JSON report (<c>grype -o json</c>): each item of <c>matches</c> is one finding, on the matched
/// artifact (its purl, else its type, name and version), named by the vulnerability id and then its related ids.
/// <c>ignoredMatches</c> are left out: the user's Grype configuration suppressed them.
/// </summary>
public sealed class GrypeJsonParser : IReportParser
{
    private const string Placeholder = "[not provided]";

    public string Name => "grype/json";

    public int Version => 2;

    /// <summary>
    /// Claims a document whose <c>matches</c> array starts with a Grype match object, or, when <c>matches</c> is empty,
    /// whose descriptor names Grype. Grype's CycloneDX and SARIF outputs belong to those formats' parsers.
    /// </summary>
    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportJsonHead.FirstItemProperty(head, "matches") switch
        {
            "vulnerability" or "relatedVulnerabilities" or "matchDetails" or "artifact" => true,
            "" => head.IndexOf("\"descriptor\""u8) >= 0 && head.IndexOf("\"grype\""u8) >= 0,
            _ => false,
        };

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.ArrayElement(root, "matches") is not { } matches)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Grype JSON report: 'matches' is missing or not an array", "/matches"));
        }

        var diagnostics = new List<Diagnostic>();
        var distro = ReportJson.Object(root, "distro") ?? default;
        var context = new Context(path, ReportJson.String(distro, "name"), ReportJson.String(distro, "version"), diagnostics);
        var findings = new List<ReportedFinding>();
        var index = 0;
        foreach (var match in matches.EnumerateArray())
        {
            if (ReadMatch(match, $"/matches/{index++}", context) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var toolVersion = ReportJson.String(ReportJson.Object(root, "descriptor") ?? default, "version");
        var report = new ScannerReport(Name, "Grype", toolVersion is null or "" or Placeholder ? null : toolVersion, TargetOf(root), findings);
        return ReportResult.Ok(report, diagnostics);
    }

    private static ReportedFinding? ReadMatch(JsonElement match, string pointer, Context context)
    {
        // A missing object reads as an undefined element, whose properties all read as absent.
        var primary = ReportJson.Object(match, "vulnerability") ?? default;
        var artifact = ReportJson.Object(match, "artifact") ?? default;
        var id = NonEmpty(ReportJson.String(primary, "id"))?.Trim();
        var name = NonEmpty(CutAtNul(ReportJson.String(artifact, "name")))?.Trim();
        if (id is null || name is null)
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, context.Path, "a match needs a vulnerability id and an artifact name; skipped", pointer));
            return null;
        }

        var related = ReportJson.Array(match, "relatedVulnerabilities").Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var version = ArtifactVersion(artifact, pointer, context);
        var asset = AssetOf(artifact, name, version, pointer, context);
        var ids = new[] { id }
            .Concat(related.Select(r => ReportJson.String(r, "id")?.Trim()).OfType<string>().Where(r => r.Length > 0))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var location = ReportJson.Array(artifact, "locations").Select(l => ReportJson.String(l, "path")).FirstOrDefault();
        return new ReportedFinding(
            asset,
            ids,
            null,
            version is null ? $"{id} in {name}" : $"{id} in {name} {version}",
            ReportSeverity.Normalize(ReportJson.String(primary, "severity"))
                ?? related.Select(r => ReportSeverity.Normalize(ReportJson.String(r, "severity"))).FirstOrDefault(s => s is not null),
            string.IsNullOrEmpty(location) ? null : new SourceLocation(location, null))
        {
            CvssVector = ReportCvss.Best(VectorsOf(primary)) ?? ReportCvss.Best(related.SelectMany(VectorsOf)),
            FixedVersions = FixedVersionsOf(primary),
            Description = NonEmpty(ReportJson.String(primary, "description"))
                ?? related.Select(r => NonEmpty(ReportJson.String(r, "description"))).FirstOrDefault(s => s is not null),
            ReportPointer = pointer,
            MatchedCpes = MatchedCpesOf(match),
        };
    }

    /// <summary>
    /// The vulnerable CPEs of the match details that matched by CPE: <c>type: cpe-match</c>, or in reports before Grype
    /// wrote a type, a search by CPEs. A match by the package's own advisory (<c>exact-direct-match</c>) has none.
    /// </summary>
    private static IReadOnlyList<string> MatchedCpesOf(JsonElement match) =>
        ReportJson.Array(match, "matchDetails")
            .Where(detail => ReportJson.String(detail, "type") is { } type
                ? type == "cpe-match"
                : ReportJson.Object(detail, "searchedBy") is { } searched && ReportJson.Array(searched, "cpes").Any())
            .SelectMany(detail => ReportJson.Array(ReportJson.Object(detail, "found") ?? default, "cpes"))
            .Where(cpe => cpe.ValueKind == JsonValueKind.String)
            .Select(cpe => cpe.GetString()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string? ArtifactVersion(JsonElement artifact, string pointer, Context context)
    {
        var written = ReportJson.String(artifact, "version");
        var version = CutAtNul(written)?.Trim();
        if (version != written?.Trim())
        {
            // Grype's binary classifiers read versions out of executables; a C string's terminator can come along.
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnparsableVersion, context.Path, $"the artifact version holds a NUL character; read up to it, as '{version}'", pointer + "/artifact/version"));
        }

        return NonEmpty(version);
    }

    /// <summary>
    /// The artifact's purl (its version cut at a NUL like the version field; for an OS package without a
    /// <c>distro</c> qualifier, the report's distro added, as newer Grype versions write it), else type, name and version.
    /// </summary>
    private static ReportedAsset AssetOf(JsonElement artifact, string name, string? version, string pointer, Context context)
    {
        var type = NonEmpty(ReportJson.String(artifact, "type"));
        if (NonEmpty(ReportJson.String(artifact, "purl")) is not { } text)
        {
            return ReportedAsset.Package(type, name, version);
        }

        var parsed = PackageUrl.Parse(text);
        if (!parsed.Success)
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, context.Path, $"the artifact purl '{text.Replace("\0", "\\0", StringComparison.Ordinal)}' is not valid ({parsed.Error}); the package is kept by type, name and version", pointer + "/artifact/purl"));
            return ReportedAsset.Package(type, name, version);
        }

        var purl = parsed.Value;
        var qualifiers = new Dictionary<string, string>(purl.Qualifiers, StringComparer.Ordinal);
        if (purl.Type is "deb" or "apk" && !qualifiers.ContainsKey("distro")
            && context.DistroName is { Length: > 0 } distro && context.DistroVersion is { Length: > 0 } release
            && string.Equals(purl.Namespace, distro, StringComparison.OrdinalIgnoreCase))
        {
            qualifiers["distro"] = $"{distro.ToLowerInvariant()}-{release}";
        }

        var purlVersion = CutAtNul(purl.Version);
        if (purlVersion != purl.Version || qualifiers.Count != purl.Qualifiers.Count)
        {
            var rebuilt = PackageUrl.Create(purl.Type, purl.Namespace, purl.Name, purlVersion, qualifiers, purl.Subpath, strict: false);
            purl = rebuilt.Success ? rebuilt.Value : purl;
        }

        return ReportedAsset.Package(purl);
    }

    /// <summary><c>cvss[].vector</c>; reports of Grype before 0.8 give <c>cvssV3</c> and <c>cvssV2</c> objects instead.</summary>
    private static IEnumerable<string?> VectorsOf(JsonElement vulnerability) =>
        ReportJson.Array(vulnerability, "cvss")
            .Concat(new[] { ReportJson.Object(vulnerability, "cvssV3"), ReportJson.Object(vulnerability, "cvssV2") }.OfType<JsonElement>())
            .Select(c => ReportJson.String(c, "vector"));

    /// <summary>
    /// <c>fix.versions</c>, unless <c>fix.state</c> says there is no fix ("not-fixed", "wont-fix"); reports of Grype
    /// before 0.8 give one <c>fixedInVersion</c> instead.
    /// </summary>
    private static IReadOnlyList<string> FixedVersionsOf(JsonElement vulnerability)
    {
        if (ReportJson.Object(vulnerability, "fix") is not { } fix)
        {
            return NonEmpty(ReportJson.String(vulnerability, "fixedInVersion"))?.Trim() is { } single ? [single] : [];
        }

        if (ReportJson.String(fix, "state") is "not-fixed" or "wont-fix")
        {
            return [];
        }

        return ReportJson.Array(fix, "versions")
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!.Trim())
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>source.target</c>: the user's input for an image, else the target as written (a directory or file).</summary>
    private static string? TargetOf(JsonElement root)
    {
        if (ReportJson.Object(root, "source") is not { } source || !source.TryGetProperty("target", out var target))
        {
            return null;
        }

        return NonEmpty(target.ValueKind switch
        {
            JsonValueKind.String => target.GetString(),
            JsonValueKind.Object => ReportJson.String(target, "userInput"),
            _ => null,
        });
    }

    private static string? CutAtNul(string? text)
    {
        var nul = text?.IndexOf('\0') ?? -1;
        return nul >= 0 ? text![..nul] : text;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record Context(string Path, string? DistroName, string? DistroVersion, List<Diagnostic> Diagnostics);
}
