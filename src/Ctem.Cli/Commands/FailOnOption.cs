using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Prioritization;

namespace Ctem.Cli.Commands;

/// <summary><c>--fail-on</c>: CI gating. Exit code 1 and a one-line summary on stderr when any finding meets a condition.</summary>
public sealed class FailOnOption
{
    private readonly Option<string[]> _option = new("--fail-on")
    {
        Description = "Exit 1 when a finding meets a condition: " + string.Join(", ", FailOnPolicy.Forms) + " (repeatable or comma-separated)",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command) => command.Options.Add(_option);

    /// <summary>The policy, or null after printing a usage error for a condition that is not one.</summary>
    public FailOnPolicy? Read(CliContext context, ParseResult parseResult)
    {
        var (policy, error) = FailOnPolicy.Parse(parseResult.GetValue(_option) ?? []);
        if (error is not null)
        {
            context.Host.Stderr.WriteLine($"ctem: {error}");
        }

        return policy;
    }

    /// <summary>Exit code 1 when the policy is breached (with why on stderr), else <paramref name="otherwise"/>.</summary>
    public static int Gate(CliContext context, FailOnPolicy policy, IEnumerable<FindingView> findings, int otherwise)
    {
        var breaches = policy.Breaches(findings.Select(f => new GateFinding(f.Purl, f.Vulnerability, f.Exploitation) { Risk = f.Risk }).ToList());
        if (breaches.Count == 0)
        {
            return otherwise;
        }

        var parts = breaches.Select(b =>
            $"{b.Findings.Count} finding(s) meet '{b.Condition}' ({string.Join(", ", b.Findings.Take(3).Select(Describe))}{(b.Findings.Count > 3 ? ", …" : "")})");
        context.Host.Stderr.WriteLine($"ctem: --fail-on breached: {string.Join("; ", parts)}");
        return ExitCodes.PolicyFailure;
    }

    private static string Describe(GateFinding finding) =>
        $"{finding.Vulnerability.Id} in {finding.Component}"
        + (finding.Risk is { } risk ? $" [{risk.Priority.ToString().ToLowerInvariant()} {risk.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}, SSVC {Ctem.Core.Scoring.Ssvc.CisaSsvc.NameOf(risk.Ssvc)}]" : "");
}
