using Ctem.Core.Model;

namespace Ctem.Plugins.Tests.Vex;

/// <summary>Exports the writer tests write: a small one for the golden files, and every state × justification for the round trips.</summary>
internal static class VexExports
{
    public static readonly DateTimeOffset Time = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly VexState[] States = [VexState.NotAffected, VexState.Affected, VexState.Fixed, VexState.UnderInvestigation, VexState.FalsePositive];

    private static readonly string[][] Vulnerabilities = [["CVE-2026-10001", "GHSA-aaaa-bbbb-cccc"], ["GHSA-jfh8-c2jp-5v3q", "CVE-2026-10002"], ["CVE-2026-10003"]];

    public static VexExport Shop() => Export(
    [
        Statement("CVE-2021-23337", "pkg:npm/lodash@4.17.20", VexState.NotAffected) with
        {
            Aliases = ["GHSA-35jh-r3h4-6jhm"],
            Justification = VexJustification.VulnerableCodeNotInExecutePath,
            Detail = "The template function is never called.",
            Evidence = ["No call to _.template in the application's code.", "Reachability analysis by ctem 0.1.0."],
            Timestamp = new DateTimeOffset(2026, 10, 20, 14, 30, 15, 250, TimeSpan.FromHours(2)),
        },
        Statement("CVE-2022-24999", "pkg:npm/qs@6.5.2", VexState.Affected) with
        {
            ActionStatement = "Upgrade qs to 6.5.3 or later.",
            Responses = ["update"],
        },
        Statement("CVE-2024-10001", "pkg:maven/org.example/parser@1.2.0", VexState.FalsePositive) with { Detail = "The scanner matched a different artifact of the same name." },
        Statement("CVE-2024-10002", "pkg:npm/debug@2.6.9", VexState.Fixed) with { Detail = "Fixed by the upgrade in 2.4.0." },
        Statement("CVE-2024-10003", "pkg:npm/express@4.17.1", VexState.UnderInvestigation),
        Statement("CVE-2024-10004", "pkg:npm/express@4.17.1", VexState.NotAffected) with { Justification = VexJustification.ComponentNotPresent },
    ]);

    /// <summary>Each state with no justification and with each of the five, on its own component, with and without detail, action and time.</summary>
    public static VexExport EveryStateAndJustification()
    {
        var statements = new List<VexStatement>();
        var justifications = Enum.GetValues<VexJustification>();
        foreach (var state in States)
        {
            foreach (var justification in justifications)
            {
                var i = statements.Count;
                var vulnerability = Vulnerabilities[i % Vulnerabilities.Length];
                var needsReason = state == VexState.NotAffected && justification == VexJustification.Unspecified;
                statements.Add(new VexStatement(vulnerability[0], vulnerability[1..], [new VexTarget($"pkg:npm/%40shop/lib-{i}@1.0.{i}")], state)
                {
                    Justification = justification,
                    Detail = i % 2 == 0 || needsReason ? $"Detail {i}: why this holds." : null,
                    ActionStatement = i % 3 == 0 ? $"Action {i}: upgrade." : null,
                    Timestamp = i % 2 == 1 ? Time.AddDays(-i) : null,
                });
            }
        }

        return Export(statements);
    }

    private static VexStatement Statement(string vulnerability, string purl, VexState state) =>
        new(vulnerability, [], [new VexTarget(purl)], state);

    private static VexExport Export(IReadOnlyList<VexStatement> statements) =>
        new("web-shop", "2.4.0", new VexParty("Example Org Security", "security@example.org", "https://example.org"), new VexParty("Example Org", null, "https://example.org"), Time, "ctem", "0.1.0", statements);
}
