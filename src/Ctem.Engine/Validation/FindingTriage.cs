using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;

namespace Ctem.Engine.Validation;

/// <summary>An analysis recorded by hand on one finding (<c>ctem triage</c>): the state, why, and who says so.</summary>
public sealed record TriageRequest(long FindingId, VexState State, string By)
{
    public VexJustification Justification { get; init; }

    public string? Detail { get; init; }
}

/// <summary>The triage as stored (null with <see cref="Error"/> when it was refused) and the finding it is on.</summary>
public sealed record TriageResult(StoredFinding? Finding, StoredVexStatement? Statement, string? Error);

/// <summary>
/// <c>ctem triage</c>: stores the analysis as a VEX statement bound to the finding (who, when and why: the audit entry),
/// and applies it, which records a <c>vex</c> event in the finding's history.
/// </summary>
public sealed class FindingTriage(ICtemStore store, VersionSchemeRegistry schemes, TimeProvider time)
{
    public const string Source = "triage";

    public async Task<TriageResult> RecordAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(request) is { } refusal)
        {
            return new TriageResult(null, null, refusal);
        }

        var found = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [request.FindingId] }, cancellationToken);
        if (found.Count == 0)
        {
            return new TriageResult(null, null, $"no finding has the ID {request.FindingId} (see 'ctem findings --status all' for the IDs)");
        }

        var finding = found[0];
        var now = time.GetUtcNow();
        var statement = new VexStatement(finding.Vulnerability.Id, finding.Vulnerability.Aliases, [new VexTarget(finding.ComponentPurl)], request.State)
        {
            Product = finding.Product,
            Justification = request.Justification,
            Detail = request.Detail,
            ActionStatement = request.State == VexState.Affected ? request.Detail : null,
            Author = request.By,
            Timestamp = now,
        };
        var identity = string.Join('\n', request.FindingId.ToString(CultureInfo.InvariantCulture), VexNames.Name(request.State), request.Justification, request.Detail, request.By, now.ToString("O", CultureInfo.InvariantCulture));
        var outcome = await store.AddVexStatementsAsync(
            [new NewVexStatement(statement, Source, "ctem", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity))), 0, now) { Product = finding.Product, FindingId = finding.Id }],
            cancellationToken);
        await new VexApplier(store, schemes, time).ApplyAsync(finding.Product, cancellationToken);
        var stored = (await store.GetVexStatementsAsync(outcome.Added, cancellationToken)).SingleOrDefault();
        var after = (await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [finding.Id] }, cancellationToken))[0];
        return new TriageResult(after, stored, null);
    }

    /// <summary>What OpenVEX requires of a statement, checked before anything is stored.</summary>
    private static string? Refusal(TriageRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.By))
        {
            return "--by needs a name: who made the analysis";
        }

        if (request.State == VexState.NotAffected && request.Justification == VexJustification.Unspecified && string.IsNullOrWhiteSpace(request.Detail))
        {
            return "not_affected needs --justification or --detail: VEX requires one of them";
        }

        if (request.Justification != VexJustification.Unspecified && request.State is not (VexState.NotAffected or VexState.FalsePositive))
        {
            return $"--justification is for not_affected (and false_positive), not {VexNames.Name(request.State)}";
        }

        return request.State == VexState.Affected && string.IsNullOrWhiteSpace(request.Detail)
            ? "affected needs --detail: what to do about it (VEX's action statement, shown as the remediation note)"
            : null;
    }
}
