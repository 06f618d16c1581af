using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Ctem.Testing;

/// <summary>
/// Golden files: expected output kept next to the test, under <c>golden/</c>. <c>CTEM_UPDATE_GOLDEN=1</c> rewrites
/// them (review the diff); they are never edited by hand. Volatile values are redacted first.
/// </summary>
public static partial class Golden
{
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "golden", name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CTEM_UPDATE_GOLDEN") == "1")
        {
            // Rewriting checks nothing: a CI run with it set would pass whatever the output.
            Assert.False(Prerequisite.InCi, "CTEM_UPDATE_GOLDEN=1 rewrites golden files instead of comparing them; CI must compare them");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with CTEM_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path), normalized);
    }

    // A CI build (ContinuousIntegrationBuild) maps source paths to "/_/"; map them back into the checkout.
    private static string SourcePath(string compiledPath) =>
        compiledPath.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Root, compiledPath[3..])
            : compiledPath;

    /// <summary>Replaces timestamps, temporary paths and SHA-256 digests with fixed tokens.</summary>
    public static string Redact(string text, params string[] paths)
    {
        foreach (var path in paths.OrderByDescending(p => p.Length))
        {
            text = text.Replace(path, "<path>", StringComparison.Ordinal);
        }

        text = Timestamp().Replace(text, "<time>");
        return Sha256().Replace(text, "<sha256>");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamp();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();
}
