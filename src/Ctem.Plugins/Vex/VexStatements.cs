using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Vex;

/// <summary>What every VEX reader and writer does with statements: the rule they must meet, the order and the identity they are written in.</summary>
internal static class VexStatements
{
    /// <summary>
    /// The error for a statement the specifications forbid: <c>not_affected</c> with neither a justification nor an
    /// impact statement (OpenVEX, CSAF's csaf_vex profile; Ctem asks the same of CycloneDX). Null when it is fine.
    /// </summary>
    public static Diagnostic? Rejection(string path, VexStatement statement, string format)
    {
        if (statement.State != VexState.NotAffected || statement.Justification != VexJustification.Unspecified || !string.IsNullOrWhiteSpace(statement.Detail))
        {
            return null;
        }

        return Diagnostic.Error(
            DiagnosticCodes.InvalidVexStatement,
            path,
            $"{statement.VulnerabilityId}: not_affected without a justification or an impact statement is not a valid {format} statement; say why (justification {VexJustifications.Names}) and import again",
            statement.Location);
    }

    /// <summary>The writers' order (repeats dropped): by vulnerability, then component, then the rest, so the same data gives the same document.</summary>
    public static List<VexStatement> Ordered(IEnumerable<VexStatement> statements) =>
        statements
            .DistinctBy(Key)
            .OrderBy(s => s.VulnerabilityId, StringComparer.Ordinal)
            .ThenBy(s => TargetKey(s), StringComparer.Ordinal)
            .ThenBy(s => s.Product, StringComparer.Ordinal)
            .ThenBy(s => Key(s), StringComparer.Ordinal)
            .ToList();

    /// <summary>The first target as text: its purl, else its CPE or name.</summary>
    public static string TargetKey(VexStatement statement) =>
        statement.Targets.Count == 0 ? "" : TargetKey(statement.Targets[0]);

    public static string TargetKey(VexTarget target) =>
        (target.Purl ?? target.Cpe ?? target.Name ?? "") + (target.VersRange is { } range ? " " + range : "");

    /// <summary>Everything a statement says, as one hash: the seed of ids derived from content.</summary>
    public static string Key(VexStatement statement) =>
        VexIds.Hash(
        [
            statement.VulnerabilityId,
            string.Join(",", statement.Aliases),
            string.Join(",", statement.Targets.Select(TargetKey)),
            statement.Product,
            statement.State.ToString(),
            statement.Justification.ToString(),
            statement.Detail,
            statement.ActionStatement,
            string.Join(",", statement.Responses),
            statement.Timestamp is { } time ? VexIds.Time(time) : null,
        ]);
}
