using System.IO.Compression;
using Ctem.Core.Versioning;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Knowledge;

public sealed class DocumentParserTests
{
    // The versions parsed during an import are shared between records and forgotten past a bound: whether a version
    // was parsed for this record, for an earlier one, or again after the bound was crossed, the reduction is the same.
    [SkippableTheory]
    [InlineData("PyPI.zip", 100_000)]
    [InlineData("PyPI.zip", 50)]
    [InlineData("PyPI.zip", 1)]
    public void Parse_SharedExport_ReducesListedVersionsAsEachRecordAlone(string zip, int maxParsedVersions)
    {
        RepoPaths.RequireShared();
        var parser = new DocumentParser(BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, maxParsedVersions);
        var osv = BuiltInPlugins.AdvisoryParsers.Single(p => p.Name == "osv/json");
        var (records, listed) = (0, 0);

        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("osv", zip));
        foreach (var entry in archive.Entries)
        {
            using var buffer = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(buffer);
            }

            var parsed = parser.Parse(InputItem.Read(entry.FullName, buffer.ToArray())).Advisory!;
            var read = osv.Parse(entry.FullName, buffer.ToArray()).Advisory!;
            var alone = ListedVersionReducer.Reduce(read, BuiltInPlugins.VersionSchemes);
            Assert.Equal(alone.Affected.Select(a => a.Versions), parsed.Affected.Select(a => a.Versions));
            (records, listed) = (records + 1, listed + read.Affected.Sum(a => a.Versions.Count));
        }

        Assert.Equal(archive.Entries.Count, records);
        Assert.True(listed > 10_000, $"the export lists versions to reduce ({listed})");
    }
}
