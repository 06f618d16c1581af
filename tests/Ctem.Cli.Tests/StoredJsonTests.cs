using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;
using Ctem.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// The payload columns a scan writes are written from compile-time JSON metadata (Storage's StorageJsonContext, for
/// start-up time); they must hold exactly the bytes the reflection serializer wrote before, on the demo's real data.
/// </summary>
public sealed class StoredJsonTests
{
    // The storage options as they were before the compile-time metadata: reflection only.
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropSetterless } },
    };

    public static TheoryData<string, Type> Columns() => new()
    {
        { "SELECT risk_json FROM findings WHERE risk_json IS NOT NULL", typeof(RiskAssessment) },
        { "SELECT risk_settings_json FROM products WHERE risk_settings_json IS NOT NULL", typeof(ProductRiskSettings) },
        { "SELECT graph_json FROM product_graphs", typeof(ExposureGraph) },
        { "SELECT inputs_json FROM runs", typeof(IReadOnlyList<ScanInput>) },
        { "SELECT aliases_json FROM findings", typeof(IReadOnlyList<string>) },
        { "SELECT severity_json FROM advisories", typeof(IReadOnlyList<SeverityScore>) },
        { "SELECT record_json FROM cve_records", typeof(CveRecord) },
    };

    [SkippableTheory]
    [MemberData(nameof(Columns))]
    public async Task ScanAndImport_PayloadColumns_HoldWhatTheReflectionSerializerWrites(string query, Type type)
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();
        await fixture.RunAsync("db", "import", CliFixture.DemoAdvisories, RepoPaths.SharedData("kev", "known_exploited_vulnerabilities.json"));
        await fixture.RunAsync("db", "import", RepoPaths.SharedData("cve", "vulnrichment-cve5-2022.zip"));
        var scan = await fixture.RunAsync("scan", CliFixture.DemoSbom, "--scope", Path.Combine(RepoPaths.Samples, "demo", "ctem.yaml"));
        Assert.True(scan.ExitCode is 0 or 1, scan.Stderr);

        var stored = await ReadAsync(fixture.Database, query);

        Assert.NotEmpty(stored);
        Assert.All(stored, json => Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type, Reflection), type, Reflection)));
    }

    private static async Task<List<string>> ReadAsync(string database, string query)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static void DropSetterless(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
