using System.Text.Json;
using Ctem.Core.Scoring.Ssvc;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Ssvc;

/// <summary>Every row of CERT/CC's CISA decision table in ../shared/vectors/ssvc, as CSV and as JSON, through the public API.</summary>
public sealed class CisaSsvcTableVectorTests
{
    private const string TableFile = "cisa_coordinator_2_0_3";

    [SkippableFact]
    public void Decide_EveryCsvRow_GivesTheTablesOutcome()
    {
        RepoPaths.RequireShared();
        var lines = File.ReadAllLines(RepoPaths.SharedVectors("ssvc", "data", "csv", "cisa", TableFile + ".csv"))
            .Where(line => line.Length > 0)
            .ToArray();

        // Columns: row, the four decision points as "<Name> v<version>" in table order, then the outcome group.
        var header = lines[0].Split(',');
        var expectedHeader = CisaSsvc.DecisionPoints.Append(CisaSsvc.OutcomeGroup).Select(point => $"{point.Name} v{point.Version}");
        Assert.Equal(expectedHeader, header.Skip(1).Select(column => column.Replace(" (cisa)", string.Empty, StringComparison.Ordinal)));

        var failures = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var decision = CisaSsvc.Decide(cells[1], cells[2], cells[3], cells[4]);
            var expectedParsed = CisaSsvc.TryParseOutcome(cells[5], out var expected, out var error);
            if (!decision.Success || !expectedParsed || decision.Value.Outcome != expected)
            {
                failures.Add($"row {cells[0]}: expected {cells[5]} ({error}), got {(decision.Success ? decision.Value.OutcomeName : decision.Error)}");
            }
        }

        Assert.Equal(36, lines.Length - 1);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Decide_EveryJsonRow_GivesTheTablesOutcomeByKey()
    {
        RepoPaths.RequireShared();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedJsonPath()));
        var root = document.RootElement;
        var outcomeId = root.GetProperty("outcome").GetString()!;
        var ids = CisaSsvc.DecisionPoints.Select(point => point.Id).ToArray();

        var failures = new List<string>();
        var rows = 0;
        foreach (var row in root.GetProperty("mapping").EnumerateArray())
        {
            rows++;
            var keys = ids.Select(id => row.GetProperty(id).GetString()).ToArray();
            var decision = CisaSsvc.Decide(keys[0], keys[1], keys[2], keys[3]);
            var expectedKey = row.GetProperty(outcomeId).GetString();
            if (!decision.Success || decision.Value.OutcomeSelection.ValueKey != expectedKey)
            {
                failures.Add($"{string.Join('/', keys)}: expected {expectedKey}, got {(decision.Success ? decision.Value.OutcomeSelection.ValueKey : decision.Error)}");
            }
        }

        Assert.Equal(36, rows);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void EmbeddedTable_IsTheSharedFileUnchanged()
    {
        RepoPaths.RequireShared();
        var assembly = typeof(CisaSsvc).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + TableFile + ".json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(File.ReadAllBytes(SharedJsonPath()), copy.ToArray());
    }

    private static string SharedJsonPath() => RepoPaths.SharedVectors("ssvc", "data", "json", "decision_tables", "cisa", TableFile + ".json");
}
