using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem findings --explain</c>, VEX part: the statement in force (latest timestamp wins) and the others that apply.</summary>
public static class VexExplanation
{
    public static void Write(IAnsiConsole console, IReadOnlyList<StoredVexStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return;
        }

        var winner = statements[0];
        var effect = VexNames.Closes(winner.Statement.State)
            ? "it leaves the default list, the counts and --fail-on"
            : "it stays open";
        console.WriteLine($"VEX: {Describe(winner)}; {effect}");
        if (winner.Statement is { State: VexState.Affected, ActionStatement: { } action })
        {
            console.WriteLine($"Remediation: {action}");
        }

        foreach (var evidence in winner.Statement.Evidence)
        {
            console.WriteLine($"  evidence: {evidence}");
        }

        if (statements.Count > 1)
        {
            console.WriteLine($"Also applying ({statements.Count - 1}, older or stored earlier, not in force):");
            foreach (var other in statements.Skip(1))
            {
                console.WriteLine($"  {Describe(other)}");
            }
        }
    }

    private static string Describe(StoredVexStatement stored)
    {
        var statement = stored.Statement;
        var why = VexNames.Name(statement.Justification) is { } justification ? $" ({justification})" : "";
        var detail = statement.Detail is { Length: > 0 } text ? $": {TextCut.ToWidth(TextCut.OneLine(text), 100)}" : "";
        return $"{VexNames.Name(statement.State)}{why}{detail} — by {statement.Author ?? "unknown"}, {stored.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}, from {stored.Source} [statement {stored.Id}]";
    }
}
