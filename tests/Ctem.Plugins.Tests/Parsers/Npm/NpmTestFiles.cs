using System.Text;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Tests.Parsers.Npm;

/// <summary>Reads the test data and renders components compactly for exact comparison.</summary>
internal static class NpmTestFiles
{
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Parsers", "Npm", "testdata", .. parts]);

    /// <summary>Parses a test file; with <paramref name="withManifest"/> the parser may read files beside it.</summary>
    public static async Task<InventoryResult> Parse(IInventoryParser parser, string relative, bool withManifest = false)
    {
        var path = TestData(relative.Split('/'));
        await using var stream = File.OpenRead(path);
        var source = new InputSource(path, stream)
        {
            Related = withManifest ? p => File.Exists(p) ? File.ReadAllBytes(p) : null : null,
        };
        return await parser.ParseAsync(source, CancellationToken.None);
    }

    public static async Task<InventoryResult> ParseText(IInventoryParser parser, string fileName, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await parser.ParseAsync(new InputSource(fileName, stream), CancellationToken.None);
    }

    /// <summary>"name version purl scope relation".</summary>
    public static string Row(Component c) => $"{c.Name} {c.Version} {c.Purl} {c.Scope} {c.Relation}";
}
