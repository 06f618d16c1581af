using System.Text;
using System.Text.Json.Nodes;
using Ctem.Core.Extensibility;
using Xunit;

namespace Ctem.Plugins.Tests.Reports;

/// <summary>
/// Bad input is a value, never an exception: every JSON test report, with one value at a time replaced by null, text,
/// a number or an empty list, must come back from its parser as a result (a report or a diagnostic).
/// </summary>
public sealed class ReportRobustnessTests
{
    private const int MaxNodesPerFile = 150;

    private static readonly Func<JsonNode?>[] Replacements = [() => null, () => JsonValue.Create("x"), () => JsonValue.Create(7), () => new JsonArray()];

    public static TheoryData<string> JsonTestReports =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Reports"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(JsonTestReports))]
    public async Task Parse_EveryValueReplaced_NeverThrows(string file)
    {
        var whole = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, file));
        var parsers = BuiltInPlugins.ReportParsers.Where(p => p.Claims(file, Encoding.UTF8.GetBytes(whole))).ToList();

        // JSON lines (nuclei): the first line is mutated, the others stay as they are.
        var isLines = whole.TrimStart().StartsWith('{') && whole.Trim().Contains('\n', StringComparison.Ordinal) && !IsOneDocument(whole);
        var text = isLines ? whole[..whole.IndexOf('\n', StringComparison.Ordinal)] : whole;
        var rest = isLines ? whole[whole.IndexOf('\n', StringComparison.Ordinal)..] : "";
        var root = JsonNode.Parse(text);
        var paths = Paths(root).Take(MaxNodesPerFile).ToList();
        Assert.NotEmpty(paths);

        foreach (var path in paths)
        {
            foreach (var replacement in Replacements)
            {
                var mutated = JsonNode.Parse(text)!;
                Replace(mutated, path, replacement());
                var bytes = Encoding.UTF8.GetBytes(mutated.ToJsonString() + rest);
                foreach (var parser in parsers)
                {
                    using var stream = new MemoryStream(bytes);
                    var result = await parser.ParseAsync(new InputSource(file, stream), CancellationToken.None);
                    Assert.True(result.Report is not null || result.Diagnostics.Count > 0, $"{parser.Name} on {file} at {string.Join('/', path)}: no report and no reason");
                }
            }
        }
    }

    private static bool IsOneDocument(string text)
    {
        try
        {
            _ = JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    // Every value's path below the root, breadth first, so the shape-defining values near the top come first.
    internal static IEnumerable<object[]> Paths(JsonNode? root)
    {
        var queue = new Queue<(JsonNode? Node, object[] Path)>([(root, [])]);
        while (queue.Count > 0)
        {
            var (node, path) = queue.Dequeue();
            if (path.Length > 0)
            {
                yield return path;
            }

            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        queue.Enqueue((value, [.. path, key]));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        queue.Enqueue((array[i], [.. path, i]));
                    }

                    break;
            }
        }
    }

    internal static void Replace(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }

        if (path[^1] is int last)
        {
            parent.AsArray()[last] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
    }
}
