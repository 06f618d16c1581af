using System.IO.Compression;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Discovery;

/// <summary>Every component read from a real SBOM or lockfile knows the line it is declared on, and that line is its declaration.</summary>
public sealed class ComponentLinesTests
{
    public static TheoryData<string?, string> Inputs => new()
    {
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/harp-darwin-amd64.sbom.json" },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/redis-commander-sbom-cdx.json" },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/spdx/flux_0.26.3_sbom.spdx.json" },
        { "bom-shelter-in-the-wild.zip", "in-the-wild/cyclonedx/mediawiki-cdx.xml" },
        { null, "Npm/testdata/npm-v3/package-lock.json" },
        { null, "Npm/testdata/yarn-classic/yarn.lock" },
        { null, "Composer/testdata/composer.lock" },
        { null, "NuGet/testdata/ctem.deps.json" },
        { null, "PyPI/testdata/Pipfile.lock" },
    };

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public async Task Collect_RealInput_EveryComponentOnItsDeclarationLine(string? sharedZip, string file)
    {
        using var temp = new TempDirectory();
        var path = sharedZip is null ? Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Parsers", file) : Extract(sharedZip, file, temp);
        var lines = await File.ReadAllLinesAsync(path);

        var collected = await new InventoryCollector(BuiltInPlugins.InventoryParsers, new InputReader(InputLimits.Default)).CollectAsync([path], null, null, CancellationToken.None);

        Assert.NotEmpty(collected.Components);
        Assert.All(collected.Components, c =>
        {
            Assert.True(c.Location.Line is > 0, $"{c.Name} at {c.Location.Pointer} has no line");
            // The declaration opens on that line; the name follows within the component's first lines.
            var declaration = string.Join('\n', lines.Skip(c.Location.Line!.Value - 1).Take(20));
            Assert.Contains(c.Name.Split('/')[^1], declaration, StringComparison.Ordinal);
        });
    }

    private static string Extract(string zip, string entry, TempDirectory temp)
    {
        RepoPaths.RequireShared();
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("sbom", zip));
        var path = temp.File(Path.GetFileName(entry));
        archive.GetEntry(entry)!.ExtractToFile(path);
        return path;
    }
}
