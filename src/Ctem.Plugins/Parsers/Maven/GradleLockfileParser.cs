using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>
/// Reads a Gradle dependency lock file: <c>gradle.lockfile</c> (and <c>buildscript-gradle.lockfile</c>), lines
/// <c>group:artifact:version=configuration,…</c>, or the Gradle 6 per-configuration files
/// <c>gradle/dependency-locks/&lt;configuration&gt;.lockfile</c> with bare coordinates. The scope comes from the
/// configurations: only test ones (the name contains "test") → Test; a compile or runtime classpath → Runtime; only
/// others (annotation processors, linters, buildscript classpaths) → Development. Lock files do not say which
/// dependencies are declared, so the relation is left unspecified.
/// </summary>
public sealed class GradleLockfileParser : IInventoryParser
{
    public string Name => "maven/gradle-lockfile";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith("gradle.lockfile", StringComparison.OrdinalIgnoreCase)
            || (name.EndsWith(".lockfile", StringComparison.OrdinalIgnoreCase) && IsLegacyLockDirectory(path));
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var fileName = Path.GetFileName(source.Path);
        var buildscript = fileName.StartsWith("buildscript-", StringComparison.OrdinalIgnoreCase);
        var legacyConfiguration = fileName.EndsWith("gradle.lockfile", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFileNameWithoutExtension(fileName);

        var diagnostics = new List<Diagnostic>();
        var components = new List<Component>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var pointer = $"line {lineNumber}";
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var coordinates = equals < 0 ? line : line[..equals];
            if (coordinates == "empty")
            {
                continue;
            }

            var configurations = equals < 0
                ? (legacyConfiguration is null ? [] : [legacyConfiguration])
                : line[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var parts = coordinates.Split(':');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, source.Path, $"'{coordinates}' is not group:artifact:version; skipped", pointer));
                continue;
            }

            var name = $"{parts[0]}:{parts[1]}";
            var purl = MavenPurl.Create(parts[0], parts[1], parts[2]);
            if (purl is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, source.Path, $"no purl can be made for '{coordinates}'; kept, but it cannot be matched", pointer));
            }

            components.Add(new Component(name, parts[2], purl, MavenPurl.BomRef(purl, name, parts[2]), new SourceLocation(source.Path, pointer))
            {
                Scope = buildscript ? DependencyScope.Development : ScopeOf(configurations),
                Type = "library",
            });
        }

        if (components.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, source.Path, "the lock file lists no dependencies"));
        }

        return new InventoryResult(new Inventory(null, components), diagnostics);
    }

    private static DependencyScope ScopeOf(IReadOnlyList<string> configurations)
    {
        if (configurations.Count == 0)
        {
            return DependencyScope.Unspecified;
        }

        var nonTest = configurations.Where(c => !c.Contains("test", StringComparison.OrdinalIgnoreCase)).ToList();
        if (nonTest.Count == 0)
        {
            return DependencyScope.Test;
        }

        return nonTest.Any(IsClasspath) ? DependencyScope.Runtime : DependencyScope.Development;
    }

    /// <summary><c>compileClasspath</c>, <c>runtimeClasspath</c> and variant ones such as Android's <c>releaseRuntimeClasspath</c>.</summary>
    private static bool IsClasspath(string configuration) =>
        configuration.EndsWith("compileClasspath", StringComparison.OrdinalIgnoreCase)
        || configuration.EndsWith("runtimeClasspath", StringComparison.OrdinalIgnoreCase);

    private static bool IsLegacyLockDirectory(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) is { } directory
        && directory.Equals("dependency-locks", StringComparison.OrdinalIgnoreCase);
}
