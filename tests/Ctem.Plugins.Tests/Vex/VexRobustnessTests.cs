using System.Text;
using System.Text.Json.Nodes;
using Ctem.Plugins.Tests.Reports;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.Vex;

/// <summary>
/// Bad input is a value, never an exception: every JSON VEX sample and every writer's output, with one value at a time
/// replaced by null, text, a number or an empty list, comes back from each reader that claims it as a result.
/// </summary>
public sealed class VexRobustnessTests
{
    private const int MaxNodesPerFile = 150;

    private static readonly Func<JsonNode?>[] Replacements = [() => null, () => JsonValue.Create("x"), () => JsonValue.Create(7), () => new JsonArray()];

    [SkippableTheory]
    [InlineData("openvex", "defectdojo__openvex_many_vuln.json")]
    [InlineData("csaf", "defectdojo__csaf_many_vuln.json")]
    [InlineData("cyclonedx-vex", "defectdojo__valid-vulnerability-1.4.json")]
    [InlineData("cyclonedx-vex", "defectdojo__nested-component-log4j.json")]
    public void Read_SampleWithEveryValueReplaced_NeverThrows(string folder, string file)
    {
        RepoPaths.RequireShared();
        AssertNeverThrows(file, File.ReadAllText(ReportParserHarness.SharedScanner(folder, file)));
    }

    [Theory]
    [InlineData("openvex")]
    [InlineData("cyclonedx")]
    [InlineData("csaf")]
    public void Read_WrittenExportWithEveryValueReplaced_NeverThrows(string format)
    {
        AssertNeverThrows(VexHarness.FileName(format), VexHarness.Write(VexHarness.Writer(format), VexExports.Shop()));
    }

    private static void AssertNeverThrows(string name, string text)
    {
        var readers = BuiltInPlugins.VexReaders.Where(r => r.CanParse(name, Encoding.UTF8.GetBytes(text))).ToList();
        Assert.NotEmpty(readers);
        foreach (var path in ReportRobustnessTests.Paths(JsonNode.Parse(text)).Take(MaxNodesPerFile))
        {
            foreach (var replacement in Replacements)
            {
                var mutated = JsonNode.Parse(text)!;
                ReportRobustnessTests.Replace(mutated, path, replacement());
                var bytes = Encoding.UTF8.GetBytes(mutated.ToJsonString());
                foreach (var reader in readers)
                {
                    var result = reader.Read(name, bytes);
                    Assert.True(result.Document is not null || result.Diagnostics.Count > 0, $"{reader.Name} on {name} at {string.Join('/', path)}: no document and no reason");
                }
            }
        }
    }
}
