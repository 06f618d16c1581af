using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Engine.Validation;

/// <param name="Release">The release the document is about (the product's version); null leaves it unnamed.</param>
public sealed record VexExportRequest(string Product, string? Release, VexPolicy Policy, string ToolName, string ToolVersion);

/// <summary>
/// <c>ctem vex export</c>: every vulnerability known for the product, one statement per (vulnerability, component), with
/// its state: the statement in force where one applies, else <c>affected</c> while a source reports it (with the fixed
/// versions as the action) and <c>fixed</c> once none does. Deterministic: the order, and every timestamp, come from the data.
/// </summary>
public sealed class VexExporter(ICtemStore store)
{
    public static readonly VexParty DefaultAuthor = new("ctem");

    public async Task<VexExport> ExportAsync(VexExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var findings = await store.GetFindingsAsync(new FindingFilter(request.Product, FindingStatusFilter.All), cancellationToken);
        var winners = (await store.GetVexStatementsAsync(findings.Select(f => f.Vex?.StatementId).OfType<long>().ToList(), cancellationToken)).ToDictionary(s => s.Id);
        var statements = findings
            .OrderBy(f => f.Vulnerability.Id, StringComparer.Ordinal)
            .ThenBy(f => f.ComponentPurl, StringComparer.Ordinal)
            .Select(f => StatementOf(request.Product, f, f.Vex is { } vex ? winners.GetValueOrDefault(vex.StatementId) : null))
            .ToList();
        var runs = await store.GetRunsAsync(request.Product, cancellationToken);
        var timestamp = statements.Select(s => s.Timestamp).OfType<DateTimeOffset>().Concat(runs.Select(r => r.FinishedAt)).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return new VexExport(request.Product, request.Release, request.Policy.Author ?? DefaultAuthor, request.Policy.Supplier, timestamp, request.ToolName, request.ToolVersion, statements);
    }

    private static VexStatement StatementOf(string product, StoredFinding finding, StoredVexStatement? inForce)
    {
        var target = new VexTarget(finding.ComponentPurl);
        if (inForce is { Statement: var statement })
        {
            return new VexStatement(finding.Vulnerability.Id, finding.Vulnerability.Aliases, [target], statement.State)
            {
                Product = product,
                Justification = statement.Justification,
                FormatJustification = statement.FormatJustification,
                Detail = statement.Detail,
                ActionStatement = statement.ActionStatement,
                Responses = statement.Responses,
                Evidence = statement.Evidence,
                Timestamp = inForce.At,
                Author = statement.Author,
            };
        }

        if (finding.Status == FindingStatus.Resolved)
        {
            var since = finding.ResolvedAt ?? finding.LastSeenAt;
            return new VexStatement(finding.Vulnerability.Id, finding.Vulnerability.Aliases, [target], VexState.Fixed)
            {
                Product = product,
                Evidence = [$"no source has reported it since {since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {string.Join(", ", finding.Sources)} last did"],
                Timestamp = since,
            };
        }

        return new VexStatement(finding.Vulnerability.Id, finding.Vulnerability.Aliases, [target], VexState.Affected)
        {
            Product = product,
            ActionStatement = finding.FixedVersions.Count > 0 ? $"Upgrade {finding.PackageName} to {string.Join(" or ", finding.FixedVersions)}" : "No fixed version is known",
            Responses = finding.FixedVersions.Count > 0 ? ["update"] : [],
            Evidence = [$"{string.Join(", ", finding.Sources)} report{(finding.Sources.Count == 1 ? "s" : "")} it in {finding.ComponentPurl}"],
            Timestamp = finding.FirstSeenAt,
        };
    }
}
