using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Validation;

/// <summary>A statement Ctem proposes for a finding, of a kind (<see cref="VexSuggestionKinds"/>), with the evidence behind it in <see cref="VexStatement.Evidence"/>.</summary>
public sealed record VexSuggestion(string Kind, StoredFinding Finding, VexStatement Statement);

/// <summary>
/// <c>ctem vex suggest</c>: proposes statements backed by evidence Ctem holds, for findings no statement answers yet:
/// <c>component_not_present</c> for a component seen only in development or test scope, or reported by a tool but absent
/// from the product's runtime inventory (its latest scans); <c>fixed</c> for a finding a later scan or report no longer finds;
/// <c>not_reproduced</c> (<c>not_affected</c>) for an open finding whose latest validation check could not reproduce it.
/// </summary>
public sealed class VexSuggester(ICtemStore store, VersionSchemeRegistry schemes, TimeProvider time)
{
    public const string Author = "ctem";
    public const string Source = "ctem vex suggest";

    public async Task<IReadOnlyList<VexSuggestion>> SuggestAsync(string product, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        var findings = (await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All), cancellationToken)).Where(f => f.Vex is null).ToList();
        var suggestions = new List<VexSuggestion>();
        if (kinds.Contains(VexSuggestionKinds.ComponentNotPresent))
        {
            suggestions.AddRange(await NotPresentAsync(product, findings.Where(f => f.Status == FindingStatus.Open).ToList(), cancellationToken));
        }

        if (kinds.Contains(VexSuggestionKinds.Fixed))
        {
            suggestions.AddRange(await FixedAsync(product, findings.Where(f => f.Status == FindingStatus.Resolved).ToList(), cancellationToken));
        }

        if (kinds.Contains(VexSuggestionKinds.NotReproduced))
        {
            suggestions.AddRange(await NotReproducedAsync(product, findings.Where(f => f.Status == FindingStatus.Open).ToList(), cancellationToken));
        }

        return suggestions.OrderBy(s => s.Finding.Vulnerability.Id, StringComparer.Ordinal).ThenBy(s => s.Finding.ComponentPurl, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records the suggestions with author <c>ctem</c>, each bound to its finding, and applies them.</summary>
    public async Task<VexAddOutcome> ApplyAsync(string product, IReadOnlyList<VexSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var statements = suggestions.Select(s =>
        {
            // The same evidence for the same finding is the same statement: applying twice stores it once.
            var identity = string.Join('\n', [s.Kind, s.Finding.Id.ToString(CultureInfo.InvariantCulture), .. s.Statement.Evidence]);
            return new NewVexStatement(s.Statement with { Timestamp = now }, Source, "ctem", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity))), 0, now)
            {
                Product = product,
                FindingId = s.Finding.Id,
            };
        }).ToList();
        var outcome = await store.AddVexStatementsAsync(statements, cancellationToken);
        await new VexApplier(store, schemes, time).ApplyAsync(product, cancellationToken);
        return outcome;
    }

    private async Task<IReadOnlyList<VexSuggestion>> NotPresentAsync(string product, IReadOnlyList<StoredFinding> open, CancellationToken cancellationToken)
    {
        var suggestions = new List<VexSuggestion>();
        foreach (var finding in open.Where(f => f.Scope is DependencyScope.Development or DependencyScope.Test))
        {
            var scope = finding.Scope == DependencyScope.Development ? "development" : "test";
            var where = finding.Place is { } place ? $" ({place.Path}{(place.Line is { } line ? $":{line}" : "")})" : "";
            suggestions.Add(Suggest(VexSuggestionKinds.ComponentNotPresent, finding, VexState.NotAffected, $"{finding.ComponentPurl} is seen only in {scope} scope{where}: the release does not ship it"));
        }

        // Findings only tools report (no scan of Ctem's saw them): absent from the runtime inventory when the product has one.
        var runs = await store.GetRunsAsync(product, cancellationToken);
        var reportedOnly = open.Where(f => f.Scope is not (DependencyScope.Development or DependencyScope.Test) && !f.Sources.Contains(Discovery.ScanRunner.SourceName)).ToList();
        if (reportedOnly.Count == 0 || !runs.Any(r => r.Kind == RunKind.Scan))
        {
            return suggestions;
        }

        var keys = reportedOnly.Select(KeyOf).OfType<PackageKey>().Distinct().ToList();
        var inventories = (await store.FindInventoriesWithAsync(keys, cancellationToken)).Where(i => i.Product == product).ToList();
        var present = inventories.SelectMany(i => i.Components).Select(c => c.Coordinates).ToHashSet(StringComparer.Ordinal);
        var sources = string.Join(", ", runs.Where(r => r.Kind == RunKind.Scan).Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var finding in reportedOnly.Where(f => KeyOf(f) is not null && !present.Contains(f.ComponentPurl)))
        {
            suggestions.Add(Suggest(VexSuggestionKinds.ComponentNotPresent, finding, VexState.NotAffected,
                $"{finding.ComponentPurl} is reported by {string.Join(", ", finding.Sources)} but absent from the runtime inventory of the latest scans ({sources})"));
        }

        return suggestions;
    }

    private async Task<IReadOnlyList<VexSuggestion>> FixedAsync(string product, IReadOnlyList<StoredFinding> resolved, CancellationToken cancellationToken)
    {
        if (resolved.Count == 0)
        {
            return [];
        }

        var runs = (await store.GetRunsAsync(product, cancellationToken)).ToDictionary(r => r.Id);
        var resolvedBy = (await store.GetFindingEventsAsync(product, 0, long.MaxValue, cancellationToken))
            .Where(e => e.Kind == FindingEventKind.Resolved && e.RunId is not null)
            .GroupBy(e => e.FindingId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);
        var suggestions = new List<VexSuggestion>();
        foreach (var finding in resolved)
        {
            // A re-analysis resolves what a changed advisory no longer lists: that is not a fix of the release.
            if (!resolvedBy.TryGetValue(finding.Id, out var resolution) || !runs.TryGetValue(resolution.RunId!.Value, out var run) || run.Kind == RunKind.Reanalysis)
            {
                continue;
            }

            var what = run.Kind == RunKind.Scan ? "scan" : $"{run.Tool} report";
            suggestions.Add(Suggest(VexSuggestionKinds.Fixed, finding, VexState.Fixed,
                $"run {run.Id} ({what} of {run.Source}, {run.FinishedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC) no longer finds {finding.Vulnerability.Id} in {finding.ComponentPurl}"));
        }

        return suggestions;
    }

    private async Task<IReadOnlyList<VexSuggestion>> NotReproducedAsync(string product, IReadOnlyList<StoredFinding> open, CancellationToken cancellationToken)
    {
        if (open.Count == 0)
        {
            return [];
        }

        var byId = open.ToDictionary(f => f.Id);
        var evidence = await store.GetValidationEvidenceAsync(product, null, cancellationToken);
        return [.. ValidationEvidenceLookup.Latest(evidence)
            .Where(e => e.Outcome == ValidationOutcome.NotReproduced && byId.ContainsKey(e.FindingId))
            .Select(e => Suggest(VexSuggestionKinds.NotReproduced, byId[e.FindingId], VexState.NotAffected,
                string.Create(CultureInfo.InvariantCulture, $"check {e.CheckId} could not reproduce {byId[e.FindingId].Vulnerability.Id} on {e.Target} ({e.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(e.Retest ? ", retest" : "")}): {e.Detail}"),
                VexJustification.VulnerableCodeCannotBeControlledByAdversary))];
    }

    private static VexSuggestion Suggest(string kind, StoredFinding finding, VexState state, string evidence, VexJustification justification = VexJustification.ComponentNotPresent) =>
        new(kind, finding, new VexStatement(finding.Vulnerability.Id, finding.Vulnerability.Aliases, [new VexTarget(finding.ComponentPurl)], state)
        {
            Product = finding.Product,
            Justification = state == VexState.NotAffected ? justification : VexJustification.Unspecified,
            Detail = evidence,
            Evidence = [evidence],
            Author = Author,
        });

    private static PackageKey? KeyOf(StoredFinding finding) =>
        PackageUrl.Parse(finding.ComponentPurl) is { Success: true, Value: var purl }
            ? new Component(purl.Name, purl.Version, purl, null, new SourceLocation(finding.ComponentPurl, null)).PackageKey
            : null;
}
