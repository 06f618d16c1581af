using System.Globalization;
using Ctem.Core.Stores;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem findings --explain</c>, validation part: each check outcome recorded on the finding (<c>ctem validate</c>), latest first.</summary>
public static class ValidationExplanation
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ValidationEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return;
        }

        var latest = evidence.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList();
        var effect = latest[0].Outcome switch
        {
            ValidationOutcome.Validated => "SSVC Exploitation counts it as public PoC at least",
            ValidationOutcome.NotReproduced => "it stays open; 'ctem vex suggest' proposes not_affected",
            _ => "it counts for nothing",
        };
        console.WriteLine($"Validation: {Describe(latest[0])}; {effect}");
        console.WriteLine($"  {latest[0].Detail}");
        foreach (var older in latest.Skip(1).Take(4))
        {
            console.WriteLine($"  earlier: {Describe(older)}");
        }
    }

    private static string Describe(ValidationEvidence evidence) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ValidationOutcomes.Name(evidence.Outcome)} by check {evidence.CheckId} on {evidence.Target}, {evidence.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(evidence.Retest ? " (retest)" : "")}");
}
